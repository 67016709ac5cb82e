// Two instances on one store, as behind a load balancer: a user signs in on one and acts on the other, a limit
// counted on one holds on the other, the destruction job runs on one of them only, and the audit trail stays one
// valid chain under concurrent writes from both. An SQLite store serves one instance, so this runs when the tests
// run on PostgreSQL (MELDROUTE_TEST_STORE=postgresql; `make test` does both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { onPostgres, startServer, startSecondInstance, signIn, api, apiFrom, assertProblem } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

const skip = onPostgres ? false : 'SQLite serves one instance; this runs on the PostgreSQL store';
const intervalSeconds = 20;
const jobArgs = ['--retention', 'zonder-casus=0d', '--retention-interval', String(intervalSeconds)];

let first;
let second;

before(async () => {
  if (!onPostgres) return;
  first = await startServer({ args: jobArgs });
  second = await startSecondInstance(first, { args: jobArgs });
});

after(async () => {
  for (const server of [second, first]) {
    await server?.stop();
    server?.cleanup();
  }
});

test('a session made on one instance works on the other, and ends on both', { skip }, async () => {
  const token = await signIn(first.url, 'melder');
  const signal = await fileSignal(second.url, token, { narrative: 'Twee instanties: gemeld via de tweede.' });
  const read = await api(first.url, 'GET', `/api/v1/signals/${signal.id}`, { token });
  assert.equal(read.status, 200);
  assert.equal((await api(second.url, 'DELETE', '/api/v1/sessions/current', { token })).status, 204);
  assert.equal((await api(first.url, 'GET', '/api/v1/signals', { token })).status, 401);
});

test('failed sign-ins counted on one instance refuse the address on the other', { skip }, async () => {
  const from = '127.0.9.1';
  for (let index = 0; index < 20; index += 1) {
    const server = index % 2 === 0 ? first : second;
    const failed = await apiFrom(server.url, from, 'POST', '/api/v1/sessions',
      { body: { username: `verzonnen-${index}`, password: 'geen-wachtwoord' } });
    assertProblem(failed, 401, `attempt ${index}`);
  }
  for (const server of [first, second]) {
    assertProblem(await apiFrom(server.url, from, 'POST', '/api/v1/sessions',
      { body: { username: 'melder2', password: 'demo-password' } }), 429);
  }
});

test('the destruction job runs on one instance per interval', { skip }, async () => {
  // Every run of either instance, by the time in its log line; however long the tests before took, two runs
  // (of one instance or of both) are never closer than the interval the lease holds.
  const runs = () => [first, second]
    .flatMap((server) => [...server.output().matchAll(/^(\S+) info retention job ran/gm)].map((match) => Date.parse(match[1])))
    .sort((a, b) => a - b);
  for (let attempt = 0; attempt < 100 && runs().length === 0; attempt += 1) {
    await new Promise((resolve) => { setTimeout(resolve, 200); });
  }
  // Both instances look again every tenth of the interval meanwhile.
  await new Promise((resolve) => { setTimeout(resolve, 6000); });
  const times = runs();
  assert.ok(times.length >= 1, 'the job ran');
  for (let index = 1; index < times.length; index += 1) {
    assert.ok(times[index] - times[index - 1] >= intervalSeconds * 1000 - 500,
      `two runs ${times[index] - times[index - 1]} ms apart, inside the interval`);
  }
});

test('the audit trail stays one valid chain under concurrent writes from both instances', { skip }, async () => {
  const tokens = { melder: await signIn(first.url, 'melder'), auditor: await signIn(second.url, 'auditor') };
  await Promise.all(Array.from({ length: 40 }, (_, index) =>
    fileSignal(index % 2 === 0 ? first.url : second.url, tokens.melder, { narrative: `Gelijktijdig ${index}.` })));
  for (const server of [first, second]) {
    const verification = await api(server.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor });
    assert.equal(verification.status, 200, JSON.stringify(verification.body));
    assert.equal(verification.body.valid, true);
  }
});
