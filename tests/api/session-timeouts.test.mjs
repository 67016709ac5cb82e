// Session timeouts from the command line: a short idle timeout ends an unused session, use keeps it alive, and
// the absolute lifetime ends it however busy it is. Times are kept in whole seconds, so the waits leave a margin.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, api, assertProblem } from '../support/server.mjs';

const servers = [];
after(async () => {
  for (const server of servers) {
    await server.stop();
    server.cleanup();
  }
});

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

test('an idle timeout of 2s ends an unused session; requests in between keep it alive', async () => {
  const server = await startServer({ args: ['--idle-timeout', '2s', '--absolute-lifetime', '1h'] });
  servers.push(server);
  // Signed in one after the other (a sign-in takes a while: Argon2id), the busy one last.
  const idle = await signIn(server.url, 'melder');
  const busy = await signIn(server.url, 'melder');
  // Five seconds of use, a request every half second: well past the idle timeout, never idle for it.
  for (let step = 0; step < 10; step += 1) {
    assert.equal((await api(server.url, 'GET', '/api/v1/signals', { token: busy })).status, 200, `busy step ${step}`);
    await sleep(500);
  }
  const expired = assertProblem(await api(server.url, 'GET', '/api/v1/signals', { token: idle }), 401, 'idle session');
  assert.match(expired.detail, /verlopen/);
  assert.equal((await api(server.url, 'GET', '/api/v1/signals', { token: busy })).status, 200, 'the busy one lives on');
  // The checks are in whole seconds, so a request just over 2s after the last one may still pass; 4s never does.
  await sleep(4000);
  assertProblem(await api(server.url, 'GET', '/api/v1/signals', { token: busy }), 401, 'busy session, then idle');
});

test('the absolute lifetime ends a session however busy it is', async () => {
  const server = await startServer({ args: ['--idle-timeout', '2s', '--absolute-lifetime', '4s'] });
  servers.push(server);
  const signedInAt = Date.now();
  const response = await api(server.url, 'POST', '/api/v1/sessions', { body: { username: 'af', password: 'demo-password' } });
  assert.equal(response.status, 201);
  const { token } = response.body;
  const lifetime = Date.parse(response.body.expiresAt) - signedInAt;
  assert.ok(lifetime > 2000 && lifetime <= 5000, `expiresAt is about 4s ahead (${lifetime} ms)`);
  const statuses = [];
  while (Date.now() - signedInAt < 7000) {
    statuses.push([Date.now() - signedInAt, (await api(server.url, 'GET', '/api/v1/cases', { token })).status]);
    await sleep(400);
  }
  for (const [at, status] of statuses) {
    if (at < 3000) assert.equal(status, 200, `${at} ms after sign-in`);
    if (at >= 6000) assert.equal(status, 401, `${at} ms after sign-in`);
  }
});

test('timeouts are checked at start: out of range or idle longer than the lifetime exits 2', async () => {
  const { spawnSync } = await import('node:child_process');
  const { binary } = await import('../support/server.mjs');
  for (const args of [['--idle-timeout', '0s'], ['--idle-timeout', '15'], ['--absolute-lifetime', '9d'],
    ['--idle-timeout', '2h', '--absolute-lifetime', '1h']]) {
    const result = spawnSync(binary, ['serve', '--data', '/nonexistent/never-created', '--listen', '127.0.0.1:0', ...args],
      { encoding: 'utf8', timeout: 20000 });
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
    assert.match(result.stderr, /idle-timeout|absolute-lifetime/);
  }
});
