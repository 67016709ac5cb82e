// The audit trail: reads of personal data are recorded with actor, object and purpose; the trail never
// holds the data itself; its hash chain verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, assertProblem, isoDate } from '../support/server.mjs';

let server;
let tokens;
const secret = {
  narrative: 'AUDITGEHEIM: de buurman van nummer 7 laat zes mannen in de schuur slapen.',
  name: 'Zwanetta Auditsma',
  phone: '06-98765432',
  street: 'Geheimhoudingslaan',
  nationality: 'Auditlands',
};
// Fragments of the demo narratives, which must not leak either.
const DEMO_FRAGMENTS = ['twaalf arbeiders', 'identiteitskaart vast', 'dure kleding', 'wisselende vrouwen', 'Industrieweg'];
let signalId;
let caseId;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'melder2', 'af', 'auditor', 'beleid']);
  const { url } = server;
  const filed = await api(url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: {
      channel: 'email', narrative: secret.narrative, indicatorCodes: ['ARB-13'], observedOn: isoDate(0),
      location: { street: secret.street, houseNumber: '7', postcode: '6901 ZZ', city: 'Zevenaar' },
      persons: [{ role: 'slachtoffer', name: secret.name, birthYear: 1990, nationality: secret.nationality, phone: secret.phone }],
    },
  });
  assert.equal(filed.status, 201);
  signalId = filed.body.id;
  // Reads of personal data by the reporter and the officer.
  assert.equal((await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.melder })).status, 200);
  assert.equal((await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.af })).status, 200);
  assert.equal((await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.melder2 })).status, 404);
  const created = await api(url, 'POST', '/api/v1/cases', { token: tokens.af, body: { signalIds: [signalId] } });
  assert.equal(created.status, 201);
  caseId = created.body.id;
  assert.equal((await api(url, 'GET', `/api/v1/cases/${caseId}`, { token: tokens.af })).status, 200);
  assert.equal((await api(url, 'GET', `/api/v1/cases/${caseId}/indication`, { token: tokens.af })).status, 200);
  assert.equal((await api(url, 'POST', `/api/v1/cases/${caseId}/enrichments`, {
    token: tokens.af, body: { source: 'brp', purpose: 'Inschrijving nagaan', content: `${secret.name} staat niet ingeschreven.` },
  })).status, 201);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

async function events() {
  const response = await api(server.url, 'GET', '/api/v1/audit-events', { token: tokens.auditor });
  assert.equal(response.status, 200);
  assert.ok(Array.isArray(response.body));
  return response;
}

test('audit events have at, actor, action, object and purpose', async () => {
  const { body } = await events();
  assert.ok(body.length > 0);
  for (const event of body) {
    assert.match(event.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, JSON.stringify(event));
    for (const field of ['actor', 'action', 'object', 'purpose']) {
      assert.equal(typeof event[field], 'string', `${field} in ${JSON.stringify(event)}`);
      assert.ok(event[field].length > 0, `${field} is filled in ${JSON.stringify(event)}`);
    }
  }
});

test('reads of signals and cases are recorded with who, what and why', async () => {
  const { body } = await events();
  const find = (action, actor, id) => body.filter((e) => e.action === action && e.actor === actor && e.object.includes(id));
  const melderRead = find('signal.read', 'melder', signalId);
  const officerRead = find('signal.read', 'af', signalId);
  const caseRead = find('case.read', 'af', caseId);
  assert.ok(melderRead.length >= 1, 'the reporter reading their signal is recorded');
  assert.ok(officerRead.length >= 1, 'the officer reading the signal is recorded');
  assert.ok(caseRead.length >= 2, 'reading the case and its indication are recorded');
  for (const event of [...melderRead, ...officerRead, ...caseRead]) assert.ok(event.purpose.trim().length > 0);
  assert.ok(find('signal.create', 'melder', signalId).length === 1, 'filing is recorded once');
  assert.ok(body.some((e) => e.actor === 'af' && e.object.includes(caseId) && /record/.test(e.action)), 'recording is recorded');
  assert.ok(body.some((e) => e.actor === 'af' && e.object.includes(caseId) && /enrich/.test(e.action)), 'enriching is recorded');
  // Signing in is recorded too.
  assert.ok(body.some((e) => e.actor === 'auditor' && e.action === 'session.create'));
});

