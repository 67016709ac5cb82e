// Heropenen over HTTP: only the aandachtfunctionaris, only a closed case, only with a reason; the case goes
// back to vastgelegd with its first closure kept; bad input is a problem+json that changes nothing; the step is
// audited; the figures count every closure and the reopening, and still add up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, assertProblem } from '../support/server.mjs';
import { buildCase, fileSignal, getCase, runStep } from '../support/route.mjs';

let server;
let tokens;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'melder2', 'af', 'beleid', 'auditor']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const reopen = (caseId, body, token = tokens.af) =>
  api(server.url, 'POST', `/api/v1/cases/${caseId}/reopenings`, { token, body });

async function closedCase() {
  const signal = await fileSignal(server.url, tokens.melder, { narrative: 'Heropentest: mannen slapen in de loods.' });
  return (await buildCase(server.url, tokens.af, [signal.id], 'afgesloten')).caseId;
}

const year = new Date().getUTCFullYear();
const figures = async () => {
  const response = await api(server.url, 'GET', `/api/v1/statistics?from=${year}-01-01&to=${year}-12-31`,
    { token: tokens.beleid });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
};
const sum = (object) => Object.values(object).reduce((total, value) => total + value, 0);

test('bad input and the wrong role or state are refused as problem+json, and change nothing', async () => {
  const caseId = await closedCase();
  const before = await getCase(server.url, tokens.af, caseId);
  const refusals = [
    [reopen(caseId, {}), 400, ['reason']],
    [reopen(caseId, { reason: '   ' }), 400, ['reason']],
    [reopen(caseId, { reason: 'x'.repeat(1001) }), 400, ['reason']],
    [reopen(caseId, { reason: 42 }), 400, ['reason']],
    [reopen(caseId, { reason: 'Nieuwe melding.', extra: true }), 400, ['extra']],
    [api(server.url, 'POST', `/api/v1/cases/${caseId}/reopenings`, { token: tokens.af, rawBody: '{"reason":' }), 400],
    [reopen(caseId, { reason: 'Nieuwe melding.' }, tokens.melder), 403],
    [reopen(caseId, { reason: 'Nieuwe melding.' }, tokens.beleid), 403],
    [api(server.url, 'POST', `/api/v1/cases/${caseId}/reopenings`, { body: { reason: 'Nieuwe melding.' } }), 401],
    [reopen('00000000-0000-4000-8000-000000000000', { reason: 'Nieuwe melding.' }), 404],
  ];
  for (const [promise, status, names] of refusals) {
    const response = await promise;
    assertProblem(response, status, JSON.stringify(response.body));
    if (names) {
      assert.deepEqual(response.body.invalidParams.map((p) => p.name).sort(), names, JSON.stringify(response.body));
      assert.ok(response.body.invalidParams.every((p) => /[a-z]/.test(p.reason)), 'a Dutch reason per field');
    }
  }
  const after = await getCase(server.url, tokens.af, caseId);
  assert.equal(after.status, 'afgesloten');
  assert.equal(after.reopenCount, 0);
  assert.equal(after.timeline.length, before.timeline.length);
  assert.deepEqual(after.closures, before.closures);

  // A case that is not closed cannot be reopened (409).
  const open = await buildCase(server.url, tokens.af, [(await fileSignal(server.url, tokens.melder)).id], 'gewogen');
  assertProblem(await reopen(open.caseId, { reason: 'Nieuwe melding.' }), 409);
  assert.equal((await getCase(server.url, tokens.af, open.caseId)).status, 'gewogen');
});

