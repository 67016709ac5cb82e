// Optimistic concurrency on cases: every change raises the case's version, GET and every step answer it as the
// ETag, and a step sent with an If-Match that is no longer current is refused with 412 and changes nothing. Two
// sessions of the aandachtfunctionaris stand for two officers working on the same case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, signInAll, api, isoDate, assertProblem } from '../support/server.mjs';

let server;
let tokens;
let second;
let caseId;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af']);
  second = await signIn(server.url, 'af');
  const filed = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: { channel: 'persoonlijk', narrative: 'Twee collega\'s werken tegelijk aan deze casus.', indicatorCodes: ['ARB-02'],
      observedOn: isoDate(-1) },
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const created = await api(server.url, 'POST', '/api/v1/cases', { token: tokens.af, body: { signalIds: [filed.body.id] } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  caseId = created.body.id;
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const getCase = (token = tokens.af) => api(server.url, 'GET', `/api/v1/cases/${caseId}`, { token });
const enrich = (token, ifMatch, content = 'Ingeschreven op het adres volgens de BRP.') =>
  api(server.url, 'POST', `/api/v1/cases/${caseId}/enrichments`, {
    token,
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    body: { source: 'brp', purpose: 'Nagaan wie er woont', content },
  });

test('a new case is version 1, answered as the ETag and in the body', async () => {
  const read = await getCase();
  assert.equal(read.status, 200);
  assert.equal(read.body.version, 1);
  assert.equal(read.headers.get('etag'), '"1"');
});

test('a step with the current version succeeds and answers the next version', async () => {
  const done = await enrich(tokens.af, '"1"');
  assert.equal(done.status, 201, JSON.stringify(done.body));
  assert.equal(done.body.caseVersion, 2);
  assert.equal(done.headers.get('etag'), '"2"');
  const read = await getCase(second);
  assert.equal(read.headers.get('etag'), '"2"');
  assert.equal(read.body.enrichments.length, 1);
});

test('the second officer, still on version 1, is refused with 412 and nothing changes', async () => {
  const before = (await getCase()).body;
  const stale = await enrich(second, '"1"', 'Dit zou de verrijking van de collega overschrijven.');
  const problem = assertProblem(stale, 412);
  assert.match(problem.detail, /intussen gewijzigd/);
  const afterwards = (await getCase()).body;
  assert.equal(afterwards.version, before.version);
  assert.equal(afterwards.enrichments.length, before.enrichments.length);
  assert.equal(afterwards.timeline.length, before.timeline.length);
  assert.deepEqual(afterwards, before);
  // After reading again, the same step goes through.
  const etag = (await getCase(second)).headers.get('etag');
  const retried = await enrich(second, etag);
  assert.equal(retried.status, 201, JSON.stringify(retried.body));
  assert.equal(retried.body.caseVersion, before.version + 1);
});

test('a stale version on a step the route would refuse anyway still says 412 first', async () => {
  const current = (await getCase()).body.version;
  const closure = await api(server.url, 'POST', `/api/v1/cases/${caseId}/closure`, {
    token: tokens.af, headers: { 'if-match': `"${current - 1}"` }, body: { outcome: 'zorgtraject' },
  });
  assertProblem(closure, 412);
  assert.equal((await getCase()).body.status, 'verrijkt');
});

test('without If-Match, or with *, a step applies to the current state (the contract stays as it was)', async () => {
  const plain = await enrich(tokens.af, undefined);
  assert.equal(plain.status, 201, JSON.stringify(plain.body));
  const any = await enrich(tokens.af, '*');
  assert.equal(any.status, 201, JSON.stringify(any.body));
  assert.equal(any.body.caseVersion, plain.body.caseVersion + 1);
});

test('an If-Match that is not one strong version is bad input and changes nothing', async () => {
  const before = (await getCase()).body;
  for (const value of ['W/"3"', '"3", "4"', 'drie', '""', '"-1"', `"${'9'.repeat(19)}"`]) {
    const refused = await enrich(tokens.af, value);
    const problem = assertProblem(refused, 400, value);
    assert.ok(problem.invalidParams.some((param) => param.name === 'If-Match'), value);
  }
  assert.deepEqual((await getCase()).body, before);
});

test('linking a signal and partner feedback honour If-Match too', async () => {
  const filed = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: { channel: 'email', narrative: 'Een tweede melding over dezelfde werkplaats.', indicatorCodes: ['ARB-01'] },
  });
  const version = (await getCase()).body.version;
  const stale = await api(server.url, 'POST', `/api/v1/cases/${caseId}/signals`, {
    token: tokens.af, headers: { 'if-match': `"${version - 1}"` }, body: { signalId: filed.body.id },
  });
  assertProblem(stale, 412);
  const linked = await api(server.url, 'POST', `/api/v1/cases/${caseId}/signals`, {
    token: tokens.af, headers: { 'if-match': `"${version}"` }, body: { signalId: filed.body.id },
  });
  assert.equal(linked.status, 201, JSON.stringify(linked.body));
  assert.equal(linked.body.version, version + 1);
  assert.equal(linked.headers.get('etag'), `"${version + 1}"`);

  await api(server.url, 'POST', `/api/v1/cases/${caseId}/assessments`, {
    token: tokens.af, body: { urgency: 'hoog', forms: ['arbeid'], rationale: 'Werk en wonen bij dezelfde baas.' },
  });
  const referral = await api(server.url, 'POST', `/api/v1/cases/${caseId}/referrals`, {
    token: tokens.af, body: { partner: 'moviera', feedbackDue: isoDate(7) },
  });
  assert.equal(referral.status, 201, JSON.stringify(referral.body));
  const feedback = (ifMatch) => api(server.url, 'POST', `/api/v1/referrals/${referral.body.id}/feedback`, {
    token: tokens.af, headers: { 'if-match': ifMatch }, body: { summary: 'Contact gelegd.' },
  });
  assertProblem(await feedback(`"${referral.body.caseVersion - 1}"`), 412);
  const answered = await feedback(`"${referral.body.caseVersion}"`);
  assert.equal(answered.status, 201, JSON.stringify(answered.body));
  assert.equal(answered.body.caseVersion, referral.body.caseVersion + 1);
});

