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
    let live;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      live = await fetch(`${server.url}/health/live`).catch(() => null);
      if (live?.status === 200) break;
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
    assert.equal(live?.status, 200, 'served again once connections closed');
    for (const socket of held) socket.destroy();
  });

test('max-connections outside 16 to 100000 is refused at start with a one-line message and exit code 2',
  async () => {
    await assert.rejects(startServer({ args: ['--max-connections', '3'] }), /exited with 2[^]*max-connections/);
  });
