// The processing log beside the audit trail: Logboek Dataverwerkingen fields, the caller's W3C trace, the
// processing activity, a pseudonymous data subject, never personal data; `meldroute audit verify` offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  startServer, signInAll, api, assertProblem, binary, isoDate, onPostgres, rawSql, storeArgs,
} from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

let server;
let tokens;
const NARRATIVE = 'LOGBOEKGEHEIM: mevrouw Verwerkina slaapt in de opslag van de nagelstudio.';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'auditor']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const records = async (query = `?from=${isoDate(-1)}&to=${isoDate(1)}`) =>
  api(server.url, 'GET', `/api/v1/processing-records${query}`, { token: tokens.auditor });

test('a read carries the caller\'s trace, its activity and a pseudonymous subject; no personal data', async () => {
  const { id } = await fileSignal(server.url, tokens.melder, { narrative: NARRATIVE });
  const read = await api(server.url, 'GET', `/api/v1/signals/${id}`, {
    token: tokens.af, headers: { traceparent: `00-${TRACE}-${PARENT}-01` },
  });
  assert.equal(read.status, 200);
  const log = await records();
  assert.equal(log.status, 200);
  const entry = log.body.find((record) => record.traceId === TRACE);
  assert.ok(entry, 'the trace id of the request is recorded');
  assert.equal(entry.parentSpanId, PARENT);
  assert.match(entry.spanId, /^[0-9a-f]{16}$/);
  assert.equal(entry.name, 'signal.read');
  assert.equal(entry.statusCode, 'OK');
  assert.equal(entry.processingActivityId, 'mr-02');
  assert.equal(entry.dataSubjectId, id);
  assert.equal(entry.dataSubjectType, 'signal');
  assert.equal(entry.actor, 'af');
  assert.ok(entry.startTime <= entry.endTime);
  assert.ok(Number.isInteger(entry.auditSequence) && entry.auditSequence > 0);
  // The intake got its own trace and the intake activity.
  assert.ok(log.body.some((record) => record.name === 'signal.create' && record.dataSubjectId === id
    && record.processingActivityId === 'mr-01'));
  assert.ok(!JSON.stringify(log.body).includes('Verwerkina'), 'no personal data in the processing log');
  assert.ok(!JSON.stringify(log.body).includes('LOGBOEKGEHEIM'));
});

test('a refused access is logged as an error; a malformed traceparent gets a fresh trace', async () => {
  assertProblem(await api(server.url, 'GET', '/api/v1/cases', {
    token: tokens.melder, headers: { traceparent: 'not-a-trace' },
  }), 403);
  const log = (await records()).body;
  const refused = log.filter((record) => record.actor === 'melder' && record.statusCode === 'ERROR');
  assert.ok(refused.length > 0);
  assert.ok(refused.every((record) => /^[0-9a-f]{32}$/.test(record.traceId) && record.traceId !== 'not-a-trace'));
});

test('only the auditor reads the processing log; the period is validated', async () => {
  assertProblem(await api(server.url, 'GET', '/api/v1/processing-records', { token: tokens.af }), 403);
  assertProblem(await api(server.url, 'GET', '/api/v1/processing-records'), 401);
  const bad = assertProblem(await records('?from=gisteren'), 400);
  assert.equal(bad.invalidParams[0].name, 'from');
  assertProblem(await records('?van=2024-01-01'), 400);
  // Reading the log is itself logged.
  const log = (await records()).body;
  assert.ok(log.some((record) => record.name === 'processing-log.read' && record.processingActivityId === 'mr-05'));
});

test('meldroute audit verify checks the chain offline and reports a tampered record', () => {
  const verify = () => spawnSync(binary, ['audit', 'verify', '--data', server.dataDir, ...storeArgs(server.dataDir)],
    { encoding: 'utf8' });
  const intact = verify();
  assert.equal(intact.status, 0, intact.stderr);
  assert.match(intact.stdout, /audit trail intact: \d+ records/);
  // Someone with access to the database edits a record behind the application's back.
  rawSql(server.dataDir, onPostgres
    ? 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; UPDATE audit_events SET actor = \'iemand-anders\' WHERE sequence = 3;'
    : 'DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = \'iemand-anders\' WHERE sequence = 3;',
  { readOnly: false });
  const broken = verify();
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /BROKEN at record 3 of \d+/);
});
