// The role matrix: every endpoint × every role (and no token), generated from one table.
// 401 without a token; 403 for a role that may not; 404 for a signal that is not visible to the caller.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import {
  startServer, signIn, signInAll, api, apiFrom, assertProblem, isoDate, binary, metricsToken, storeArgs,
} from '../support/server.mjs';
import { buildCase, fileSignal, signalBody } from '../support/route.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const USERS = ['melder', 'melder2', 'af', 'beleid', 'beheer', 'auditor'];
const CALLERS = [...USERS, 'anonymous'];

// Expected statuses per caller.
const everyone = (status) => Object.fromEntries(CALLERS.map((c) => [c, status]));
const signedIn = (status) => ({ ...everyone(status), anonymous: 401 });
function only(status, allowed) {
  return Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : allowed.includes(c) ? status : 403]));
}
const REPORTERS = ['melder', 'melder2', 'af'];
const OFFICER = ['af'];
const ADMIN = ['beheer'];
const POLICY_ADMIN = ['beleid', 'beheer'];
const PLAN_READERS = ['beleid', 'beheer', 'af'];
const CSV = 'medewerker-id;naam;afdeling;doelgroep;voltooid-op\nR1;Rollentest;Balie;publiekszaken;2024-06-12\n';
const FIGURES = ['beleid', 'af'];

