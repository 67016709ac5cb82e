// The route table walked over HTTP: in every reachable case state, every step is tried on a fresh case;
// exactly the allowed ones succeed (201), every other one is refused with 409 and changes nothing.
// "Allowed" comes from the case's own allowedActions AND from the table below, which mirrors the brief:
// states run vastgelegd → verrijkt → gewogen → doorgezet → teruggekoppeld → afgesloten; steps that add
// information (link a signal, enrich, weigh, refer, partner feedback) stay open in later open states
// without moving the state back; the reporter is told only after referral and only if reachable; a case
// closes after the reporter was told, or — when no signal has a reachable reporter (anonymous) — from
// gewogen on. A closed case can only be reopened (heropenen), which sends it back to vastgelegd.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, apiFrom, assertProblem } from '../support/server.mjs';
import { CASE_STATES, buildCase, fileSignal, getCase, runStep } from '../support/route.mjs';

const ACTIONS = ['link-signal', 'enrich', 'assess', 'refer', 'partner-feedback', 'reporter-feedback', 'close', 'reopen'];
const ADDING = ['link-signal', 'enrich', 'assess', 'refer'];

const EXPECTED = {
  vastgelegd: ['link-signal', 'enrich'],
  verrijkt: ['link-signal', 'enrich', 'assess'],
  gewogen: ADDING,
  doorgezet: [...ADDING, 'partner-feedback', 'reporter-feedback'],
  teruggekoppeld: [...ADDING, 'partner-feedback', 'reporter-feedback', 'close'],
  afgesloten: ['reopen'],
};
// A case whose only signals are anonymous: nobody to tell, so closing is open from gewogen on.
const EXPECTED_ANONYMOUS = {
  vastgelegd: ['link-signal', 'enrich'],
  verrijkt: ['link-signal', 'enrich', 'assess'],
  gewogen: [...ADDING, 'close'],
  doorgezet: [...ADDING, 'partner-feedback', 'close'],
  afgesloten: ['reopen'],
};
// Where a successful step leaves the case.
function nextState(state, action) {
  if (action === 'close') return 'afgesloten';
  if (action === 'reopen') return 'vastgelegd';
  const forward = { 'vastgelegd:enrich': 'verrijkt', 'verrijkt:assess': 'gewogen', 'gewogen:refer': 'doorgezet',
    'doorgezet:reporter-feedback': 'teruggekoppeld' };
  return forward[`${state}:${action}`] ?? state;
}

let server;
let tokens;
let anonymousCounter = 0;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

