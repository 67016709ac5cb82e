// Graceful shutdown: SIGTERM while signals are being filed. Every request gets its answer (201, or 503 once the
// shutdown has begun), the server exits 0 with its WAL folded in, and every acknowledged signal is there after
// a restart.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, signIn, api } from '../support/server.mjs';

const dataDir = mkdtempSync(path.join(tmpdir(), 'meldroute-shutdown-'));
const servers = [];
after(async () => {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGTERM under load: requests finish, the server exits 0, acknowledged writes survive', async () => {
  const first = await startServer({ dataDir });
  servers.push(first);
  const token = await signIn(first.url, 'melder');
  const acknowledged = [];
  const statuses = new Map();
  let stopping;
  async function worker(id) {
    for (let number = 0; ; number += 1) {
      let response;
      try {
        response = await api(first.url, 'POST', '/api/v1/signals', { token,
          body: { channel: 'telefoon', narrative: `Afsluiten ${id}-${number}.`, indicatorCodes: ['ALG-01'] } });
      } catch {
        return; // the listener is closed: the server no longer takes connections
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) acknowledged.push(response.body.id);
      if (response.status === 503) return;
      if (acknowledged.length >= 30 && !stopping) stopping = first.stop('SIGTERM');
    }
  }
  await Promise.all([1, 2, 3, 4, 5, 6].map(worker));
  const code = await stopping;
  assert.equal(code, 0, `exit code after SIGTERM (output: ${first.output().slice(-400)})`);
  assert.deepEqual([...statuses.keys()].filter((status) => status !== 201 && status !== 503), [],
    `only 201 and 503 answers: ${JSON.stringify([...statuses])}`);
  assert.match(first.output(), /stopping/);
  assert.match(first.output(), /meldroute stopped/);
  // SQLite only: PostgreSQL keeps its own write-ahead log.
  const wal = path.join(dataDir, 'meldroute.db-wal');
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was folded into the database');

  const second = await startServer({ dataDir });
  servers.push(second);
  const reader = await signIn(second.url, 'af');
  const missing = [];
  for (const id of acknowledged) {
    const response = await api(second.url, 'GET', `/api/v1/signals/${id}`, { token: reader });
    if (response.status !== 200) missing.push(id);
  }
  assert.deepEqual(missing, [], `all ${acknowledged.length} acknowledged signals are there after the restart`);
});