// One row per endpoint. `path` uses the OpenAPI names; `params`/`body` are functions of the fixtures.
const TABLE = [
  { method: 'GET', path: '/health/live', expect: everyone(200) },
  { method: 'GET', path: '/health/ready', expect: everyone(200) },
  { method: 'GET', path: '/api/v1/openapi.json', expect: everyone(200) },
  // /metrics opens to the metrics token from the operator's file only; no session token opens it, whatever the role.
  { method: 'GET', path: '/metrics', expect: everyone(401) },
  { method: 'POST', path: '/api/v1/sessions', expect: everyone(201),
    body: () => ({ username: 'melder2', password: 'demo-password' }) },
  { method: 'DELETE', path: '/api/v1/sessions/current', expect: signedIn(204), throwawayToken: true },
  { method: 'POST', path: '/api/v1/anonymous-signals', expect: everyone(201), perCallerAddress: true,
    body: () => ({ narrative: 'Rollentest: anoniem signaal.' }) },
  { method: 'POST', path: '/api/v1/totp-enrolments', expect: signedIn(201) },
  // After the row above every caller has an enrolment waiting; a code that is not six digits never matches.
  { method: 'POST', path: '/api/v1/totp-enrolments/confirmation', expect: signedIn(400), body: () => ({ otp: 'abcdef' }) },
  { method: 'GET', path: '/api/v1/accounts', expect: only(200, ['beheer']) },
  { method: 'POST', path: '/api/v1/session-revocations', expect: only(201, ['beheer']),
    body: (fx) => ({ username: fx.spareUser }) },
  { method: 'POST', path: '/api/v1/mfa-resets', expect: only(201, ['beheer']), body: (fx) => ({ username: fx.spareUser }) },
  { method: 'GET', path: '/api/v1/signals', expect: only(200, REPORTERS) },
  { method: 'POST', path: '/api/v1/signals', expect: only(201, REPORTERS),
    body: () => signalBody({ narrative: 'Rollentest: melding.' }) },
  { method: 'GET', path: '/api/v1/signals/{signalId}',
    expect: { melder: 200, melder2: 404, af: 200, beleid: 404, beheer: 404, auditor: 404, anonymous: 401 } },
  { method: 'GET', path: '/api/v1/cases', expect: only(200, OFFICER) },
  { method: 'POST', path: '/api/v1/cases', expect: only(201, OFFICER),
    body: (fx) => ({ signalIds: [fx.freeSignalForCase] }) },
  { method: 'GET', path: '/api/v1/cases/{caseId}', expect: only(200, OFFICER) },
  { method: 'GET', path: '/api/v1/cases/{caseId}/indication', expect: only(200, OFFICER) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/signals', expect: only(201, OFFICER),
    body: (fx) => ({ signalId: fx.freeSignalForLink }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/enrichments', expect: only(201, OFFICER),
    body: () => ({ source: 'kvk', purpose: 'Inschrijving bedrijf', content: 'Niets gevonden.' }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/assessments', expect: only(201, OFFICER),
    body: () => ({ urgency: 'normaal', forms: ['arbeid'], rationale: 'Herweging.' }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/referrals', expect: only(201, OFFICER),
    body: () => ({ partner: 'politie', feedbackDue: isoDate(10) }) },
  { method: 'POST', path: '/api/v1/referrals/{referralId}/feedback', expect: only(201, OFFICER),
    body: () => ({ summary: 'Partner meldt voortgang.' }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/reporter-feedback', expect: only(201, OFFICER),
    body: () => ({ message: 'Uw melding is in behandeling.' }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/closure', expect: only(201, OFFICER),
    params: (fx) => ({ caseId: fx.closableCaseId }), body: () => ({ outcome: 'doorverwezen' }) },
  { method: 'POST', path: '/api/v1/cases/{caseId}/reopenings', expect: only(201, OFFICER),
    params: (fx) => ({ caseId: fx.reopenableCaseId }), body: () => ({ reason: 'Rollentest: nieuwe informatie.' }) },
  // Retention and the rights of data subjects: the hold is set, then lifted (only the officer's calls change it).
  { method: 'PUT', path: '/api/v1/cases/{caseId}/legal-hold', expect: only(200, OFFICER),
    body: () => ({ reason: 'Rollentest: lopend onderzoek.' }) },
  { method: 'DELETE', path: '/api/v1/cases/{caseId}/legal-hold', expect: only(200, OFFICER) },
  { method: 'GET', path: '/api/v1/destruction-log', expect: only(200, ['af', 'auditor']) },
  { method: 'POST', path: '/api/v1/subject-access-requests', expect: only(200, OFFICER),
    body: () => ({ name: 'Rollentest Persoon', birthYear: 1990 }) },
  { method: 'POST', path: '/api/v1/signals/{signalId}/rectifications', expect: only(201, OFFICER),
    body: () => ({ position: 0, nationality: 'Rollentest', reason: 'Rollentest: verzoek betrokkene.' }) },
  { method: 'GET', path: '/api/v1/indicators', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/catalog-versions', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/catalog-versions/{catalogVersion}', expect: signedIn(200),
    params: () => ({ catalogVersion: '2024.1' }) },
  // Each call rewords ALG-02 differently, so every allowed call publishes a real change (201).
  { method: 'POST', path: '/api/v1/catalog-versions', expect: only(201, ['beheer']),
    body: (fx) => fx.catalogProposal() },
  { method: 'POST', path: '/api/v1/indicator-suggestions', expect: only(200, REPORTERS),
    body: () => ({ text: 'Hij slaapt op het werk en heeft zijn paspoort niet.' }) },
  { method: 'GET', path: '/api/v1/partners', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/forums', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/enrichment-sources', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/outcomes', expect: signedIn(200) },
  { method: 'GET', path: '/api/v1/recurrences', expect: only(200, OFFICER) },
  { method: 'POST', path: '/api/v1/signal-searches', expect: only(200, OFFICER),
    body: () => ({ text: 'rollentest', status: 'gemeld' }) },
  { method: 'GET', path: '/api/v1/statistics', query: '?from=2024-01-01&to=2099-12-31', expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/statistics/tables/{table}', params: () => ({ table: 'by-channel' }),
    query: '?from=2024-01-01&to=2099-12-31', expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/yearly-overview', expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/yearly-overview/csv', expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/yearly-figures', expect: only(200, ['beleid', 'beheer']) },
  { method: 'PUT', path: '/api/v1/yearly-figures/{year}', params: () => ({ year: '2018' }), expect: only(200, ['beleid', 'beheer']),
    body: () => ({ regionSignals: 40, source: 'Rollentest' }) },
  { method: 'GET', path: '/api/v1/care-evaluations/{year}', params: () => ({ year: '2024' }), expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/care-evaluations/{year}/pdf', params: () => ({ year: '2024' }), expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/care-evaluations/{year}/xlsx', params: () => ({ year: '2024' }), expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/care-evaluations/{year}/tables/{table}', params: () => ({ year: '2024', table: 'status' }),
    expect: only(200, FIGURES) },
  { method: 'GET', path: '/api/v1/audit-events', expect: only(200, ['auditor']) },
  { method: 'GET', path: '/api/v1/audit-events/verification', expect: only(200, ['auditor']) },
  { method: 'GET', path: '/api/v1/processing-records', expect: only(200, ['auditor']) },
  // The registers (issue 7).
  { method: 'GET', path: '/api/v1/training-coverage', expect: only(200, POLICY_ADMIN) },
  { method: 'PUT', path: '/api/v1/training-settings', expect: only(200, ADMIN),
    body: () => ({ targets: { publiekszaken: 80 }, refresherMonths: 24 }) },
  { method: 'GET', path: '/api/v1/staff-members', expect: only(200, ADMIN) },
  { method: 'POST', path: '/api/v1/staff-members', expect: only(201, ADMIN),
    body: () => ({ employeeNumber: `R${Math.random().toString(36).slice(2, 10)}`, name: 'Rollentest', department: 'Balie',
      targetGroup: 'overig' }) },
  { method: 'PUT', path: '/api/v1/staff-members/{staffMemberId}', expect: only(200, ADMIN),
    body: () => ({ employeeNumber: 'ROLLEN1', name: 'Rollentest', department: 'Balie', targetGroup: 'toezicht', active: true }) },
  { method: 'POST', path: '/api/v1/training-imports', expect: only(201, ADMIN),
    rawBody: () => CSV, headers: { 'content-type': 'text/csv; charset=utf-8' } },
  { method: 'GET', path: '/api/v1/awareness-activities', expect: only(200, POLICY_ADMIN) },
  { method: 'POST', path: '/api/v1/awareness-activities', expect: only(201, ADMIN),
    body: () => ({ title: 'Rollentest', heldOn: '2024-04-15', attendees: { toezicht: 2 }, externalAttendees: 1 }) },
  { method: 'GET', path: '/api/v1/designated-officers', expect: signedIn(200) },
  { method: 'POST', path: '/api/v1/designated-officers', expect: only(201, ADMIN),
    body: () => ({ name: 'Rollentest', domain: 'veiligheid', phone: '0316 000 999', email: 'rollen@gemeente.example' }) },
  { method: 'PUT', path: '/api/v1/designated-officers/{officerId}', expect: only(200, ADMIN),
    body: () => ({ name: 'Rollentest', domain: 'sociaal-domein', phone: '0316 000 998', email: 'rollen@gemeente.example' }) },
  { method: 'GET', path: '/api/v1/plan-objectives', expect: only(200, PLAN_READERS) },
  { method: 'PUT', path: '/api/v1/plan-actions/{actionId}', expect: only(200, POLICY_ADMIN),
    body: () => ({ owner: 'Team veiligheid', status: 'loopt' }) },
  { method: 'GET', path: '/api/v1/plan-reports/{year}', expect: only(200, PLAN_READERS) },
];

const shape = (p) => p.replace(/\{[^}]*\}/g, '{}');
const rowKeys = new Set(TABLE.map((row) => `${row.method} ${shape(row.path)}`));

let server;
let tokens;
let throwaway;
const fx = {};

let metrics;

before(async () => {
  metrics = metricsToken();
  server = await startServer({ args: metrics.args });
  tokens = await signInAll(server.url, USERS);
  throwaway = await signInAll(server.url, USERS);
  const { url } = server;
  fx.signalId = (await fileSignal(url, tokens.melder, { narrative: 'Rollentest: signaal van melder.',
    persons: [{ role: 'slachtoffer', name: 'Rollentest Persoon', birthYear: 1990 }] })).id;
  fx.freeSignalForCase = (await fileSignal(url, tokens.melder)).id;
  fx.freeSignalForLink = (await fileSignal(url, tokens.melder)).id;
  const open = await buildCase(url, tokens.af, [(await fileSignal(url, tokens.melder)).id], 'doorgezet');
  fx.caseId = open.caseId;
  fx.referralId = open.referralId;
  fx.spareUser = 'rollentest-account';
  const added = spawnSync(binary, ['user', 'add', fx.spareUser, '--role', 'melder', '--data', server.dataDir,
    ...storeArgs(server.dataDir)],
    { input: 'een-lang-genoeg-wachtwoord\n', encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);
  let rewording = 0;
  const builtin = (await api(url, 'GET', '/api/v1/catalog-versions/2024.1', { token: tokens.beheer })).body;
  fx.catalogProposal = () => ({
    indicators: builtin.indicators.map(({ code, text, help }) => ({
      code, help, text: code === 'ALG-02' ? `${text} (rollentest ${++rewording})` : text,
    })),
  });
  fx.closableCaseId = (await buildCase(url, tokens.af, [(await fileSignal(url, tokens.melder)).id], 'teruggekoppeld')).caseId;
  fx.reopenableCaseId = (await buildCase(url, tokens.af, [(await fileSignal(url, tokens.melder)).id], 'afgesloten')).caseId;
  fx.staffMemberId = (await api(url, 'POST', '/api/v1/staff-members', { token: tokens.beheer,
    body: { employeeNumber: 'ROLLEN1', name: 'Rollentest', department: 'Balie', targetGroup: 'overig' } })).body.id;
  fx.officerId = (await api(url, 'GET', '/api/v1/designated-officers', { token: tokens.beheer })).body[0].id;
});

/** The request options of a row: a JSON body, or a raw body with its own headers. */
function requestOptions(row, token) {
  return { token, body: row.body?.(fx), rawBody: row.rawBody?.(fx), headers: row.headers ?? {} };
}

/** The values of the path parameters, by their OpenAPI names. */
function pathParams() {
  return { signalId: fx.signalId, caseId: fx.caseId, referralId: fx.referralId, staffMemberId: fx.staffMemberId,
    officerId: fx.officerId, actionId: 'regionale-aansluiting', year: '2026' };
}

after(async () => {
  await server?.stop();
  server?.cleanup();
});

test('every endpoint in docs/openapi.json has a row in the role table, and every row is documented', () => {
  const spec = JSON.parse(readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8'));
  const base = new URL(spec.servers[0].url.replace('{host}', 'h')).pathname.replace(/\/$/, '');
  assert.equal(base, '/api/v1');
  const documented = new Set();
  for (const [p, item] of Object.entries(spec.paths)) {
    const serverUrl = item.servers?.[0]?.url;
    const prefix = serverUrl ? new URL(serverUrl.replace('{host}', 'h')).pathname.replace(/\/$/, '') : base;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) documented.add(`${method.toUpperCase()} ${shape(prefix + p)}`);
    }
  }
  const missing = [...documented].filter((key) => !rowKeys.has(key));
  assert.deepEqual(missing, [], 'documented endpoints without a row');
  const undocumented = [...rowKeys].filter((key) => !documented.has(key));
  assert.deepEqual(undocumented, [], 'rows for endpoints missing from docs/openapi.json');
});

test('every route registered in src/http/api.cpp, register_api.cpp, statistics_api.cpp and retention_api.cpp has a row in the role table', () => {
  const source = ['api.cpp', 'register_api.cpp', 'statistics_api.cpp', 'retention_api.cpp']
    .map((file) => readFileSync(path.join(root, 'src', 'http', file), 'utf8')).join('\n');
  const registered = new Set();
  for (const [, verb, p] of source.matchAll(/(?:router\.Add|AddBodyRoute\(router, service,)\s*\(?verb::(\w+),\s*"([^"]+)"/g)) {
    registered.add(`${verb.replace('_', '').toUpperCase()} ${shape(p)}`);
  }
  for (const [, p] of source.matchAll(/step\("([^"]+)"/g)) registered.add(`POST ${shape(p)}`);
  // /metrics is registered beside the API, in application.cpp.
  for (const [, verb, p] of readFileSync(path.join(root, 'src', 'http', 'application.cpp'), 'utf8')
    .matchAll(/router\.Add\(\s*boost::beast::http::verb::(\w+),\s*"([^"]+)"/g)) registered.add(`${verb.toUpperCase()} ${p}`);
  // Paths registered in loops (the code lists) are string literals without a verb next to them.
  const literals = [...source.matchAll(/"((?:\/api\/v1|\/health)\/[^"]*)"/g)].map((m) => shape(m[1]));
  const rowPaths = new Set(TABLE.map((row) => shape(row.path)));
  assert.ok(registered.size >= 20, `found the router.Add calls (${registered.size})`);
  assert.deepEqual([...registered].filter((key) => !rowKeys.has(key)), [], 'registered routes without a row');
  assert.deepEqual(literals.filter((p) => !rowPaths.has(p)), [], 'route paths in the API sources without a row');
});

test('the served /api/v1/openapi.json describes the same paths as docs/openapi.json', async () => {
  const spec = JSON.parse(readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8'));
  const served = await api(server.url, 'GET', '/api/v1/openapi.json');
  assert.equal(served.status, 200);
  assert.deepEqual(Object.keys(served.body.paths).sort(), Object.keys(spec.paths).sort());
});

for (const row of TABLE) {
  test(`role matrix: ${row.method} ${row.path}`, async () => {
    const params = { ...pathParams(), ...(row.params?.(fx) ?? {}) };
    const target = row.path.replace(/\{(\w+)\}/g, (_, name) => params[name]) + (row.query ?? '');
    const actual = {};
    let index = 0;
    for (const caller of CALLERS) {
      index += 1;
      const token = caller === 'anonymous' ? undefined : (row.throwawayToken ? throwaway : tokens)[caller];
      const options = requestOptions(row, token);
      const response = row.perCallerAddress
        ? await apiFrom(server.url, `127.0.3.${index + 10}`, row.method, target, options)
        : await api(server.url, row.method, target, options);
      actual[caller] = response.status;
      if (response.status >= 400) assertProblem(response, response.status, `${row.method} ${target} as ${caller}`);
      if (response.status === 401) {
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/, '401 names the Bearer scheme');
      }
    }
    assert.deepEqual(actual, row.expect);
  });
}

test('role checks come before anything else: a forbidden role gets 403 even for an unknown case or a bad body', async () => {
  const { url } = server;
  const unknown = '00000000-0000-0000-0000-000000000000';
  for (const caller of ['melder', 'beleid', 'beheer', 'auditor']) {
    assertProblem(await api(url, 'GET', `/api/v1/cases/${unknown}`, { token: tokens[caller] }), 403, caller);
    assertProblem(await api(url, 'POST', `/api/v1/cases/${unknown}/enrichments`,
      { token: tokens[caller], rawBody: '{not json' }), 403, caller);
    assertProblem(await api(url, 'POST', '/api/v1/cases', { token: tokens[caller], body: { signalIds: [fx.signalId] } }),
      403, caller);
  }
  // Nothing of that happened: the melder's signal is still unrecorded.
  const signal = await api(url, 'GET', `/api/v1/signals/${fx.signalId}`, { token: tokens.af });
  assert.equal(signal.body.status, 'gemeld');
});

test('a signed-out or made-up token gets 401 everywhere', async () => {
  for (const token of ['made-up-token', 'x'.repeat(300)]) {
    for (const p of ['/api/v1/signals', '/api/v1/cases', '/api/v1/audit-events', '/api/v1/indicators']) {
      assertProblem(await api(server.url, 'GET', p, { token }), 401, `${p} with a bad token`);
    }
  }
  const response = await api(server.url, 'GET', '/api/v1/signals', { headers: { authorization: `Basic ${tokens.melder}` } });
  assertProblem(response, 401, 'a non-Bearer scheme');
});

test('every /api/v1 endpoint refuses an unknown query parameter (400 naming it) and changes nothing', async () => {
  const { url } = server;
  const state = async () => ({
    signals: (await api(url, 'GET', '/api/v1/signals', { token: tokens.af })).body.map((s) => `${s.id}:${s.status}`).sort(),
    timeline: (await api(url, 'GET', `/api/v1/cases/${fx.caseId}`, { token: tokens.af })).body.timeline.length,
  });
  const before = await state();
  const spare = await signIn(url, 'melder2');
  let index = 0;
  for (const row of TABLE) {
    if (!row.path.startsWith('/api/v1/') || row.path === '/api/v1/openapi.json') continue;
    index += 1;
    // A caller the route lets through its role check: one that succeeds, else one refused for its input.
    const caller = Object.keys(row.expect).find((c) => row.expect[c] < 300 && c !== 'anonymous')
      ?? Object.keys(row.expect).find((c) => c !== 'anonymous' && ![401, 403].includes(row.expect[c])) ?? 'anonymous';
    const anonymous = Object.values(row.expect).every((status) => status < 300);
    const token = anonymous ? undefined : row.throwawayToken ? spare : tokens[caller];
    const params = { ...pathParams(), ...(row.params?.(fx) ?? {}) };
    const target = row.path.replace(/\{(\w+)\}/g, (_, name) => params[name]);
    const query = row.query ? `${row.query}&bogus=1` : '?bogus=1';
    const options = requestOptions(row, token);
    const response = row.perCallerAddress
      ? await apiFrom(url, `127.0.4.${index + 10}`, row.method, target + query, options)
      : await api(url, row.method, target + query, options);
    const problem = assertProblem(response, 400, `${row.method} ${target}${query}`);
    assert.deepEqual(problem.invalidParams.map((p) => p.name), ['bogus'], `${row.method} ${target}`);
  }
  assert.deepEqual(await state(), before);
  assert.equal((await api(url, 'GET', '/api/v1/signals', { token: spare })).status, 200, 'the spare session was not ended');
});
