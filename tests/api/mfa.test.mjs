// The second factor: TOTP enrolment with recovery codes, required for the aandachtfunctionaris, beheerder
// and auditor (demo accounts in demo mode excepted, per the contract); one-time use of codes; reset and
// session revocation by the beheerder; a new password ends every session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, signIn, api, assertProblem, binary, storeArgs } from '../support/server.mjs';
import { totp } from '../support/totp.mjs';

let server;
let beheer;
const PASSWORD = 'een-lang-genoeg-wachtwoord';

function addUser(name, role) {
  const result = spawnSync(binary, ['user', 'add', name, '--role', role, '--data', server.dataDir, ...storeArgs(server.dataDir)],
    { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

const session = (username, extra = {}) =>
  api(server.url, 'POST', '/api/v1/sessions', { body: { username, password: PASSWORD, ...extra } });

// Enrols `username` through the API and returns { secret, recoveryCodes, token }.
async function enrol(username) {
  const first = await session(username);
  assert.equal(first.status, 201);
  const token = first.body.token;
  const started = await api(server.url, 'POST', '/api/v1/totp-enrolments', { token });
  assert.equal(started.status, 201);
  const confirmed = await api(server.url, 'POST', '/api/v1/totp-enrolments/confirmation',
    { token, body: { otp: totp(started.body.secret) } });
  assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes, token };
}

before(async () => {
  server = await startServer();
  beheer = await signIn(server.url, 'beheer');
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

test('an officer without a second factor may only enrol; after enrolment the same session works', async () => {
  addUser('officier-a', 'aandachtfunctionaris');
  const signedIn = await session('officier-a');
  assert.equal(signedIn.status, 201);
  assert.equal(signedIn.body.mfaEnrolmentRequired, true);
  const token = signedIn.body.token;
  const refused = assertProblem(await api(server.url, 'GET', '/api/v1/cases', { token }), 403);
  assert.match(refused.detail, /tweestapsverificatie/);
  // Also the reads every role may reach: a signal (an officer's, by id) and the officers' contact details.
  const af = await signIn(server.url, 'af');
  const signals = await api(server.url, 'GET', '/api/v1/signals', { token: af });
  const signalId = signals.body[0]?.id;
  assert.ok(signalId, 'the demo has a signal');
  assert.equal((await api(server.url, 'GET', `/api/v1/signals/${signalId}`, { token: af })).status, 200);
  const signal = assertProblem(await api(server.url, 'GET', `/api/v1/signals/${signalId}`, { token }), 403);
  assert.match(signal.detail, /tweestapsverificatie/);
  assert.equal(signal.narrative, undefined);
  assertProblem(await api(server.url, 'GET', '/api/v1/designated-officers', { token }), 403);
  // And the reference data: nothing but enrolment and sign-out.
  for (const pathName of ['/api/v1/indicators', '/api/v1/catalog-versions', '/api/v1/partners', '/api/v1/outcomes']) {
    const reference = assertProblem(await api(server.url, 'GET', pathName, { token }), 403, pathName);
    assert.match(reference.detail, /tweestapsverificatie/, pathName);
  }

  const started = await api(server.url, 'POST', '/api/v1/totp-enrolments', { token });
  assert.equal(started.status, 201);
  assert.match(started.body.secret, /^[A-Z2-7]{32}$/);
  assert.match(started.body.otpauthUri, /^otpauth:\/\/totp\/meldroute:officier-a\?secret=[A-Z2-7]+&issuer=meldroute/);

  const wrong = assertProblem(await api(server.url, 'POST', '/api/v1/totp-enrolments/confirmation',
    { token, body: { otp: '000000' === totp(started.body.secret) ? '111111' : '000000' } }), 400);
  assert.deepEqual(wrong.invalidParams.map((param) => param.name), ['otp']);
  assertProblem(await api(server.url, 'POST', '/api/v1/totp-enrolments/confirmation', { token, body: {} }), 400);

  const confirmed = await api(server.url, 'POST', '/api/v1/totp-enrolments/confirmation',
    { token, body: { otp: totp(started.body.secret) } });
  assert.equal(confirmed.status, 201);
  assert.equal(confirmed.body.recoveryCodes.length, 10);
  assert.equal(new Set(confirmed.body.recoveryCodes).size, 10);
  for (const code of confirmed.body.recoveryCodes) assert.match(code, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  assert.equal((await api(server.url, 'GET', '/api/v1/cases', { token })).status, 200);
  // A second enrolment is refused while one is in use.
  assertProblem(await api(server.url, 'POST', '/api/v1/totp-enrolments', { token }), 409);
});

test('sign-in asks for the code; a code and a recovery code work once each', async () => {
  addUser('officier-b', 'aandachtfunctionaris');
  const { secret, recoveryCodes } = await enrol('officier-b');

  const missing = assertProblem(await session('officier-b'), 401);
  assert.deepEqual(missing.invalidParams.map((param) => param.name), ['otp']);
  const wrongPassword = assertProblem(await api(server.url, 'POST', '/api/v1/sessions',
    { body: { username: 'officier-b', password: 'fout-wachtwoord', otp: totp(secret) } }), 401);
  assert.equal(wrongPassword.invalidParams, undefined, 'a wrong password says nothing about the code');

  // The enrolment used the current step, so the next sign-in takes the next step's code (one step of drift
  // is allowed); the same code again is refused.
  const code = totp(secret, 1);
  const withCode = await session('officier-b', { otp: code });
  assert.equal(withCode.status, 201, JSON.stringify(withCode.body));
  assert.equal(withCode.body.mfaEnrolmentRequired, false);
  assertProblem(await session('officier-b', { otp: code }), 401, 'a used code');

  const recovery = recoveryCodes[3].toUpperCase().replaceAll('-', ' ');
  assert.equal((await session('officier-b', { recoveryCode: recovery })).status, 201, 'spacing and case do not matter');
  assertProblem(await session('officier-b', { recoveryCode: recoveryCodes[3] }), 401, 'a used recovery code');
});

test('wrong codes count towards the lockout', async () => {
  addUser('officier-c', 'aandachtfunctionaris');
  const { secret } = await enrol('officier-c');
  const wrong = totp(secret, 5);
  for (let attempt = 0; attempt < 5; attempt += 1) assertProblem(await session('officier-c', { otp: wrong }), 401);
  const locked = await session('officier-c', { otp: totp(secret, 1) });
  assert.ok([401, 429].includes(locked.status), `locked: ${locked.status}`);
});

test('the demo accounts sign in with a password alone in demo mode; a melder need not enrol', async () => {
  const demo = await api(server.url, 'POST', '/api/v1/sessions', { body: { username: 'af', password: 'demo-password' } });
  assert.equal(demo.status, 201);
  assert.equal(demo.body.mfaEnrolmentRequired, false);
  addUser('medewerker-d', 'melder');
  const melder = await session('medewerker-d');
  assert.equal(melder.body.mfaEnrolmentRequired, false);
  assert.equal((await api(server.url, 'GET', '/api/v1/signals', { token: melder.body.token })).status, 200);
});

test('the beheerder revokes sessions and resets a second factor; others may not', async () => {
  addUser('officier-e', 'aandachtfunctionaris');
  const { token, secret } = await enrol('officier-e');
  const other = (await session('officier-e', { otp: totp(secret, 1) })).body.token;

  for (const path of ['/api/v1/session-revocations', '/api/v1/mfa-resets']) {
    assertProblem(await api(server.url, 'POST', path, { token, body: { username: 'officier-e' } }), 403);
    assertProblem(await api(server.url, 'POST', path, { token: beheer, body: { username: 'niemand-hier' } }), 404);
    assertProblem(await api(server.url, 'POST', path, { token: beheer, body: {} }), 400);
  }
  const revoked = await api(server.url, 'POST', '/api/v1/session-revocations',
    { token: beheer, body: { username: 'officier-e' } });
  assert.equal(revoked.status, 201);
  for (const ended of [token, other]) assertProblem(await api(server.url, 'GET', '/api/v1/cases', { token: ended }), 401);

  const reset = await api(server.url, 'POST', '/api/v1/mfa-resets', { token: beheer, body: { username: 'officier-e' } });
  assert.equal(reset.status, 201);
  const again = await session('officier-e');
  assert.equal(again.status, 201, 'no code needed after a reset');
  assert.equal(again.body.mfaEnrolmentRequired, true, 'but enrolment is required again');
});

test('the beheerder lists the accounts with their sign-in state, and nothing secret', async () => {
  addUser('officier-g', 'aandachtfunctionaris');
  const { token } = await enrol('officier-g');
  for (const wrong of ['abcdef', 'fedcba', '123abc']) await session('officier-g', { otp: wrong });
  assertProblem(await api(server.url, 'GET', '/api/v1/accounts', { token }), 403);
  assertProblem(await api(server.url, 'GET', '/api/v1/accounts?username=officier-g', { token: beheer }), 400);

  const listed = await api(server.url, 'GET', '/api/v1/accounts', { token: beheer });
  assert.equal(listed.status, 200);
  const names = listed.body.items.map((item) => item.username);
  assert.deepEqual(names, [...names].sort(), 'by username');
  const officer = listed.body.items.find((item) => item.username === 'officier-g');
  assert.deepEqual(officer.roles, ['aandachtfunctionaris']);
  assert.equal(officer.mfaRequired, true);
  assert.equal(officer.mfaEnrolled, true);
  assert.equal(officer.active, true);
  assert.equal(officer.lockedUntil, null, 'three failures do not lock');
  const locked = listed.body.items.find((item) => item.username === 'officier-c');
  assert.match(locked.lockedUntil ?? '', /^\d{4}-\d{2}-\d{2}T/, 'locked by the test of the lockout above');
  const melder = listed.body.items.find((item) => item.username === 'melder');
  assert.equal(melder.mfaRequired, false);
  assert.equal(melder.mfaEnrolled, false);
  const text = JSON.stringify(listed.body);
  assert.doesNotMatch(text, /argon2|password|secret/i, 'no hashes or secrets');

  // After a reset the account shows as not enrolled (and required to enrol).
  assert.equal((await api(server.url, 'POST', '/api/v1/mfa-resets', { token: beheer, body: { username: 'officier-g' } })).status, 201);
  const after = await api(server.url, 'GET', '/api/v1/accounts', { token: beheer });
  assert.equal(after.body.items.find((item) => item.username === 'officier-g').mfaEnrolled, false);
});

test('a new password (command line) ends every session of the account', async () => {
  addUser('medewerker-f', 'melder');
  const token = (await session('medewerker-f')).body.token;
  const result = spawnSync(binary, ['user', 'password', 'medewerker-f', '--data', server.dataDir, ...storeArgs(server.dataDir)],
    { input: 'een-ander-lang-wachtwoord\n', encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assertProblem(await api(server.url, 'GET', '/api/v1/signals', { token }), 401);
  const short = spawnSync(binary, ['user', 'password', 'medewerker-f', '--data', server.dataDir, ...storeArgs(server.dataDir)],
    { input: 'kort\n', encoding: 'utf8' });
  assert.equal(short.status, 2);
  assert.equal(short.stderr.trim().split('\n').length, 1);
});
