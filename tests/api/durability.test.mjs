// Durability: a signal that got its 201 survives a hard kill of the server (SIGKILL mid-stream).
import { totp } from '../support/totp.mjs';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { binary, startServer, signIn, api, storeArgs } from '../support/server.mjs';

const PASSWORD = 'duurzaam-wachtwoord-2024';
let dataDir;
const servers = [];

function addUser(name, role) {
  const result = spawnSync(binary, ['user', 'add', name, '--role', role, '--data', dataDir, ...storeArgs(dataDir)],
    { input: `${PASSWORD}\n`, encoding: 'utf8', timeout: 30000 });
  assert.equal(result.status, 0, `user add ${name}: ${result.stderr}`);
}

before(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'meldroute-durable-'));
  addUser('duurzaam', 'melder');
  addUser('controle', 'auditor');
});

after(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('every acknowledged signal is still there, intact, after SIGKILL and restart', async () => {
  const first = await startServer({ demo: false, dataDir });
  servers.push(first);
  const token = await signIn(first.url, 'duurzaam', PASSWORD);

  const acknowledged = [];
  let sent = 0;
  let killed = false;
  let killing;
  const KILL_AFTER = 40;
  async function worker(workerId) {
    for (;;) {
      if (killed) return;
      sent += 1;
      const number = sent;
      const narrative = `Duurzaamheid ${workerId}-${number}: ${'ø€ß '.repeat(20)}einde.`;
      const name = `Persoon ${number}`;
      let response;
      try {
        response = await api(first.url, 'POST', '/api/v1/signals', {
          token, body: { channel: 'telefoon', narrative, indicatorCodes: ['ALG-01', 'ARB-04'],
            persons: [{ role: 'overig', name, birthYear: 1980 }] },
        });
      } catch {
        return; // the server is gone
      }
      if (response.status === 201) acknowledged.push({ id: response.body.id, narrative, name });
      else if (!killed) throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
      if (acknowledged.length >= KILL_AFTER && !killing) {
        // Kill while the other workers still have requests in flight.
        killing = first.stop('SIGKILL').then(() => { killed = true; });
      }
    }
  }
  await Promise.all([1, 2, 3, 4].map(worker));
  await killing;
  assert.equal(first.process.signalCode, 'SIGKILL', 'the server was killed, not stopped');
  assert.ok(acknowledged.length >= KILL_AFTER, `acknowledged ${acknowledged.length}`);

  const second = await startServer({ demo: false, dataDir });
  servers.push(second);
  const again = await signIn(second.url, 'duurzaam', PASSWORD);
  const missing = [];
  for (const { id, narrative, name } of acknowledged) {
    const response = await api(second.url, 'GET', `/api/v1/signals/${id}`, { token: again });
    if (response.status !== 200) { missing.push(`${id}: ${response.status}`); continue; }
    assert.equal(response.body.narrative, narrative, `narrative of ${id} intact`);
    assert.equal(response.body.status, 'gemeld');
    assert.deepEqual(response.body.indicatorCodes, ['ALG-01', 'ARB-04']);
    assert.equal(response.body.persons[0].name, name);
  }
  assert.deepEqual(missing, [], `acknowledged signals lost after the kill (${missing.length} of ${acknowledged.length})`);
  const list = await api(second.url, 'GET', '/api/v1/signals?limit=500', { token: again });
  assert.equal(list.status, 200);
  const listed = new Set(list.body.map((s) => s.id));
  assert.ok(acknowledged.every(({ id }) => listed.has(id)), 'all acknowledged signals are listed');
  assert.ok(list.body.length <= sent, 'nothing was stored that was never sent');

  // The audit chain survived the crash too.
  // An auditor needs a second factor: enrol it, after which the same session may read.
  const auditor = await signIn(second.url, 'controle', PASSWORD);
  const enrolment = await api(second.url, 'POST', '/api/v1/totp-enrolments', { token: auditor });
  const confirmed = await api(second.url, 'POST', '/api/v1/totp-enrolments/confirmation',
    { token: auditor, body: { otp: totp(enrolment.body.secret) } });
  assert.equal(confirmed.status, 201);
  const verification = await api(second.url, 'GET', '/api/v1/audit-events/verification', { token: auditor });
  assert.equal(verification.status, 200);
  assert.equal(verification.body.valid, true);
  assert.ok(verification.body.count >= acknowledged.length);
});
