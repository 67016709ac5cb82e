// Every answer carries the API version and the security headers of the NL API design rules,
// successes and errors alike; the OpenAPI document is public and readable cross-origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, postExpectContinue } from '../support/server.mjs';
import { buildCase, fileSignal } from '../support/route.mjs';

let server;
let tokens;
let ids;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'auditor']);
  const signal = await fileSignal(server.url, tokens.melder);
  ids = { signalId: signal.id, ...(await buildCase(server.url, tokens.af, [signal.id], 'doorgezet')) };
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

function assertHeaders(response, label) {
  const h = response.headers;
  assert.match(h.get('api-version') ?? '', /^1\.\d+\.\d+$/, `${label}: API-Version`);
  assert.equal(h.get('cache-control'), 'no-store', `${label}: Cache-Control`);
  assert.equal(h.get('x-content-type-options'), 'nosniff', `${label}: X-Content-Type-Options`);
  assert.equal(h.get('x-frame-options'), 'DENY', `${label}: X-Frame-Options`);
  assert.equal(h.get('referrer-policy'), 'no-referrer', `${label}: Referrer-Policy`);
  assert.match(h.get('content-security-policy') ?? '', /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, `${label}: CSP`);
}

test('security headers on successes, errors and refusals across the API', async () => {
  const { url } = server;
  const unknown = '00000000-0000-4000-8000-000000000000';
  const samples = [
    ['GET', '/health/live', {}, 200],
    ['GET', '/health/ready', {}, 200],
    ['GET', '/api/v1/indicators', { token: tokens.melder }, 200],
    ['GET', '/api/v1/signals', { token: tokens.melder }, 200],
    ['GET', `/api/v1/signals/${ids.signalId}`, { token: tokens.melder }, 200],
    ['GET', `/api/v1/cases/${ids.caseId}`, { token: tokens.af }, 200],
    ['GET', `/api/v1/cases/${ids.caseId}/indication`, { token: tokens.af }, 200],
    ['GET', '/api/v1/audit-events', { token: tokens.auditor }, 200],
    ['POST', `/api/v1/cases/${ids.caseId}/enrichments`,
      { token: tokens.af, body: { source: 'brp', purpose: 'p', content: 'niets' } }, 201],
    ['POST', '/api/v1/sessions', { body: { username: 'melder', password: 'wrong-password' } }, 401],
    ['GET', '/api/v1/signals', {}, 401],
    ['GET', '/api/v1/cases', { token: tokens.melder }, 403],
    ['GET', `/api/v1/signals/${unknown}`, { token: tokens.af }, 404],
    ['GET', '/api/v1/signals/', { token: tokens.af }, 404],
    ['GET', '/api/v1/nope', {}, 404],
    ['POST', '/api/v1/signals', { token: tokens.melder, rawBody: '{' }, 400],
    ['POST', `/api/v1/cases/${ids.caseId}/closure`, { token: tokens.af, body: { outcome: 'zorgtraject' } }, 409],
    ['POST', '/api/v1/cases', { token: tokens.af, body: { signalIds: [unknown] } }, 422],
    ['PUT', '/api/v1/signals', { token: tokens.melder }, 405],
  ];
  for (const [method, target, options, status] of samples) {
    const response = await api(url, method, target, options);
    assert.equal(response.status, status, `${method} ${target}: ${JSON.stringify(response.body)}`);
    assertHeaders(response, `${method} ${target} (${status})`);
  }
  // The 413 is written before the handler runs, and still carries the headers.
  const tooLarge = await postExpectContinue(url, '/api/v1/signals', 'x'.repeat(1024 * 1024 + 1), { token: tokens.melder });
  assert.equal(tooLarge.status, 413);
  assertHeaders(tooLarge, 'POST /signals (413)');
  // 204 has no body but still the headers.
  const throwaway = await api(url, 'POST', '/api/v1/sessions', { body: { username: 'auditor', password: 'demo-password' } });
  const signedOut = await api(url, 'DELETE', '/api/v1/sessions/current', { token: throwaway.body.token });
  assert.equal(signedOut.status, 204);
  assertHeaders(signedOut, 'DELETE /sessions/current (204)');
  // A new session carries a token and no-store (it must never be cached).
  assertHeaders(throwaway, 'POST /sessions (201)');
});

test('the API never exposes personal data in URLs it hands out', async () => {
  const created = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: { channel: 'telefoon', narrative: 'Headers-test.', indicatorCodes: [],
      persons: [{ role: 'slachtoffer', name: 'Headers Persoon' }] },
  });
  assert.equal(created.status, 201);
  const location = created.headers.get('location');
  if (location) assert.ok(!location.includes('Headers'), 'no person data in Location');
  assert.match(created.body.id, /^[0-9a-f-]{16,}$/i, 'ids are opaque');
});

test('/api/v1/openapi.json is public JSON with CORS', async () => {
  const response = await api(server.url, 'GET', '/api/v1/openapi.json');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/(.+\+)?json/);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.match(response.headers.get('api-version') ?? '', /^1\.\d+\.\d+$/);
  assert.equal(typeof response.body, 'object');
  assert.match(response.body.openapi, /^3\./);
  assert.ok(response.body.paths['/signals'], 'describes /signals');
  assert.equal(response.body.info.version, response.headers.get('api-version'), 'info.version matches API-Version');
  // Also readable with a token, and for a cross-origin caller.
  const withOrigin = await api(server.url, 'GET', '/api/v1/openapi.json', { headers: { origin: 'https://dashboard.example' } });
  assert.equal(withOrigin.status, 200);
  assert.equal(withOrigin.headers.get('access-control-allow-origin'), '*');
});
