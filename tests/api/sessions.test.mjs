// Sessions: signing out ends the token; five wrong passwords lock an account; unknown users are
// indistinguishable from wrong passwords. Lockout runs on its own server so no other test is locked out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, api, assertProblem } from '../support/server.mjs';

let server;
let lockoutServer;

before(async () => {
  server = await startServer();
  lockoutServer = await startServer();
});

after(async () => {
  for (const s of [server, lockoutServer]) {
    await s?.stop();
    s?.cleanup();
  }
});

const signInRaw = (url, username, password) =>
  api(url, 'POST', '/api/v1/sessions', { body: { username, password } });

test('POST /sessions returns a token and the user with roles', async () => {
  const response = await signInRaw(server.url, 'af', 'demo-password');
  assert.equal(response.status, 201);
  assert.equal(typeof response.body.token, 'string');
  assert.ok(response.body.token.length >= 20);
  assert.equal(response.body.user.username, 'af');
  assert.deepEqual(response.body.user.roles, ['aandachtfunctionaris']);
  const other = await signInRaw(server.url, 'af', 'demo-password');
  assert.notEqual(other.body.token, response.body.token, 'every sign-in gets its own token');
});

test('DELETE /sessions/current → 204, then the token is refused; other sessions live on', async () => {
  const { url } = server;
  const token = await signIn(url, 'melder');
  const other = await signIn(url, 'melder');
  assert.equal((await api(url, 'GET', '/api/v1/signals', { token })).status, 200);
  const out = await api(url, 'DELETE', '/api/v1/sessions/current', { token });
  assert.equal(out.status, 204);
  assert.equal(out.body, '');
  assertProblem(await api(url, 'GET', '/api/v1/signals', { token }), 401, 'signed-out token');
  assertProblem(await api(url, 'DELETE', '/api/v1/sessions/current', { token }), 401, 'signing out twice');
  assert.equal((await api(url, 'GET', '/api/v1/signals', { token: other })).status, 200, 'the other session is untouched');
});

test('bad sign-in bodies are 400, not a failed sign-in', async () => {
  const { url } = server;
  const malformed = assertProblem(await api(url, 'POST', '/api/v1/sessions', { rawBody: '{"username":' }), 400);
  assert.ok(malformed.invalidParams.some((p) => p.name === 'body'));
  const missing = assertProblem(await api(url, 'POST', '/api/v1/sessions', { body: { username: 'melder' } }), 400);
  assert.ok(missing.invalidParams.some((p) => p.name === 'password'));
  const extra = assertProblem(await api(url, 'POST', '/api/v1/sessions',
    { body: { username: 'melder', password: 'demo-password', remember: true } }), 400);
  assert.ok(extra.invalidParams.some((p) => p.name === 'remember'));
  const typed = assertProblem(await api(url, 'POST', '/api/v1/sessions', { body: { username: 'melder', password: 123 } }), 400);
  assert.ok(typed.invalidParams.some((p) => p.name === 'password'));
});

test('a wrong password for an unknown user gets the same answer as for a known user', async () => {
  const { url } = server;
  const known = await signInRaw(url, 'beleid', 'not-the-password');
  const unknown = await signInRaw(url, 'nobody-by-this-name', 'not-the-password');
  assertProblem(known, 401, 'known user');
  assertProblem(unknown, 401, 'unknown user');
  assert.equal(unknown.status, known.status);
  assert.equal(unknown.body.title, known.body.title);
  assert.equal(unknown.body.detail, known.body.detail, 'the message does not reveal whether the account exists');
  assert.equal(unknown.body.token, undefined);
  // One failure does not lock: the right password still works.
  assert.equal((await signInRaw(url, 'beleid', 'demo-password')).status, 201);
});

test('lockout: after 5 wrong passwords even the right one is refused; other accounts are unaffected', async () => {
  const { url } = lockoutServer;
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    assertProblem(await signInRaw(url, 'melder', `wrong-password-${attempt}`), 401, `wrong attempt ${attempt}`);
  }
  const locked = await signInRaw(url, 'melder', 'demo-password');
  assert.ok([401, 429].includes(locked.status), `locked account refused, got ${locked.status}`);
  assertProblem(locked, locked.status);
  assert.equal(locked.body.token, undefined, 'no token for a locked account');
  // Still locked on a further try; a different account signs in normally.
  const again = await signInRaw(url, 'melder', 'demo-password');
  assert.ok([401, 429].includes(again.status));
  assert.equal((await signInRaw(url, 'melder2', 'demo-password')).status, 201, 'melder2 is not locked');
  // Unknown accounts lock the same way, so a lock reveals nothing either.
  for (let attempt = 1; attempt <= 5; attempt += 1) await signInRaw(url, 'ghost', `wrong-${attempt}`);
  const ghost = await signInRaw(url, 'ghost', 'anything-at-all');
  assert.equal(ghost.status, again.status, 'a locked unknown account answers like a locked known one');
});

test('four wrong passwords do not lock the account', async () => {
  const { url } = lockoutServer;
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    assertProblem(await signInRaw(url, 'beleid', `wrong-password-${attempt}`), 401);
  }
  assert.equal((await signInRaw(url, 'beleid', 'demo-password')).status, 201);
});

