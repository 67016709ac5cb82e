// The meldroute end to end, as each role would walk it over the API (seed Bijlage 1, steps 1-6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, isoDate, assertProblem } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

let server;
let tokens;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'melder2', 'af']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const LEVELS = ['geen', 'zwak', 'aanwezig', 'sterk'];

test('a signal travels the whole route and the reporter sees the outcome', async () => {
  const { url } = server;
  const narrative = 'Route-test: een vrouw werkt in een nagelstudio en woont boven de zaak; haar paspoort ligt bij de baas.';
  const filed = await api(url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: {
      channel: 'persoonlijk', narrative, indicatorCodes: ['ALG-01', 'ARB-02', 'SEK-01'], observedOn: isoDate(-1),
      location: { street: 'Kerkstraat', houseNumber: '3', postcode: '6901 AB', city: 'Zevenaar' },
      persons: [{ role: 'slachtoffer', name: 'Route Testpersoon', birthYear: 1999, nationality: 'onbekend' }],
    },
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.equal(filed.body.status, 'gemeld');
  assert.equal(typeof filed.body.id, 'string');
  const signalId = filed.body.id;

  // The reporter sees it as "gemeld"; the other reporter does not see it at all.
  const own = await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.melder });
  assert.equal(own.status, 200);
  assert.equal(own.body.status, 'gemeld');
  assert.equal(own.body.narrative, narrative);

  // Step 2: the aandachtfunctionaris finds it in the inbox.
  const inbox = await api(url, 'GET', '/api/v1/signals?status=gemeld', { token: tokens.af });
  assert.equal(inbox.status, 200);
  assert.ok(Array.isArray(inbox.body));
  assert.ok(inbox.body.some((s) => s.id === signalId), 'new signal in the gemeld inbox');
  assert.ok(inbox.body.every((s) => s.status === 'gemeld'), 'the filter only returns gemeld signals');
  // A list holds summaries: what a signal is and where it stands, no personal data of the people it is about.
  // The whole signal is read one at a time, and that read is audited by signal.
  const summary = inbox.body.find((s) => s.id === signalId);
  assert.deepEqual(Object.keys(summary).sort(), ['caseId', 'catalogVersion', 'channel', 'createdAt', 'destroyedAt',
    'id', 'indicatorCodes', 'observedOn', 'reporter', 'status']);
  assert.deepEqual(summary.indicatorCodes, own.body.indicatorCodes);
  assert.equal(summary.reporter, 'melder');
  assert.ok(!JSON.stringify(inbox.body).includes(narrative), 'no narrative in the list');
  assert.ok(!JSON.stringify(inbox.body).includes('Route Testpersoon'), 'no person in the list');

  // Step 3: record and enrich.
  const recorded = await api(url, 'POST', '/api/v1/cases', { token: tokens.af, body: { signalIds: [signalId] } });
  assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
  assert.equal(recorded.body.status, 'vastgelegd');
  const caseId = recorded.body.id;
  assert.equal(typeof caseId, 'string');

  const afterRecord = await api(url, 'GET', '/api/v1/signals?status=gemeld', { token: tokens.af });
  assert.ok(!afterRecord.body.some((s) => s.id === signalId), 'a recorded signal leaves the gemeld inbox');

  const enriched = await api(url, 'POST', `/api/v1/cases/${caseId}/enrichments`, {
    token: tokens.af, body: { source: 'brp', purpose: 'Inschrijving op het adres nagaan', content: 'Niet ingeschreven.' },
  });
  assert.equal(enriched.status, 201, JSON.stringify(enriched.body));

  // Step 4: weigh and refer.
  const weighed = await api(url, 'POST', `/api/v1/cases/${caseId}/assessments`, {
    token: tokens.af, body: { urgency: 'acuut', forms: ['seksueel', 'arbeid'], rationale: 'Paspoort ingehouden, woont op het werk.' },
  });
  assert.equal(weighed.status, 201, JSON.stringify(weighed.body));

  const feedbackDue = isoDate(7);
  const referred = await api(url, 'POST', `/api/v1/cases/${caseId}/referrals`, {
    token: tokens.af, body: { partner: 'moviera', forum: 'casusoverleg-mensenhandel', feedbackDue, note: 'Graag contact.' },
  });
  assert.equal(referred.status, 201, JSON.stringify(referred.body));
  const referralId = referred.body.id;
  assert.equal(typeof referralId, 'string');

  // Step 5: partner feedback.
  const partnerFeedback = await api(url, 'POST', `/api/v1/referrals/${referralId}/feedback`, {
    token: tokens.af, body: { summary: 'Moviera heeft de vrouw gesproken en opvang geregeld.' },
  });
  assert.equal(partnerFeedback.status, 201, JSON.stringify(partnerFeedback.body));

  // Step 6: tell the reporter, then close.
  const message = 'Dank voor uw melding. Er is hulp ingezet voor de betrokkene.';
  const told = await api(url, 'POST', `/api/v1/cases/${caseId}/reporter-feedback`, { token: tokens.af, body: { message } });
  assert.equal(told.status, 201, JSON.stringify(told.body));

  const closed = await api(url, 'POST', `/api/v1/cases/${caseId}/closure`, {
    token: tokens.af, body: { outcome: 'zorgtraject', note: 'Zorgtraject gestart.' },
  });
  assert.equal(closed.status, 201, JSON.stringify(closed.body));

  // The case file.
  const file = await api(url, 'GET', `/api/v1/cases/${caseId}`, { token: tokens.af });
  assert.equal(file.status, 200);
  const view = file.body;
  assert.equal(view.id, caseId);
  assert.equal(view.status, 'afgesloten');
  assert.equal(view.urgency, 'acuut');
  assert.deepEqual([...view.forms].sort(), ['arbeid', 'seksueel']);
  assert.deepEqual(view.signals.map((s) => s.id), [signalId]);
  assert.equal(view.signals[0].narrative, narrative);
  assert.equal(view.referrals.length, 1);
  assert.equal(view.referrals[0].id, referralId);
  assert.equal(view.referrals[0].partner, 'moviera');
  assert.equal(view.referrals[0].feedbackDue, feedbackDue);
  assert.equal(view.referrals[0].feedback.length, 1);
  assert.ok(Array.isArray(view.timeline));
  assert.ok(view.timeline.length >= 7, `timeline has every step: ${JSON.stringify(view.timeline)}`);
  for (const entry of view.timeline) {
    assert.match(entry.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    assert.equal(entry.actor, 'af');
    assert.equal(typeof entry.action, 'string');
  }
  const actions = view.timeline.map((entry) => entry.action);
  for (const action of ['enrich', 'assess', 'refer', 'partner-feedback', 'reporter-feedback', 'close']) {
    assert.ok(actions.includes(action), `timeline has ${action}: ${actions}`);
  }
  assert.deepEqual(view.allowedActions, ['reopen'], 'a closed case can only be reopened');

  assert.ok(view.indication && Array.isArray(view.indication.forms));
  const forms = Object.fromEntries(view.indication.forms.map((f) => [f.form, f]));
  for (const form of ['seksueel', 'arbeid', 'crimineel']) {
    assert.ok(forms[form], `indication has form ${form}`);
    assert.ok(LEVELS.includes(forms[form].level), `level of ${form}: ${forms[form].level}`);
    assert.equal(typeof forms[form].score, 'number');
    assert.ok(Array.isArray(forms[form].indicators));
    assert.equal(typeof forms[form].explanation, 'string');
  }
  assert.ok(forms.arbeid.indicators.includes('ARB-02'), 'ticked ARB-02 counts for arbeid');
  assert.ok(forms.seksueel.indicators.includes('SEK-01'), 'ticked SEK-01 counts for seksueel');
  assert.ok(!forms.crimineel.indicators.some((code) => code.startsWith('CRI-')), 'no criminal indicators were ticked');
  assert.ok(['geen', 'zwak'].includes(forms.crimineel.level), 'general signals alone never exceed zwak');
  assert.notEqual(forms.arbeid.level, 'geen');

  const indication = await api(url, 'GET', `/api/v1/cases/${caseId}/indication`, { token: tokens.af });
  assert.equal(indication.status, 200);
  assert.deepEqual(indication.body.forms, view.indication.forms);

  // The reporter sees the outcome and the feedback.
  const seen = await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.melder });
  assert.equal(seen.status, 200);
  assert.equal(seen.body.status, 'afgesloten');
  assert.ok(Array.isArray(seen.body.feedback));
  assert.equal(seen.body.feedback.length, 1);
  assert.equal(seen.body.feedback[0].message, message);
  assert.match(seen.body.feedback[0].at, /^\d{4}-\d{2}-\d{2}T/);

  const ownList = await api(url, 'GET', '/api/v1/signals', { token: tokens.melder });
  const listed = ownList.body.find((s) => s.id === signalId);
  assert.ok(listed, 'own signal in own list');
  assert.equal(listed.status, 'afgesloten');

  // melder2 neither reads nor lists it.
  assertProblem(await api(url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.melder2 }), 404, 'melder2 reads');
  const otherList = await api(url, 'GET', '/api/v1/signals', { token: tokens.melder2 });
  assert.equal(otherList.status, 200);
  assert.ok(!otherList.body.some((s) => s.id === signalId), 'melder2 does not list it');
  assert.ok(otherList.body.every((s) => s.reporter === 'melder2'), 'melder2 lists only its own signals');
  assert.ok(ownList.body.every((s) => s.reporter === 'melder'), 'melder lists only its own signals');
});