// Anonymous signals are limited per client address; each comes from its own loopback address.
async function fileAnonymous(narrative = 'Anoniem: steeds andere vrouwen in de woning naast mij.') {
  anonymousCounter += 1;
  const address = `127.0.${Math.floor(anonymousCounter / 200) + 1}.${(anonymousCounter % 200) + 20}`;
  const response = await apiFrom(server.url, address, 'POST', '/api/v1/anonymous-signals', { body: { narrative } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  assert.equal(response.body.status, 'gemeld');
  return response.body.id;
}

const sorted = (list) => [...list].sort();

async function walk(state, expected, anonymousOnly) {
  const { url } = server;
  for (const action of ACTIONS) {
    const signalId = anonymousOnly ? await fileAnonymous() : (await fileSignal(url, tokens.melder)).id;
    const ids = await buildCase(url, tokens.af, [signalId], state, { anonymousOnly });
    ids.freeSignalId = anonymousOnly ? await fileAnonymous() : (await fileSignal(url, tokens.melder)).id;
    const before = await getCase(url, tokens.af, ids.caseId);
    assert.equal(before.status, state, 'case reached the state under test');
    assert.deepEqual(sorted(before.allowedActions), sorted(expected[state]),
      `allowedActions in ${state}${anonymousOnly ? ' (anonymous only)' : ''}`);
    const allowed = expected[state].includes(action) && before.allowedActions.includes(action);

    if (action === 'partner-feedback' && !ids.referralId) {
      // No referral can exist before doorgezet, so there is nothing to address the step to.
      assert.equal(allowed, false, `partner-feedback cannot be allowed in ${state}`);
      continue;
    }
    const response = await runStep(url, tokens.af, action, ids);
    const label = `${action} in ${state}${anonymousOnly ? ' (anonymous only)' : ''}`;
    const after = await getCase(url, tokens.af, ids.caseId);
    if (allowed) {
      assert.equal(response.status, 201, `${label}: ${JSON.stringify(response.body)}`);
      assert.equal(after.status, nextState(state, action), `state after ${label}`);
      assert.equal(after.timeline.length, before.timeline.length + 1, `${label} adds one timeline entry`);
    } else {
      assertProblem(response, 409, label);
      assert.equal(after.status, state, `${label} leaves the state`);
      assert.equal(after.timeline.length, before.timeline.length, `${label} adds no timeline entry`);
      assert.deepEqual(after.signals.map((s) => s.id), before.signals.map((s) => s.id), `${label} links nothing`);
      assert.equal(after.referrals.length, before.referrals.length, `${label} refers nothing`);
      assert.equal(after.enrichments.length, before.enrichments.length, `${label} enriches nothing`);
      assert.equal(after.assessments.length, before.assessments.length, `${label} weighs nothing`);
      assert.equal(after.reporterFeedback.length, before.reporterFeedback.length, `${label} tells nobody`);
      assert.equal(after.outcome, before.outcome, `${label} does not close`);
      assert.equal(after.reopenCount, before.reopenCount, `${label} does not reopen`);
      if (action === 'link-signal') {
        const free = await api(url, 'GET', `/api/v1/signals/${ids.freeSignalId}`, { token: tokens.af });
        assert.equal(free.body.status, 'gemeld', 'the signal offered for linking stays unlinked');
        assert.equal(free.body.caseId, null);
      }
      if (action === 'partner-feedback') {
        assert.deepEqual(after.referrals.map((r) => r.feedback.length), before.referrals.map((r) => r.feedback.length));
      }
    }
  }
}

for (const state of CASE_STATES) {
  test(`route table over HTTP: every step from ${state}`, async () => {
    await walk(state, EXPECTED, false);
  });
}

for (const state of Object.keys(EXPECTED_ANONYMOUS)) {
  test(`route table over HTTP: every step from ${state} when the only signal is anonymous`, async () => {
    await walk(state, EXPECTED_ANONYMOUS, true);
  });
}

test('anonymous signals carry channel anoniem and no reporter', async () => {
  const id = await fileAnonymous('Anoniem: een busje haalt elke ochtend om vijf uur mensen op.');
  const read = await api(server.url, 'GET', `/api/v1/signals/${id}`, { token: tokens.af });
  assert.equal(read.status, 200);
  assert.equal(read.body.channel, 'anoniem');
  assert.equal(read.body.reporter, null);
});

test('closing from gewogen: allowed for an anonymous-only case, refused (409) for a normal one', async () => {
  const { url } = server;
  const anonymous = await buildCase(url, tokens.af, [await fileAnonymous()], 'gewogen', { anonymousOnly: true });
  const closedAnonymous = await runStep(url, tokens.af, 'close', anonymous);
  assert.equal(closedAnonymous.status, 201, JSON.stringify(closedAnonymous.body));
  assert.equal((await getCase(url, tokens.af, anonymous.caseId)).status, 'afgesloten');

  const normal = await buildCase(url, tokens.af, [(await fileSignal(url, tokens.melder)).id], 'gewogen');
  assertProblem(await runStep(url, tokens.af, 'close', normal), 409, 'close a normal case from gewogen');
  assert.equal((await getCase(url, tokens.af, normal.caseId)).status, 'gewogen');

  // One reachable reporter among anonymous signals is enough to require telling them first.
  const mixed = await buildCase(url, tokens.af, [await fileAnonymous(), (await fileSignal(url, tokens.melder)).id], 'doorgezet');
  assertProblem(await runStep(url, tokens.af, 'close', mixed), 409, 'close a mixed case from doorgezet');
  const mixedCase = await getCase(url, tokens.af, mixed.caseId);
  assert.ok(!mixedCase.allowedActions.includes('close'));
  assert.ok(mixedCase.allowedActions.includes('reporter-feedback'));
});

test('the anonymous form refuses a sixth signal from one address within the window (429), storing nothing', async () => {
  const { url } = server;
  const address = '127.0.9.9';
  // The whole inbox, on one page of at most 500.
  const before = (await api(url, 'GET', '/api/v1/signals?limit=500', { token: tokens.af })).body.length;
  for (let index = 0; index < 5; index += 1) {
    const ok = await apiFrom(url, address, 'POST', '/api/v1/anonymous-signals', { body: { narrative: `Anoniem ${index}` } });
    assert.equal(ok.status, 201);
  }
  assertProblem(await apiFrom(url, address, 'POST', '/api/v1/anonymous-signals', { body: { narrative: 'Anoniem 6' } }), 429);
  const after = (await api(url, 'GET', '/api/v1/signals?limit=500', { token: tokens.af })).body.length;
  assert.equal(after, before + 5);
});
