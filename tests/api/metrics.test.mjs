// /metrics: Prometheus text for the holder of the metrics token only; route templates, never raw paths or
// personal data; off (404) unless switched on; switching it on without a token file is refused at start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { binary, startServer, signIn, api, assertProblem, metricsToken } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

let server;
let metrics;

before(async () => {
  metrics = metricsToken();
  server = await startServer({ args: metrics.args });
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

/** Parses the exposition text into {name{labels}: value}. */
function samples(text) {
  const values = {};
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = line.match(/^(\S+) (\S+)$/);
    assert.ok(match, `a sample line: ${line}`);
    values[match[1]] = Number(match[2]);
  }
  return values;
}

test('the metrics token opens /metrics; no token, a session token or a wrong token get 401', async () => {
  const { url } = server;
  const session = await signIn(url, 'beheer');
  for (const token of [undefined, session, `${metrics.token}x`, metrics.token.slice(1)]) {
    const refused = assertProblem(await api(url, 'GET', '/metrics', { token }), 401, `token ${token?.slice(0, 6)}`);
    assert.ok(refused.detail);
  }
  const response = await api(url, 'GET', '/metrics', { token: metrics.token });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  assert.equal(response.headers.get('cache-control'), 'no-store');
});

test('requests are counted by route template and status class, with latencies and store figures', async () => {
  const { url } = server;
  const token = await signIn(url, 'melder');
  const signal = await fileSignal(url, token, { narrative: 'Metriektest: Verwerkina werkt in een nagelstudio.' });
  for (let index = 0; index < 3; index += 1) {
    assert.equal((await api(url, 'GET', `/api/v1/signals/${signal.id}`, { token })).status, 200);
  }
  await api(url, 'GET', '/api/v1/signals/00000000-0000-0000-0000-000000000000', { token });
  await api(url, 'GET', '/nergens/te/vinden/Verwerkina');
  const text = (await api(url, 'GET', '/metrics', { token: metrics.token })).body;
  const values = samples(text);
  const read = 'meldroute_http_requests_total{method="GET",route="/api/v1/signals/{}",status="2xx"}';
  assert.ok(values[read] >= 3, `${read} counts the reads`);
  assert.ok(values['meldroute_http_requests_total{method="GET",route="/api/v1/signals/{}",status="4xx"}'] >= 1);
  assert.ok(values['meldroute_http_requests_total{method="GET",route="(unmatched)",status="4xx"}'] >= 1);
  assert.ok(values['meldroute_http_requests_total{method="POST",route="/api/v1/signals",status="2xx"}'] >= 1);
  const count = 'meldroute_http_request_duration_seconds_count{method="GET",route="/api/v1/signals/{}"}';
  assert.ok(values[count] >= 4);
  assert.equal(values['meldroute_http_request_duration_seconds_bucket{method="GET",route="/api/v1/signals/{}",le="+Inf"}'],
    values[count]);
  assert.equal(values.meldroute_store_write_queue_depth, 0);
  assert.ok(values.meldroute_store_write_batches_total >= 1);
  assert.ok(values.meldroute_store_write_batch_duration_seconds_count >= 1);
  assert.ok(values.meldroute_store_read_duration_seconds_count >= 1);
  assert.ok(values.meldroute_http_requests_in_flight >= 1, 'the metrics request itself is in flight');
  assert.ok(values.meldroute_http_connections >= 1, 'the metrics request\'s own connection is open');
  assert.ok(Math.abs(values.process_start_time_seconds - Date.now() / 1000) < 3600);
  assert.match(text, /# TYPE meldroute_http_request_duration_seconds histogram/);
  // Never a raw path, an id or anything a request carried.
  assert.ok(!text.includes(signal.id), 'no id');
  assert.ok(!text.includes('Verwerkina'), 'nothing of a path or body');
  assert.ok(!text.includes('nergens'), 'no unknown path');
});

test('/metrics is 404 unless switched on, and switching it on needs a token file', async () => {
  const plain = await startServer();
  try {
    assert.equal((await api(plain.url, 'GET', '/metrics', { token: metrics.token })).status, 404);
  } finally {
    await plain.stop();
    plain.cleanup();
  }
  for (const args of [['--metrics'], ['--metrics', '--metrics-token-file', '/nonexistent/metrics.token']]) {
    const result = spawnSync(binary, ['serve', '--data', '/nonexistent/never', '--listen', '127.0.0.1:0', ...args],
      { encoding: 'utf8', timeout: 20000 });
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /metrics-token-file/);
  }
});