test('one address spraying many accounts is refused for a while; other addresses are not', async () => {
  const { apiFrom } = await import('../support/server.mjs');
  const from = '127.0.6.1';
  const attempt = (username, password) =>
    apiFrom(lockoutServer.url, from, 'POST', '/api/v1/sessions', { body: { username, password } });
  for (let index = 0; index < 20; index += 1) {
    assertProblem(await attempt(`verzonnen-${index}`, 'geen-wachtwoord'), 401, `attempt ${index}`);
  }
  // Even the right password of an account that was never tried is refused from this address now.
  const refused = assertProblem(await attempt('melder2', 'demo-password'), 429);
  assert.match(refused.detail, /vanaf dit adres/);
  const elsewhere = await apiFrom(lockoutServer.url, '127.0.6.2', 'POST', '/api/v1/sessions',
    { body: { username: 'melder2', password: 'demo-password' } });
  assert.equal(elsewhere.status, 201);
});

// Behind a reverse proxy every request comes from the proxy: the limits must count the client the proxy names
// (X-Forwarded-For), and only a proxy the operator trusts may name one.
test('behind a trusted proxy the limits count the client it names; nobody else can name one', async () => {
  const { apiFrom } = await import('../support/server.mjs');
  const proxy = '127.0.7.1';
  const own = await startServer({ args: ['--trusted-proxy', proxy, '--trusted-proxy', '10.0.0.0/8'] });
  try {
    const via = (from, forwardedFor, username, password) => apiFrom(own.url, from, 'POST', '/api/v1/sessions',
      { body: { username, password }, headers: { 'x-forwarded-for': forwardedFor } });
    for (let index = 0; index < 20; index += 1) {
      assertProblem(await via(proxy, '203.0.113.1', `verzonnen-${index}`, 'geen-wachtwoord'), 401, `attempt ${index}`);
    }
    assertProblem(await via(proxy, '203.0.113.1', 'melder2', 'demo-password'), 429);
    // What the client wrote left of the address the proxy appended proves nothing.
    assertProblem(await via(proxy, '203.0.113.9, 203.0.113.1', 'melder2', 'demo-password'), 429);
    // A trusted load balancer between client and proxy is passed over.
    assertProblem(await via(proxy, '203.0.113.1, 10.0.0.2', 'melder2', 'demo-password'), 429);
    // Another client behind the same proxy is not refused, and neither is the proxy's own address.
    assert.equal((await via(proxy, '203.0.113.2', 'melder2', 'demo-password')).status, 201);
    assert.equal((await apiFrom(own.url, proxy, 'POST', '/api/v1/sessions',
      { body: { username: 'melder2', password: 'demo-password' } })).status, 201);

    // An address that is not a trusted proxy cannot name another client to escape its limit.
    const direct = '127.0.7.2';
    for (let index = 0; index < 20; index += 1) {
      assertProblem(await via(direct, `198.51.100.${index}`, `verzonnen-${index}`, 'geen-wachtwoord'), 401);
    }
    assertProblem(await via(direct, '198.51.100.77', 'melder2', 'demo-password'), 429);
  } finally {
    await own.stop();
    own.cleanup();
  }
});

test('a trusted proxy that is no address or prefix stops the start with one line', async () => {
  await assert.rejects(startServer({ args: ['--trusted-proxy', 'proxy.gemeente.example'] }),
    /server exited with 2:\n.*proxy\.gemeente\.example: not an IP address or prefix/);
});

test('attempts from one address at the same time spend the limit and not one more', async () => {
  const { apiFrom } = await import('../support/server.mjs');
  const from = '127.0.6.3';
  const attempt = (username, password) =>
    apiFrom(lockoutServer.url, from, 'POST', '/api/v1/sessions', { body: { username, password } });
  const answers = await Promise.all(Array.from({ length: 30 }, (_, index) =>
    attempt(`gelijktijdig-${index}`, 'geen-wachtwoord')));
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 401).length, 20, statuses.join(' '));
  assert.equal(statuses.filter((status) => status === 429).length, 10, statuses.join(' '));
  assertProblem(await attempt('melder2', 'demo-password'), 429);
});

test('the sign-in page counts the same way: at the same time, 20 failures and the rest refused in Dutch', async () => {
  const { apiFrom } = await import('../support/server.mjs');
  const from = '127.0.6.5';
  const form = await apiFrom(lockoutServer.url, from, 'GET', '/inloggen');
  const cookie = form.headers.get('set-cookie').split(';')[0];
  const csrf = form.body.match(/name="csrf" value="([^"]+)"/)[1];
  const post = (username) => apiFrom(lockoutServer.url, from, 'POST', '/inloggen', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    rawBody: new URLSearchParams({ csrf, username, password: 'geen-wachtwoord' }).toString(),
  });
  const answers = await Promise.all(Array.from({ length: 25 }, (_, index) => post(`formulier-${index}`)));
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 401).length, 20, statuses.join(' '));
  const refused = answers.filter((answer) => answer.status === 429);
  assert.equal(refused.length, 5, statuses.join(' '));
  assert.match(refused[0].body, /vanaf dit adres/);
});

test('a successful sign-in does not count against its address', async () => {
  const { apiFrom } = await import('../support/server.mjs');
  const from = '127.0.6.4';
  const attempt = (password) =>
    apiFrom(lockoutServer.url, from, 'POST', '/api/v1/sessions', { body: { username: 'melder2', password } });
  for (let index = 0; index < 21; index += 1) {
    assert.equal((await attempt('demo-password')).status, 201, `sign-in ${index}`);
  }
  assertProblem(await attempt('geen-wachtwoord'), 401, 'a wrong password is still only a failure');
});