test('a legal hold set or lifted is a change of the case: If-Match is checked and the ETag moves on', async () => {
  const path = `/api/v1/cases/${caseId}/legal-hold`;
  const version = (await getCase()).body.version;
  const stale = await api(server.url, 'PUT', path, {
    token: tokens.af,
    headers: { 'if-match': `"${version - 1}"` },
    body: { reason: 'Lopend strafrechtelijk onderzoek.' },
  });
  assertProblem(stale, 412);
  assert.equal((await getCase()).body.retention.legalHold, null, 'a refused hold changes nothing');
  const held = await api(server.url, 'PUT', path, {
    token: tokens.af, headers: { 'if-match': `"${version}"` }, body: { reason: 'Lopend strafrechtelijk onderzoek.' },
  });
  assert.equal(held.status, 200, JSON.stringify(held.body));
  assert.equal(held.headers.get('etag'), `"${version + 1}"`);
  assert.equal(held.body.version, version + 1);
  // The other officer's view from before the hold is stale now.
  assertProblem(await api(server.url, 'DELETE', path, { token: second, headers: { 'if-match': `"${version}"` } }), 412);
  const lifted = await api(server.url, 'DELETE', path, { token: second, headers: { 'if-match': `"${version + 1}"` } });
  assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
  assert.equal(lifted.headers.get('etag'), `"${version + 2}"`);
  assert.equal(lifted.body.retention.legalHold, null);
});

test('a rectification of a person on one of the case\'s signals moves the case\'s ETag on', async () => {
  const filed = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: { channel: 'persoonlijk', narrative: 'Een naam verkeerd gespeld in de melding.', indicatorCodes: ['ARB-02'],
      persons: [{ role: 'slachtoffer', name: 'Petra Verkeerd', birthYear: 1990 }] },
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const created = await api(server.url, 'POST', '/api/v1/cases',
    { token: tokens.af, body: { signalIds: [filed.body.id] } });
  const before = await api(server.url, 'GET', `/api/v1/cases/${created.body.id}`, { token: tokens.af });
  const added = await api(server.url, 'POST', `/api/v1/signals/${filed.body.id}/rectifications`, {
    token: tokens.af, body: { position: 0, name: 'Petra Verbeterd', reason: 'Verzoek betrokkene.' },
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const after = await api(server.url, 'GET', `/api/v1/cases/${created.body.id}`, { token: tokens.af });
  assert.equal(after.body.version, before.body.version + 1);
  assert.equal(after.headers.get('etag'), `"${before.body.version + 1}"`);
  assert.equal(after.body.signals[0].persons[0].name, 'Petra Verbeterd');
});