test('no audit event holds narrative text or person data', async () => {
  const { body } = await events();
  const text = JSON.stringify(body);
  for (const value of [...Object.values(secret), 'AUDITGEHEIM', 'Zwanetta', ...DEMO_FRAGMENTS]) {
    assert.ok(!text.includes(value), `audit trail contains "${value}"`);
  }
});

test('GET /audit-events/verification → {valid: true, count > 0}, growing with activity', async () => {
  const first = await api(server.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor });
  assert.equal(first.status, 200);
  assert.equal(first.body.valid, true);
  assert.equal(typeof first.body.count, 'number');
  assert.ok(first.body.count > 0);
  const listed = (await events()).body.length;
  assert.ok(listed >= first.body.count, 'the list holds every verified event');
  assert.equal((await api(server.url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.af })).status, 200);
  const second = await api(server.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor });
  assert.equal(second.body.valid, true);
  assert.ok(second.body.count > first.body.count, 'new reads extend the chain');
});

// Reads and intake under concurrent load: the server queues their writes for the group commit instead of holding a
// thread for each, and none is lost: every answered read is in the trail, every answered intake is stored. (That
// an answer waits for its commit is shown in src/http/application_test.cpp, where the writer can be held.)
test('under concurrent load every answered read is in the trail and every answered intake is stored', async () => {
  const count = async () => {
    const verification = await api(server.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor });
    assert.equal(verification.status, 200);
    assert.equal(verification.body.valid, true);
    return verification.body.count;
  };
  const before = await count();
  const reads = await Promise.all(Array.from({ length: 40 }, () =>
    api(server.url, 'GET', `/api/v1/cases/${caseId}`, { token: tokens.af })));
  assert.ok(reads.every((read) => read.status === 200));
  // Verifying is not itself recorded (the answer holds no personal data), so the 40 reads alone.
  const afterReads = await count();
  assert.ok(afterReads >= before + 40, `an answered read is missing from the trail: ${before} then ${afterReads}`);
  const filed = await Promise.all(Array.from({ length: 20 }, (_, index) => api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: { channel: 'formulier', narrative: `Gelijktijdige melding ${index}.`, indicatorCodes: ['ALG-01'] },
  })));
  assert.ok(filed.every((answer) => answer.status === 201));
  const found = await Promise.all(filed.map((answer) =>
    api(server.url, 'GET', `/api/v1/signals/${answer.body.id}`, { token: tokens.af })));
  assert.deepEqual(found.map((answer) => answer.status), filed.map(() => 200));
  // Bad input is still refused before anything is queued.
  const refused = assertProblem(await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: { channel: 'formulier', narrative: 'Onbekende code.', indicatorCodes: ['XYZ-99'] },
  }), 400);
  assert.ok(refused.invalidParams.length > 0);
});

test('audit-events period filter: from/to select by day, bad dates are 400', async () => {
  const today = isoDate(0);
  const all = (await events()).body;
  const todayOnly = await api(server.url, 'GET', `/api/v1/audit-events?from=${today}&to=${today}`, { token: tokens.auditor });
  assert.equal(todayOnly.status, 200);
  assert.ok(todayOnly.body.length > 0);
  assert.ok(todayOnly.body.every((e) => e.at.startsWith(today)));
  const past = await api(server.url, 'GET', '/api/v1/audit-events?from=2000-01-01&to=2000-12-31', { token: tokens.auditor });
  assert.equal(past.status, 200);
  assert.deepEqual(past.body, []);
  // Everything listed earlier today is in the filtered list (which also has the listing that came between).
  const key = (e) => `${e.at}|${e.actor}|${e.action}|${e.object}`;
  const filtered = new Set(todayOnly.body.map(key));
  assert.deepEqual(all.filter((e) => e.at.startsWith(today)).map(key).filter((k) => !filtered.has(k)), []);
  const bad = assertProblem(await api(server.url, 'GET', '/api/v1/audit-events?from=gisteren', { token: tokens.auditor }), 400);
  assert.ok(bad.invalidParams.some((p) => p.name === 'from'));
});