// The inbox a page at a time: `limit` and the `Link: <…>; rel="next"` header reach every signal once, newest
// first, with only a position in the URL; bad values are refused and the default page is 100.
test('the inbox is paged: following rel="next" reaches every signal once, newest first', async () => {
  const { url } = server;
  for (let number = 0; number < 5; number += 1) await fileSignal(url, tokens.melder2);
  const everything = await api(url, 'GET', '/api/v1/signals?status=gemeld&limit=500', { token: tokens.af });
  assert.equal(everything.status, 200);
  assert.ok(everything.body.length >= 5);
  assert.equal(everything.headers.get('link'), null, 'one page holds them all: no next');
  const expected = everything.body.map((s) => s.id);

  const seen = [];
  let next = '/api/v1/signals?status=gemeld&limit=2';
  let pages = 0;
  while (next) {
    const page = await api(url, 'GET', next, { token: tokens.af });
    assert.equal(page.status, 200);
    assert.ok(page.body.length <= 2);
    seen.push(...page.body.map((s) => s.id));
    pages += 1;
    const link = page.headers.get('link');
    if (link === null) break;
    const match = link.match(/^<(\/api\/v1\/signals\?status=gemeld&limit=2&before=[0-9]+)>; rel="next"$/);
    assert.ok(match, `a next link with only the filter, the size and a position: ${link}`);
    next = match[1];
  }
  assert.deepEqual(seen, expected, 'page by page: each signal once, in the same order');
  assert.equal(pages, Math.ceil(expected.length / 2), 'no empty page at the end');

  // The melder's own list pages the same way.
  const own = await api(url, 'GET', '/api/v1/signals?limit=1', { token: tokens.melder2 });
  assert.equal(own.body.length, 1);
  assert.match(own.headers.get('link'), /^<\/api\/v1\/signals\?limit=1&before=[0-9]+>; rel="next"$/);

  for (const [query, name] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=tien', 'limit'], ['limit=', 'limit'],
    ['limit=-1', 'limit'], ['before=abc', 'before'], ['before=0', 'before'], ['before=1e3', 'before'],
    ['before=%2012', 'before'], ['status=gemeld&before=99999999999999999999', 'before']]) {
    const refused = assertProblem(await api(url, 'GET', `/api/v1/signals?${query}`, { token: tokens.af }), 400, query);
    assert.deepEqual(refused.invalidParams.map((p) => p.name), [name], query);
  }
});

test('the default page is 100 signals, the rest behind rel="next"', async () => {
  const { url } = server;
  const before = await api(url, 'GET', '/api/v1/signals?status=gemeld&limit=500', { token: tokens.af });
  for (let number = before.body.length; number < 101; number += 1) await fileSignal(url, tokens.melder2);
  const first = await api(url, 'GET', '/api/v1/signals?status=gemeld', { token: tokens.af });
  assert.equal(first.body.length, 100);
  const link = first.headers.get('link');
  assert.match(link, /^<\/api\/v1\/signals\?status=gemeld&limit=100&before=[0-9]+>; rel="next"$/);
  const rest = await api(url, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.af });
  assert.ok(rest.body.length >= 1);
  assert.ok(!rest.body.some((s) => first.body.some((f) => f.id === s.id)), 'no signal on two pages');
});
