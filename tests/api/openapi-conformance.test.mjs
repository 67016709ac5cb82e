// The OpenAPI description matches what the server does: every operation is exercised, every response's
// status is documented for that operation, and every JSON body validates against the documented schema.
import { totp } from '../support/totp.mjs';
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, signIn, api, metricsToken } from '../support/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const spec = JSON.parse(readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8'));
const basePath = new URL(spec.servers[0].url.replace('{host}', 'x')).pathname; // "/api/v1"

let server;
const tokens = {};
const exercised = new Set();
const failures = [];

function resolve(schema) {
  let current = schema;
  while (current && current.$ref) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce((node, key) => node[key], spec);
  }
  return current;
}

const formats = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
};

/** Returns a list of problems ("$.field: reason"); empty when `value` matches `schema`. */
function validate(value, schemaOrRef, where = '$') {
  const schema = resolve(schemaOrRef);
  if (!schema) return [];
  const problems = [];
  if (schema.allOf) for (const part of schema.allOf) problems.push(...validate(value, part, where));
  if (value === null) return schema.nullable || !schema.type ? problems : [...problems, `${where}: null not allowed`];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} not in enum`);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [...problems, `${where}: expected object`];
      for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${where}.${key}: missing`);
      for (const [key, item] of Object.entries(value)) {
        if (schema.properties?.[key]) problems.push(...validate(item, schema.properties[key], `${where}.${key}`));
        else if (typeof schema.additionalProperties === 'object') {
          problems.push(...validate(item, schema.additionalProperties, `${where}.${key}`));
        } else if (schema.properties && schema.additionalProperties !== true) {
          problems.push(`${where}.${key}: not documented`);
        }
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [...problems, `${where}: expected array`];
      value.forEach((item, index) => problems.push(...validate(item, schema.items, `${where}[${index}]`)));
      break;
    case 'string':
      if (typeof value !== 'string') problems.push(`${where}: expected string`);
      else if (schema.format && formats[schema.format] && !formats[schema.format].test(value)) {
        problems.push(`${where}: not a ${schema.format}: ${value}`);
      }
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${where}: expected integer`);
      break;
    case 'number':
      if (typeof value !== 'number') problems.push(`${where}: expected number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: expected boolean`);
      break;
    default:
  }
  return problems;
}

function operationFor(method, urlPath) {
  const relative = urlPath.startsWith(basePath) ? urlPath.slice(basePath.length) : urlPath;
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(relative) && item[method.toLowerCase()]) {
      return { key: `${method.toUpperCase()} ${template}`, operation: item[method.toLowerCase()] };
    }
  }
  return null;
}

/** Calls the API and checks the response against the description. */
async function call(method, urlPath, options = {}) {
  const response = await api(server.url, method, urlPath, options);
  const found = operationFor(method, urlPath.split('?')[0]);
  if (!found) {
    failures.push(`${method} ${urlPath}: not in the OpenAPI description`);
    return response;
  }
  exercised.add(found.key);
  const documented = found.operation.responses[String(response.status)];
  if (!documented) {
    failures.push(`${found.key}: status ${response.status} not documented`);
    return response;
  }
  const resolved = resolve(documented);
  const content = resolved.content ?? {};
  const type = (response.headers.get('content-type') ?? '').split(';')[0];
  if (Object.keys(content).length > 0) {
    if (!content[type]) failures.push(`${found.key} ${response.status}: content type ${type} not documented`);
    else {
      for (const problem of validate(response.body, content[type].schema)) {
        failures.push(`${found.key} ${response.status}: ${problem}`);
      }
    }
  }
  // Every described header must be there, but for one described as `required: false` (the `Link` of a page
  // that is not the last): the route tests check when that one is sent.
  for (const [header, described] of Object.entries(resolved.headers ?? {})) {
    if (resolve(described).required === false) continue;
    if (!response.headers.has(header)) failures.push(`${found.key} ${response.status}: header ${header} missing`);
  }
  return response;
}

let metrics;

before(async () => {
  metrics = metricsToken();
  server = await startServer({ demo: true, args: metrics.args });
  for (const name of ['melder', 'af', 'beleid', 'beheer', 'auditor']) tokens[name] = await signIn(server.url, name);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

test('every operation answers as described, and every described operation is exercised', async () => {
  const { af, melder, beleid, beheer, auditor } = tokens;
  await call('GET', '/api/v1/openapi.json');
  await call('GET', '/health/live');
  await call('GET', '/health/ready');
  await call('GET', '/metrics', { token: metrics.token });
  await call('GET', '/metrics', { token: af });
  await call('GET', '/metrics?format=json', { token: metrics.token });
  await call('POST', '/api/v1/sessions', { body: { username: 'melder', password: 'wrong-password' } });
  const session = await call('POST', '/api/v1/sessions', { body: { username: 'beleid', password: 'demo-password' } });
  await call('DELETE', '/api/v1/sessions/current', { token: session.body.token });

  const signal = await call('POST', '/api/v1/signals', {
    token: melder,
    body: {
      channel: 'formulier', narrative: 'Werknemers slapen in de loods en werken 14 uur per dag.',
      indicatorCodes: ['ARB-13', 'ARB-02'], observedOn: '2024-04-15',
      location: { street: 'Industrieweg', houseNumber: '1', postcode: '6902 AA', city: 'Zevenaar' },
      persons: [{ role: 'slachtoffer', name: 'Test Persoon', birthYear: 1990, nationality: 'Pools', phone: '0612345678' }],
      business: { kvkNumber: '12345678', tradeName: 'Uitzendbureau Snel' },
    },
  });
  assert.equal(signal.status, 201);
  await call('POST', '/api/v1/signals', { token: melder, body: { channel: 'fax', narrative: '', indicatorCodes: [] } });
  await call('POST', '/api/v1/signals', { token: melder, rawBody: '{' });
  await call('POST', '/api/v1/signals', { token: melder, rawBody: JSON.stringify({ narrative: 'x'.repeat(1100000) }) });
  await call('POST', '/api/v1/signals', { body: { channel: 'formulier', narrative: 'x', indicatorCodes: [] } });
  const second = await call('POST', '/api/v1/anonymous-signals', { body: { narrative: 'Veel mannen bij de woning.' } });
  await call('GET', '/api/v1/signals', { token: melder });
  await call('GET', '/api/v1/signals?status=gemeld', { token: af });
  await call('GET', `/api/v1/signals/${signal.body.id}`, { token: melder });
  await call('GET', `/api/v1/signals/${signal.body.id}`, { token: beleid });

  const created = await call('POST', '/api/v1/cases', { token: af, body: { signalIds: [signal.body.id] } });
  assert.equal(created.status, 201);
  const caseId = created.body.id;
  await call('POST', '/api/v1/cases', { token: melder, body: { signalIds: [signal.body.id] } });
  await call('POST', '/api/v1/cases', { token: af, body: { signalIds: ['00000000-0000-4000-8000-000000000000'] } });
  await call('POST', `/api/v1/cases/${caseId}/assessments`, {
    token: af, body: { urgency: 'hoog', forms: ['arbeid'], rationale: 'te vroeg' },
  });
  await call('POST', `/api/v1/cases/${caseId}/signals`, { token: af, body: { signalId: second.body.id } });
  await call('POST', `/api/v1/cases/${caseId}/enrichments`, {
    token: af, body: { source: 'bag', purpose: 'gebruik pand', content: 'Industriefunctie.' },
  });
  await call('POST', `/api/v1/cases/${caseId}/assessments`, {
    token: af, body: { urgency: 'hoog', forms: ['arbeid'], rationale: 'Huisvesting en lange dagen.' },
  });
  const referral = await call('POST', `/api/v1/cases/${caseId}/referrals`, {
    token: af, body: { partner: 'moviera', forum: 'signalenoverleg', feedbackDue: '2999-01-01', note: 'Graag snel.' },
  });
  await call('POST', `/api/v1/referrals/${referral.body.id}/feedback`, { token: af, body: { summary: 'Opgepakt.' } });
  await call('POST', `/api/v1/cases/${caseId}/reporter-feedback`, { token: af, body: { message: 'Dank, opgepakt.' } });
  await call('GET', `/api/v1/cases/${caseId}`, { token: af });
  await call('GET', `/api/v1/cases/${caseId}/indication`, { token: af });
  await call('GET', '/api/v1/cases', { token: af });
  await call('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000', { token: af });
  await call('POST', `/api/v1/cases/${caseId}/closure`, { token: af, body: { outcome: 'zorgtraject', note: 'Klaar.' } });
  await call('POST', `/api/v1/cases/${caseId}/closure`, { token: af, body: { outcome: 'zorgtraject' } });
  await call('POST', `/api/v1/cases/${caseId}/reopenings`, { token: af, body: { reason: '' } });
  await call('POST', `/api/v1/cases/${caseId}/reopenings`, { token: melder, body: { reason: 'Nieuwe melding.' } });
  await call('POST', `/api/v1/cases/${caseId}/reopenings`, { token: af, body: { reason: 'Nieuwe melding.' } });
  await call('POST', `/api/v1/cases/${caseId}/reopenings`, { token: af, body: { reason: 'Nog een keer.' } });
  await call('GET', `/api/v1/cases/${caseId}`, { token: af });

  // Retention and the rights of data subjects.
  await call('PUT', `/api/v1/cases/${caseId}/legal-hold`, { token: af, body: { reason: 'Lopend onderzoek.' } });
  await call('PUT', `/api/v1/cases/${caseId}/legal-hold`, { token: af, body: {} });
  await call('PUT', `/api/v1/cases/${caseId}/legal-hold`, { token: melder, body: { reason: 'x' } });
  await call('PUT', '/api/v1/cases/00000000-0000-4000-8000-000000000000/legal-hold', { token: af, body: { reason: 'x' } });
  await call('DELETE', `/api/v1/cases/${caseId}/legal-hold`, { token: af });
  await call('DELETE', `/api/v1/cases/${caseId}/legal-hold`, { token: af });
  await call('GET', '/api/v1/destruction-log', { token: auditor });
  await call('GET', '/api/v1/destruction-log', { token: beleid });
  await call('POST', '/api/v1/subject-access-requests', { token: af, body: { name: 'Test Persoon', birthYear: 1990 } });
  await call('POST', '/api/v1/subject-access-requests', { token: af, body: { name: 'Test Persoon' } });
  await call('POST', `/api/v1/signals/${signal.body.id}/rectifications`,
    { token: af, body: { position: 0, nationality: 'Duits', reason: 'Verzoek betrokkene.' } });
  await call('POST', `/api/v1/signals/${signal.body.id}/rectifications`,
    { token: af, body: { position: 0, nationality: 'Duits', reason: 'Nogmaals.' } });
  await call('POST', `/api/v1/signals/${signal.body.id}/rectifications`, { token: af, body: { position: 0 } });
  await call('POST', '/api/v1/signals/00000000-0000-4000-8000-000000000000/rectifications',
    { token: af, body: { position: 0, name: 'x', reason: 'x' } });

  await call('GET', '/api/v1/recurrences', { token: af });
  await call('GET', '/api/v1/recurrences', { token: melder });
  await call('POST', '/api/v1/signal-searches', { token: af, body: { text: 'loods', status: 'afgesloten', form: 'arbeid' } });
  await call('POST', '/api/v1/signal-searches', { token: af, body: { status: 'onzin' } });
  await call('POST', '/api/v1/signal-searches', { token: melder, body: {} });
  await call('GET', '/api/v1/indicators', { token: melder });
  const enrolment = await call('POST', '/api/v1/totp-enrolments', { token: melder });
  await call('POST', '/api/v1/totp-enrolments/confirmation', { token: melder, body: { otp: 'abcdef' } });
  await call('POST', '/api/v1/totp-enrolments/confirmation', { token: melder, body: { otp: totp(enrolment.body.secret) } });
  await call('POST', '/api/v1/totp-enrolments', { token: melder });
  await call('GET', '/api/v1/accounts', { token: beheer });
  await call('GET', '/api/v1/accounts', { token: melder });
  await call('GET', '/api/v1/accounts?username=melder2', { token: beheer });
  await call('POST', '/api/v1/session-revocations', { token: beheer, body: { username: 'melder2' } });
  await call('POST', '/api/v1/session-revocations', { token: melder, body: { username: 'melder2' } });
  await call('POST', '/api/v1/mfa-resets', { token: beheer, body: { username: 'melder2' } });
  await call('POST', '/api/v1/mfa-resets', { token: beheer, body: { username: 'niemand' } });
  await call('POST', '/api/v1/mfa-resets', { token: beheer, body: {} });
  await call('GET', '/api/v1/catalog-versions', { token: beheer });
  const builtin = await call('GET', '/api/v1/catalog-versions/2024.1', { token: melder });
  await call('GET', '/api/v1/catalog-versions/1999.1', { token: melder });
  const rows = builtin.body.indicators.map(({ code, text, help, retired }) => ({ code, text, help, retired }));
  await call('POST', '/api/v1/catalog-versions', { token: melder, body: { indicators: rows } });
  await call('POST', '/api/v1/catalog-versions', { token: beheer, body: { indicators: rows.slice(1) } });
  await call('POST', '/api/v1/catalog-versions', { token: beheer, body: { indicators: rows } });
  await call('POST', '/api/v1/catalog-versions', { token: beheer, body: { basedOn: '2024.1',
    indicators: [...rows, { category: 'arbeid', text: 'moet betalen voor vervoer naar het werk' }] } });
  await call('POST', '/api/v1/catalog-versions', { token: beheer, body: { basedOn: '2024.1', indicators: rows } });
  for (const list of ['partners', 'forums', 'enrichment-sources', 'outcomes']) await call('GET', `/api/v1/${list}`, { token: af });
  await call('POST', '/api/v1/indicator-suggestions', { token: melder, body: { text: 'Hij heeft zijn paspoort niet.' } });
  await call('GET', '/api/v1/statistics?from=2024-01-01&to=2999-12-31', { token: beleid });
  await call('GET', '/api/v1/statistics?from=nope&to=2999-12-31', { token: beleid });
  const year = new Date().getUTCFullYear();
  const oneYear = `from=${year}-01-01&to=${year}-12-31`;
  await call('GET', `/api/v1/statistics?${oneYear}&suppress=true`, { token: beleid });
  await call('GET', '/api/v1/statistics?from=2024-01-01&to=2999-12-31&suppress=true', { token: beleid });
  await call('GET', `/api/v1/statistics/tables/by-department?${oneYear}`, { token: beleid });
  await call('GET', `/api/v1/statistics/tables/nope?${oneYear}`, { token: beleid });
  await call('GET', `/api/v1/statistics/tables/by-channel?${oneYear}`, { token: melder });
  await call('GET', '/api/v1/yearly-overview', { token: beleid });
  await call('GET', '/api/v1/yearly-overview?suppress=true', { token: af });
  await call('GET', '/api/v1/yearly-overview?suppress=ja', { token: af });
  await call('GET', '/api/v1/yearly-overview/csv', { token: beleid });
  await call('GET', '/api/v1/yearly-overview/csv', { token: auditor });
  await call('GET', '/api/v1/yearly-figures', { token: beheer });
  await call('GET', '/api/v1/yearly-figures', { token: af });
  await call('PUT', '/api/v1/yearly-figures/2018', { token: beheer,
    body: { regionSignals: 40, regionCareTrajectories: null, municipalityCount: 2, source: 'Conformancetest' } });
  await call('PUT', '/api/v1/yearly-figures/2018', { token: beleid, body: { regionSignals: -1, source: '' } });
  await call('PUT', '/api/v1/yearly-figures/2018', { body: { regionSignals: 1, source: 'x' } });
  await call('PUT', '/api/v1/yearly-figures/2018', { token: af, body: { regionSignals: 1, source: 'x' } });
  await call('GET', `/api/v1/care-evaluations/${year}`, { token: af });
  await call('GET', `/api/v1/care-evaluations/${year}?suppress=true`, { token: beleid });
  await call('GET', '/api/v1/care-evaluations/twintig', { token: beleid });
  await call('GET', `/api/v1/care-evaluations/${year}/pdf`, { token: beleid });
  await call('GET', `/api/v1/care-evaluations/${year}/pdf`, { token: melder });
  await call('GET', `/api/v1/care-evaluations/${year}/xlsx?suppress=true`, { token: beleid });
  await call('GET', `/api/v1/care-evaluations/${year}/xlsx`, { token: af });
  await call('GET', `/api/v1/care-evaluations/${year}/tables/trajectories`, { token: af });
  await call('GET', `/api/v1/care-evaluations/${year}/tables/trajectories?suppress=true`, { token: af });
  await call('GET', '/api/v1/audit-events', { token: auditor });
  await call('GET', '/api/v1/audit-events/verification', { token: auditor });
  await call('GET', '/api/v1/processing-records', { token: auditor, headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
  await call('GET', '/api/v1/processing-records?from=2024-01-01&to=2999-12-31', { token: auditor });
  await call('GET', '/api/v1/processing-records?from=nope', { token: auditor });
  await call('GET', '/api/v1/processing-records', { token: melder });
  await call('GET', '/api/v1/audit-events/verification', { token: af });

  // The registers (issue 7).
  await call('GET', '/api/v1/training-coverage', { token: beleid });
  await call('GET', '/api/v1/training-coverage', { token: melder });
  await call('PUT', '/api/v1/training-settings', { token: beheer, body: { targets: { publiekszaken: 90, toezicht: 75 }, refresherMonths: 18 } });
  await call('PUT', '/api/v1/training-settings', { token: beheer, body: { targets: { receptie: 10 }, refresherMonths: 0 } });
  const csvHeaders = { 'content-type': 'text/csv; charset=utf-8' };
  const csv = 'medewerker-id;naam;afdeling;doelgroep;voltooid-op\nC1;Conformiteit;Balie;publiekszaken;2024-06-12\n';
  await call('POST', '/api/v1/training-imports', { token: beheer, rawBody: csv, headers: csvHeaders });
  await call('POST', '/api/v1/training-imports', { token: beheer, rawBody: `${csv}C2;X;Balie;receptie;\n`, headers: csvHeaders });
  await call('POST', '/api/v1/training-imports', { token: beheer, body: { csv } });
  await call('GET', '/api/v1/training-coverage', { token: beheer });
  const staff = await call('GET', '/api/v1/staff-members', { token: beheer });
  await call('GET', '/api/v1/staff-members', { token: beleid });
  const added = await call('POST', '/api/v1/staff-members', {
    token: beheer, body: { employeeNumber: 'C3', name: 'Handmatig', department: 'Toezicht', targetGroup: 'toezicht' },
  });
  await call('POST', '/api/v1/staff-members', { token: beheer, body: { employeeNumber: 'C3', name: '', department: 'x', targetGroup: 'x' } });
  await call('PUT', `/api/v1/staff-members/${added.body.id}`, {
    token: beheer, body: { employeeNumber: 'C3', name: 'Handmatig', department: 'Toezicht', targetGroup: 'toezicht', active: false },
  });
  await call('PUT', '/api/v1/staff-members/00000000-0000-4000-8000-000000000000', {
    token: beheer, body: { employeeNumber: 'C4', name: 'Niemand', department: 'x', targetGroup: 'overig' },
  });
  assert.ok(staff.body.length > 0);
  await call('GET', '/api/v1/awareness-activities', { token: beleid });
  await call('POST', '/api/v1/awareness-activities', {
    token: beheer, body: { title: 'Voorlichting toezicht', heldOn: '2024-09-01', description: 'Signalen in panden.', attendees: { toezicht: 6 }, externalAttendees: 2 },
  });
  await call('POST', '/api/v1/awareness-activities', { token: beheer, body: { title: '', heldOn: '15-04-2024' } });
  const officers = await call('GET', '/api/v1/designated-officers', { token: melder });
  await call('POST', '/api/v1/designated-officers', {
    token: beheer, body: { name: 'C. Officier', domain: 'veiligheid', phone: '0316 000 300', email: 'c@gemeente.example', active: false },
  });
  await call('POST', '/api/v1/designated-officers', { token: melder, body: { name: 'x' } });
  await call('PUT', `/api/v1/designated-officers/${officers.body[0].id}`, {
    token: beheer, body: { name: officers.body[0].name, domain: 'veiligheid', phone: '0316 000 301', email: officers.body[0].email },
  });
  await call('PUT', '/api/v1/designated-officers/00000000-0000-4000-8000-000000000000', {
    token: beheer, body: { name: 'x', domain: 'veiligheid', phone: '0316 000 301', email: 'x@gemeente.example' },
  });
  await call('GET', '/api/v1/plan-objectives', { token: af });
  await call('PUT', '/api/v1/plan-actions/barrieres', {
    token: beleid, body: { owner: 'Team veiligheid', status: 'afgerond', dueOn: '2024-12-31', notes: 'Bibob-beleid vastgesteld.' },
  });
  await call('PUT', '/api/v1/plan-actions/onbekend', { token: beleid, body: { owner: '', status: 'loopt' } });
  await call('PUT', '/api/v1/plan-actions/barrieres', { token: af, body: { owner: '', status: 'loopt' } });
  await call('GET', '/api/v1/plan-reports/2024', { token: beleid });
  await call('GET', '/api/v1/plan-reports/twee', { token: beleid });

  const described = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) described.push(`${method.toUpperCase()} ${template}`);
    }
  }
  const missing = described.filter((key) => !exercised.has(key));
  assert.deepEqual(missing, [], 'operations in the description that this test does not exercise');
  assert.deepEqual(failures, [], 'responses that differ from the description');
});
