// State that several instances on one store must share lives in the store, not in a process: the per-address
// limits and the destruction job's lease outlive a restart of the server on the same data directory (a restart
// stands in for "the next request reaches the other instance"). The single sign-on attempt is in oidc.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, signInAll, api, apiFrom, assertProblem } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

// The server each test runs now (a restart replaces it); stopped and removed at the end.
const current = new Map();

after(async () => {
  for (const server of current.values()) {
    await server.stop();
    server.cleanup();
  }
});

const sleep = (milliseconds) => new Promise((resolve) => { setTimeout(resolve, milliseconds); });

test('the address limits hold across a restart: they are counted in the store', async () => {
  let server = await startServer();
  current.set('limits', server);
  const sprayer = '127.0.8.1';
  const signInFrom = (url, from, username, password) =>
    apiFrom(url, from, 'POST', '/api/v1/sessions', { body: { username, password } });
  for (let index = 0; index < 20; index += 1) {
    assertProblem(await signInFrom(server.url, sprayer, `verzonnen-${index}`, 'geen-wachtwoord'), 401, `attempt ${index}`);
  }
  assertProblem(await signInFrom(server.url, sprayer, 'melder2', 'demo-password'), 429);
  const reporter = '127.0.8.2';
  for (let index = 0; index < 5; index += 1) {
    const filed = await apiFrom(server.url, reporter, 'POST', '/api/v1/anonymous-signals',
      { body: { narrative: `Anoniem voor de herstart ${index}` } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
  }

  server = await server.restart();
  current.set('limits', server);
  const refused = assertProblem(await signInFrom(server.url, sprayer, 'melder2', 'demo-password'), 429,
    'the new process knows the failures of the old one');
  assert.match(refused.detail, /vanaf dit adres/);
  assert.equal((await signInFrom(server.url, '127.0.8.3', 'melder2', 'demo-password')).status, 201, 'other addresses');
  assertProblem(await apiFrom(server.url, reporter, 'POST', '/api/v1/anonymous-signals',
    { body: { narrative: 'Anoniem na de herstart' } }), 429);
  // Only keyed hashes of the addresses are kept, never the addresses themselves.
  const database = ['meldroute.db', 'meldroute.db-wal']
    .map((name) => path.join(server.dataDir, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');
  assert.ok(!database.includes('127.0.8.1') && !database.includes('127.0.8.2'), 'no client address in the store');
});

test('the destruction job runs once per interval, also across a restart (a lease in the store)', async () => {
  // The interval is long enough that a restart on a busy machine still falls inside it; the checks below are
  // only made while it has not run out (measured from the first run), so a slow machine cannot fake a pass.
  const intervalMs = 30000;
  const args = ['--retention', 'zonder-casus=0d', '--retention-interval', String(intervalMs / 1000)];
  let server = await startServer({ args });
  current.set('lease', server);
  // The first look (after a tenth of the interval) finds no lease and runs.
  for (let attempt = 0; attempt < 100 && !/retention job ran/.test(server.output()); attempt += 1) await sleep(200);
  assert.match(server.output(), /retention job ran/);
  const firstRunAt = Date.now();
  const insideInterval = () => Date.now() - firstRunAt < intervalMs - 2000;
  const tokens = await signInAll(server.url, ['melder', 'auditor']);
  const signal = await fileSignal(server.url, tokens.melder, { narrative: 'Leasetest: melding na de eerste run.' });
  const destroyed = async (url, token) => {
    const log = await api(url, 'GET', '/api/v1/destruction-log', { token });
    assert.equal(log.status, 200);
    return log.body.some((item) => item.objectId === signal.id);
  };
  // The job looks again every tenth of the interval; the lease keeps it from running.
  await sleep(4000);
  const wasDestroyed = await destroyed(server.url, tokens.auditor);
  assert.ok(insideInterval(), 'the checks inside the interval took longer than the interval');
  assert.equal(wasDestroyed, false, 'no second run inside the interval');
  assert.equal(server.output().match(/retention job ran/g).length, 1);

  server = await server.restart();
  current.set('lease', server);
  const auditor = (await signInAll(server.url, ['auditor'])).auditor;
  await sleep(4000);
  const restartedOutput = server.output();
  const destroyedAfterRestart = await destroyed(server.url, auditor);
  assert.ok(insideInterval(), 'the restart took longer than the interval');
  assert.equal(destroyedAfterRestart, false, 'a restarted server does not run inside the interval');
  assert.doesNotMatch(restartedOutput, /retention job ran/);
  // When the lease has run out, the next look takes it and runs.
  let done = false;
  while (!done && Date.now() - firstRunAt < intervalMs + 30000) {
    await sleep(250);
    done = await destroyed(server.url, auditor);
  }
  assert.ok(done, 'the job ran once the interval was over');
  assert.equal(server.output().match(/retention job ran/g).length, 1);
});
