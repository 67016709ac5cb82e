// The server holds at most `max-connections` client connections: a client that opens connections faster than
// they time out gets a 503 on the one beyond the limit, not the process's last file descriptors, and the server
// serves again as soon as connections close.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from '../support/server.mjs';

const servers = [];
after(async () => {
  for (const server of servers) {
    await server.stop();
    server.cleanup();
  }
});

/** Opens a TCP connection to the server that sends nothing (as a slow client would). */
function idleConnection(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Sends one raw HTTP/1.1 request on a new connection and resolves with everything the server sent back. */
function rawRequest(url, pathName) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET ${pathName} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    let received = '';
    socket.on('data', (chunk) => { received += chunk; });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

/** Asserts that the server answers /health/live again within a few seconds (once connections have closed). */
async function assertServedAgain(url) {
  let live;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    live = await fetch(`${url}/health/live`).catch(() => null);
    if (live?.status === 200) break;
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
  assert.equal(live?.status, 200, 'served again once connections closed');
}

test('a connection beyond max-connections is answered 503 at once, and the server serves again once some close',
  async () => {
    const server = await startServer({ args: ['--max-connections', '16'] });
    servers.push(server);
    const held = [];
    for (let index = 0; index < 16; index += 1) held.push(await idleConnection(server.url));

    const refused = await rawRequest(server.url, '/health/live');
    const [head, body] = refused.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 503 /);
    assert.match(head, /\r\nRetry-After: 1\r\n/i);
    assert.match(head, /\r\nContent-Type: application\/problem\+json\r\n/i);
    assert.match(head, /\r\nX-Content-Type-Options: nosniff\r\n/i);
    assert.equal(JSON.parse(body).status, 503);
    assert.match(JSON.parse(body).detail, /druk/);

    for (const socket of held.splice(0, 4)) socket.destroy();
    await assertServedAgain(server.url);
    for (const socket of held) socket.destroy();
  });

/**
 * Opens a connection that sends nothing and resolves when the server has answered or closed it, with what it sent
 * (empty when the server closed it without an answer).
 */
function connectionAnswer(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    // Half-open allowed: the socket does not close its side when the server has sent its answer and shut down its
    // own, so a refusal lives on the server until it gives up waiting.
    const socket = net.connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    let received = '';
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        resolve({ socket, received });
      }
    };
    socket.on('data', (chunk) => {
      received += chunk;
      if (received.includes('\r\n\r\n')) settle();
    });
    socket.on('end', settle);
    socket.on('close', settle);
    socket.on('error', settle);
  });
}

test('beyond max-connections and 64 refusals at once, a connection is closed without an answer, and the server '
  + 'serves again afterwards', async () => {
  const server = await startServer({ args: ['--max-connections', '16'] });
  servers.push(server);
  const held = [];
  for (let index = 0; index < 16; index += 1) held.push(await idleConnection(server.url));
  // A refusal lives until its client closes or for at most a second; a machine slow enough for the 64 to expire
  // before the next connection arrives gets another try.
  let unanswered = null;
  for (let attempt = 0; attempt < 5 && unanswered === null; attempt += 1) {
    const refusals = await Promise.all(Array.from({ length: 64 }, () => connectionAnswer(server.url)));
    for (const { received } of refusals) assert.match(received, /^HTTP\/1\.1 503 /);
    const beyond = await connectionAnswer(server.url);
    if (beyond.received === '') unanswered = beyond;
    else assert.match(beyond.received, /^HTTP\/1\.1 503 /);
    for (const { socket } of [...refusals, beyond]) socket.destroy();
    // Before another try, the server has let go of these refusals (each lives a second at most), so the next 64
    // are all answered.
    if (unanswered === null) await new Promise((resolve) => { setTimeout(resolve, 1500); });
  }
  assert.notEqual(unanswered, null, 'a connection beyond the refusals was closed without an answer');

  for (const socket of held) socket.destroy();
  await assertServedAgain(server.url);
});

test('max-connections outside 16 to 100000 is refused at start with a one-line message and exit code 2',
  async () => {
    await assert.rejects(startServer({ args: ['--max-connections', '3'] }), /exited with 2[^]*max-connections/);
  });