test('a refused call is recorded too, before its body is read: case steps, searches, catalog, imports', async () => {
  const { url } = server;
  const refused = [
    ['POST', `/api/v1/cases/${caseId}/enrichments`, 'case.enrich', { source: 'brp', purpose: 'x', content: 'y' }],
    ['POST', `/api/v1/cases/${caseId}/closure`, 'case.close', {}],
    ['POST', `/api/v1/cases/${caseId}/reopenings`, 'case.reopen', { reason: 'x' }],
    ['POST', '/api/v1/cases', 'case.create', { signalIds: [signalId] }],
    ['POST', `/api/v1/cases/${caseId}/signals`, 'case.link-signal', { signalId }],
    ['POST', '/api/v1/signal-searches', 'signal.search', { text: 'schuur' }],
    ['POST', '/api/v1/catalog-versions', 'catalog.publish', 'not even json'],
    // Routes whose role is checked before their body is read (AddBodyRoute), with the use case's own name.
    ['POST', '/api/v1/subject-access-requests', 'subject-access.export', { name: secret.name }],
    ['PUT', `/api/v1/cases/${caseId}/legal-hold`, 'case.hold', { reason: 'x' }],
    ['POST', `/api/v1/signals/${signalId}/rectifications`, 'person.rectify', {}],
    ['POST', '/api/v1/designated-officers', 'officer.create', {}],
  ];
  for (const [method, path, , body] of refused) {
    const options = typeof body === 'string' ? { token: tokens.melder, rawBody: body } : { token: tokens.melder, body };
    assertProblem(await api(url, method, path, options), 403, path);
  }
  const { body } = await events();
  for (const [, path, action] of refused) {
    assert.ok(body.some((e) => e.actor === 'melder' && e.action === action && e.outcome === 'geweigerd'),
      `the refused ${action} (${path}) is in the trail`);
  }
});

test('a page refused to a role is recorded, with the route and never the path', async () => {
  const cookie = `meldroute_sessie=${tokens.beleid}`;
  const response = await fetch(`${server.url}/casussen/${caseId}`, { headers: { cookie }, redirect: 'manual' });
  assert.equal(response.status, 403);
  const { body } = await events();
  const refusal = body.find((e) => e.actor === 'beleid' && e.action === 'page GET /casussen/{}');
  assert.ok(refusal, 'the refused page is in the trail');
  assert.equal(refusal.outcome, 'geweigerd');
  assert.ok(!JSON.stringify(body).includes(`/casussen/${caseId}`), 'no page path with an id in the trail');
});

test('a sign-in under a name no account can have is refused and recorded without the typed text', async () => {
  const typed = ['wachtwoord met spaties', 'x'.repeat(5000), 'naam<script>'];
  for (const username of typed) {
    const refused = assertProblem(await api(server.url, 'POST', '/api/v1/sessions',
      { body: { username, password: 'demo-password' } }), 401, username.slice(0, 20));
    assert.equal(refused.detail, 'Gebruikersnaam of wachtwoord is onjuist.');
  }
  const { body } = await events();
  const text = JSON.stringify(body);
  for (const username of typed) assert.ok(!text.includes(username), `${username.slice(0, 20)} is not in the trail`);
  const recorded = body.filter((e) => e.actor === '(ongeldige naam)' && e.action === 'session.create');
  assert.ok(recorded.length >= typed.length, 'each attempt is recorded under a fixed name');
  assert.ok(recorded.every((e) => e.outcome === 'geweigerd'));
});