test('a reopened case goes back to vastgelegd, keeps its first closure and runs the route again', async () => {
  const before = await figures();
  const signal = await fileSignal(server.url, tokens.melder, { narrative: 'Heropentest: busje haalt elke ochtend mensen op.' });
  const ids = await buildCase(server.url, tokens.af, [signal.id], 'teruggekoppeld');
  const closed = await api(server.url, 'POST', `/api/v1/cases/${ids.caseId}/closure`,
    { token: tokens.af, body: { outcome: 'geen-mensenhandel', note: 'Niets gebleken.' } });
  assert.equal(closed.status, 201);
  const closedFile = await getCase(server.url, tokens.af, ids.caseId);
  assert.deepEqual(closedFile.allowedActions, ['reopen']);

  const reason = 'Nieuwe melding over hetzelfde bedrijfspand.';
  const response = await reopen(ids.caseId, { reason });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  assert.equal(response.body.caseStatus, 'vastgelegd');
  const file = await getCase(server.url, tokens.af, ids.caseId);
  assert.equal(file.status, 'vastgelegd');
  assert.equal(file.outcome, null, 'no outcome while open again');
  assert.equal(file.reopenCount, 1);
  assert.match(file.reopenedAt, /^\d{4}-\d{2}-\d{2}T/);
  assert.equal(file.closures.length, 1);
  assert.equal(file.closures[0].outcome, 'geen-mensenhandel');
  assert.equal(file.closures[0].note, 'Niets gebleken.');
  assert.deepEqual(file.reopenings.map((r) => [r.reason, r.actor]), [[reason, 'af']]);
  const last = file.timeline.at(-1);
  assert.equal(last.action, 'reopen');
  assert.ok(last.detail.includes(reason), 'the reason is in the timeline');
  assert.deepEqual([...file.allowedActions].sort(), ['enrich', 'link-signal']);
  const listed = (await api(server.url, 'GET', '/api/v1/cases', { token: tokens.af })).body.find((c) => c.id === ids.caseId);
  assert.equal(listed.reopenCount, 1);

  // The melder sees the case is being handled again; a new signal about the same situation is linked.
  assert.equal((await api(server.url, 'GET', `/api/v1/signals/${signal.id}`, { token: tokens.melder })).body.status,
    'vastgelegd');
  const further = await fileSignal(server.url, tokens.melder2, { narrative: 'Heropentest: weer een busje gezien.' });
  assert.equal((await runStep(server.url, tokens.af, 'link-signal', { ...ids, freeSignalId: further.id })).status, 201);
  for (const step of ['enrich', 'assess', 'refer', 'reporter-feedback', 'close']) {
    const result = await runStep(server.url, tokens.af, step, ids);
    assert.equal(result.status, 201, `${step}: ${JSON.stringify(result.body)}`);
  }
  const again = await getCase(server.url, tokens.af, ids.caseId);
  assert.equal(again.status, 'afgesloten');
  assert.equal(again.outcome, 'zorgtraject');
  assert.deepEqual(again.closures.map((c) => c.outcome), ['geen-mensenhandel', 'zorgtraject']);

  // Audited like every step.
  const events = (await api(server.url, 'GET', '/api/v1/audit-events', { token: tokens.auditor })).body;
  assert.ok(events.some((e) => e.action === 'case.reopen' && e.object === `case/${ids.caseId}` && e.actor === 'af'));
  assert.equal((await api(server.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor })).body.valid,
    true);

  // The figures: both closures count, each with its own outcome, and the reopening; totals add up.
  const after = await figures();
  assert.equal(after.cases - before.cases, 1, 'a reopened case is not a new case');
  assert.equal(after.closures - before.closures, 2);
  assert.equal(after.reopenings - before.reopenings, 1);
  assert.equal((after.byOutcome['geen-mensenhandel'] ?? 0) - (before.byOutcome['geen-mensenhandel'] ?? 0), 1);
  assert.equal((after.byOutcome.zorgtraject ?? 0) - (before.byOutcome.zorgtraject ?? 0), 1);
  assert.equal(after.careTrajectories - before.careTrajectories, 1);
  for (const body of [before, after]) {
    assert.equal(sum(body.byOutcome), body.closures, 'byOutcome adds up to the closures');
    assert.equal(body.byOutcome.zorgtraject ?? 0, body.careTrajectories);
    assert.equal(sum(body.byChannel), body.signals);
    assert.equal(sum(body.byUrgency), body.cases);
    assert.equal(sum(body.byPartner), body.referrals);
    assert.equal(body.perYear.reduce((total, y) => total + y.careTrajectories, 0), body.careTrajectories);
  }
});
