// Structured logs: with --log-format json every line of the server's output is one JSON object with time, level
// and message; request lines carry the trace id, route template, status and duration, and nothing a request
// carried. The output joins the others that tests/api/zz-log-scan.test.mjs scans for personal data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, api } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

async function exercise(server) {
  const token = await signIn(server.url, 'melder');
  const signal = await fileSignal(server.url, token,
    { narrative: 'Drie mannen slapen in een bedrijfshal aan de Industrieweg.', persons: [{ role: 'slachtoffer', name: 'Verwerkina' }] });
  await api(server.url, 'GET', `/api/v1/signals/${signal.id}`,
    { token, headers: { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` } });
  await api(server.url, 'POST', '/api/v1/sessions', { body: { username: 'melder', password: 'een-lang-genoeg-wachtwoord' } });
  return signal;
}

test('--log-format json: one JSON object per line, request lines with trace, route, status and duration', async () => {
  const server = await startServer({ args: ['--log-format', 'json'] });
  let signal;
  let code;
  try {
    signal = await exercise(server);
  } finally {
    code = await server.stop();
    server.cleanup();
  }
  const tail = server.output().split('\n').slice(-6).join('\n');
  assert.equal(code, 0, `the server stops cleanly on SIGTERM; its last lines:\n${tail}`);
  const lines = server.output().split('\n').filter((line) => line !== '');
  assert.ok(lines.length >= 5);
  const entries = lines.map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`not a JSON line: ${line}`);
    }
  });
  for (const entry of entries) {
    assert.match(entry.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.ok(['debug', 'info', 'warn', 'error'].includes(entry.level), entry.level);
    assert.equal(typeof entry.message, 'string');
  }
  assert.ok(entries.some((entry) => entry.message.startsWith('meldroute listening on http://')));
  assert.ok(entries.some((entry) => entry.message === 'meldroute stopped'), `its last lines:\n${tail}`);
  const requests = entries.filter((entry) => entry.message === 'request');
  assert.ok(requests.length >= 4);
  for (const entry of requests) {
    assert.match(entry.traceId, /^[0-9a-f]{32}$/);
    assert.equal(typeof entry.route, 'string');
    assert.equal(typeof entry.status, 'number');
    assert.equal(typeof entry.durationMs, 'number');
  }
  const read = requests.find((entry) => entry.traceId === TRACE);
  assert.ok(read, 'the caller\'s traceparent names the request');
  assert.equal(read.route, '/api/v1/signals/{}');
  assert.equal(read.status, 200);
  assert.ok(requests.some((entry) => entry.route === '/api/v1/sessions' && entry.status === 401));
  const output = server.output();
  assert.ok(!output.includes(signal.id), 'no id in the log');
  for (const secret of ['Verwerkina', 'Industrieweg', 'een-lang-genoeg-wachtwoord']) assert.ok(!output.includes(secret));
});

test('the default text format: one readable line per event, the same fields', async () => {
  const server = await startServer();
  try {
    await exercise(server);
  } finally {
    await server.stop();
    server.cleanup();
  }
  const lines = server.output().split('\n').filter((line) => line !== '');
  const read = lines.find((line) => line.includes(`traceId=${TRACE}`));
  assert.match(read, /^\S+Z info request traceId=[0-9a-f]{32} method=GET route=\/api\/v1\/signals\/\{\} status=200 durationMs=[\d.]+$/);
  assert.ok(!server.output().includes('Verwerkina'));
});
