// Bad input is refused with a precise problem and changes nothing (checked by listing afterwards).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, apiFrom, assertProblem, isoDate, postExpectContinue } from '../support/server.mjs';
import { buildCase, fileSignal, getCase, signalBody } from '../support/route.mjs';

let server;
let tokens;
let addressCounter = 0;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'auditor', 'beleid']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const names = (problem) => (problem.invalidParams ?? []).map((p) => p.name);

async function snapshot() {
  const { url } = server;
  const own = await api(url, 'GET', '/api/v1/signals', { token: tokens.melder });
  const all = await api(url, 'GET', '/api/v1/signals', { token: tokens.af });
  const cases = await api(url, 'GET', '/api/v1/cases', { token: tokens.af });
  assert.equal(own.status, 200);
  assert.equal(all.status, 200);
  assert.equal(cases.status, 200);
  return {
    own: own.body.map((s) => s.id).sort(),
    all: all.body.map((s) => `${s.id}:${s.status}:${s.caseId}`).sort(),
    cases: cases.body.map((c) => `${c.id}:${c.status}:${c.signalCount}`).sort(),
  };
}

// Posts `body` (object or raw string) as the melder; expects 400 naming `param` (or, with exact, only those).
async function refusedSignal(body, expectedNames, { status = 400 } = {}) {
  const options = typeof body === 'string' ? { rawBody: body } : { body };
  const response = await api(server.url, 'POST', '/api/v1/signals', { token: tokens.melder, ...options });
  const problem = assertProblem(response, status, `POST /signals ${JSON.stringify(body).slice(0, 120)}`);
  for (const name of expectedNames) {
    assert.ok(names(problem).includes(name), `invalidParams names ${name}: ${JSON.stringify(problem.invalidParams)}`);
  }
  for (const param of problem.invalidParams ?? []) {
    assert.equal(typeof param.reason, 'string');
    assert.ok(param.reason.length > 0);
  }
  return problem;
}

test('bad signal bodies: 400 naming the field, nothing stored', async () => {
  const before = await snapshot();
  await refusedSignal('{"channel": "formulier", "narrative": ', ['body']);
  await refusedSignal('', ['body']);
  await refusedSignal('[1, 2]', ['body']);
  await refusedSignal('"just a string"', ['body']);
  await refusedSignal(signalBody({ colour: 'rood' }), ['colour']);
  await refusedSignal(signalBody({ location: { street: 'Markt', floor: 2 } }), ['location.floor']);
  await refusedSignal(signalBody({ persons: [{ role: 'overig', age: 40 }] }), ['persons[0].age']);
  await refusedSignal(signalBody({ narrative: 5 }), ['narrative']);
  await refusedSignal(signalBody({ indicatorCodes: 'ALG-01' }), ['indicatorCodes']);
  await refusedSignal(signalBody({ indicatorCodes: ['ALG-01', 7] }), ['indicatorCodes[1]']);
  await refusedSignal(signalBody({ persons: [{ role: 'slachtoffer', birthYear: 'x' }] }), ['persons[0].birthYear']);
  await refusedSignal(signalBody({ persons: [{ role: 'slachtoffer' }, { role: 'verdachte', birthYear: 1.5 }] }),
    ['persons[1].birthYear']);
  await refusedSignal(signalBody({ persons: [{ role: 'baas' }] }), ['persons[0].role']);
  await refusedSignal(signalBody({ persons: 'Jan' }), ['persons']);
  await refusedSignal(signalBody({ location: 'Zevenaar' }), ['location']);
  await refusedSignal(signalBody({ location: { postcode: 'ABCD 12' } }), ['location.postcode']);
  await refusedSignal(signalBody({ indicatorCodes: ['ALG-01', 'XYZ-99'] }), ['indicatorCodes[1]']);
  await refusedSignal(signalBody({ indicatorCodes: ['ALG-15'] }), ['indicatorCodes[0]']);
  await refusedSignal(signalBody({ indicatorCodes: ['alg-01'] }), ['indicatorCodes[0]']);
  await refusedSignal(signalBody({ narrative: '' }), ['narrative']);
  await refusedSignal(signalBody({ narrative: '   \n\t ' }), ['narrative']);
  await refusedSignal(signalBody({ narrative: 'x'.repeat(20001) }), ['narrative']);
  const { narrative, ...withoutNarrative } = signalBody();
  await refusedSignal(withoutNarrative, ['narrative']);
  await refusedSignal(signalBody({ channel: 'fax' }), ['channel']);
  await refusedSignal(signalBody({ channel: 'anoniem' }), ['channel']);
  await refusedSignal(signalBody({ observedOn: '2024-13-45' }), ['observedOn']);
  await refusedSignal(signalBody({ observedOn: '15-04-2024' }), ['observedOn']);
  await refusedSignal(signalBody({ observedOn: isoDate(30) }), ['observedOn']);
  // Several problems are reported at once.
  const many = await refusedSignal(signalBody({ channel: 'fax', narrative: '', indicatorCodes: ['NOPE'] }),
    ['channel', 'narrative', 'indicatorCodes[0]']);
  assert.ok(many.invalidParams.length >= 3);
  assert.deepEqual(await snapshot(), before, 'no refused signal was stored');
});

test('a body over 1 MiB gets 413 problem+json and stores nothing; a body just under is read', async () => {
  const before = await snapshot();
  const big = JSON.stringify(signalBody({ narrative: 'x'.repeat(1024 * 1024 + 10) }));
  assertProblem(await postExpectContinue(server.url, '/api/v1/signals', big, { token: tokens.melder }), 413, 'big signal');
  const bigCase = JSON.stringify({ signalIds: Array.from({ length: 40000 }, () => 'abcdefghijklmnopqrstuvwxyz') });
  assertProblem(await postExpectContinue(server.url, '/api/v1/cases', bigCase, { token: tokens.af }), 413, 'big case');
  const bigAnonymous = JSON.stringify({ narrative: 'y'.repeat(1024 * 1024 + 1) });
  assertProblem(await postExpectContinue(server.url, '/api/v1/anonymous-signals', bigAnonymous), 413, 'big anonymous');
  // Exactly 1 MiB is within the limit: the body is read and refused for its content (narrative too long).
  const skeleton = JSON.stringify(signalBody({ narrative: '' }));
  const exact = JSON.stringify(signalBody({ narrative: 'z'.repeat(1024 * 1024 - skeleton.length) }));
  assert.equal(Buffer.byteLength(exact), 1024 * 1024);
  const problem = assertProblem(await postExpectContinue(server.url, '/api/v1/signals', exact, { token: tokens.melder }), 400);
  assert.ok(names(problem).includes('narrative'));
  // The server keeps serving afterwards.
  assert.equal((await api(server.url, 'GET', '/health/live')).status, 200);
  assert.deepEqual(await snapshot(), before);
});

test('the anonymous form validates too (and takes no reporter-only fields)', async () => {
  const before = await snapshot();
  const post = (body) => {
    addressCounter += 1;
    return apiFrom(server.url, `127.0.5.${addressCounter + 10}`, 'POST', '/api/v1/anonymous-signals', { body });
  };
  assert.ok(names(assertProblem(await post({ narrative: '' }), 400)).includes('narrative'));
  assert.ok(names(assertProblem(await post({ narrative: 'Iets gezien', indicatorCodes: ['NOPE'] }), 400))
    .includes('indicatorCodes[0]'));
  assert.ok(names(assertProblem(await post({ narrative: 'Iets gezien', channel: 'formulier' }), 400)).includes('channel'));
  assert.ok(names(assertProblem(await post({ narrative: 'Iets gezien', reporter: 'melder' }), 400)).includes('reporter'));
  assert.deepEqual(await snapshot(), before);
});

test('the routes without sign-in take JSON only: another content type gets 415 and changes nothing', async () => {
  const before = await snapshot();
  const narrative = JSON.stringify({ narrative: 'Via een ander formulier gestuurd.' });
  const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined];
  for (const type of types) {
    addressCounter += 1;
    const headers = type ? { 'content-type': type } : {};
    const response = await fetch(`${server.url}/api/v1/anonymous-signals`,
                                 { method: 'POST', headers, body: narrative });
    const problem = await response.json();
    assert.equal(response.status, 415, `anonymous signal as ${type}`);
    assert.match(problem.detail, /application\/json/);
    const signIn = await fetch(`${server.url}/api/v1/sessions`, {
      method: 'POST', headers, body: JSON.stringify({ username: 'melder', password: 'demo-password' }),
    });
    assert.equal(signIn.status, 415, `sign-in as ${type}`);
  }
  const accepted = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    body: JSON.stringify({ username: 'melder', password: 'demo-password' }),
  });
  assert.equal(accepted.status, 201, 'parameters and case do not matter');
  assert.deepEqual(await snapshot(), before);
});

test('bad case-step bodies: 400 naming the field, case unchanged', async () => {
  const { url } = server;
  const ids = await buildCase(url, tokens.af, [(await fileSignal(url, tokens.melder)).id], 'doorgezet');
  const before = await getCase(url, tokens.af, ids.caseId);
  const beforeLists = await snapshot();
  const cases = [
    [`/api/v1/cases/${ids.caseId}/enrichments`, '{"source": "brp",', ['body']],
    [`/api/v1/cases/${ids.caseId}/enrichments`, { source: 'telefoonboek', purpose: 'p', content: 'c' }, ['source']],
    [`/api/v1/cases/${ids.caseId}/enrichments`, { source: 'brp', purpose: '', content: 'c' }, ['purpose']],
    [`/api/v1/cases/${ids.caseId}/enrichments`, { source: 'brp', purpose: 'p', content: 'c', extra: true }, ['extra']],
    [`/api/v1/cases/${ids.caseId}/enrichments`, { source: 'brp', purpose: 'p' }, ['content']],
    [`/api/v1/cases/${ids.caseId}/assessments`, { urgency: 'morgen', forms: ['arbeid'], rationale: 'r' }, ['urgency']],
    [`/api/v1/cases/${ids.caseId}/assessments`, { urgency: 'hoog', forms: ['arbeid', 'sport'], rationale: 'r' }, ['forms[1]']],
    [`/api/v1/cases/${ids.caseId}/assessments`, { urgency: 'hoog', forms: [], rationale: 'r' }, ['forms']],
    [`/api/v1/cases/${ids.caseId}/assessments`, { urgency: 'hoog', forms: 'arbeid', rationale: 'r' }, ['forms']],
    [`/api/v1/cases/${ids.caseId}/assessments`, { urgency: 'hoog', forms: ['arbeid'], rationale: ' ' }, ['rationale']],
    [`/api/v1/cases/${ids.caseId}/referrals`, { partner: 'buurman', feedbackDue: isoDate(5) }, ['partner']],
    [`/api/v1/cases/${ids.caseId}/referrals`, { partner: 'moviera', forum: 'kroeg', feedbackDue: isoDate(5) }, ['forum']],
    [`/api/v1/cases/${ids.caseId}/referrals`, { partner: 'moviera', feedbackDue: isoDate(-5) }, ['feedbackDue']],
    [`/api/v1/cases/${ids.caseId}/referrals`, { partner: 'moviera', feedbackDue: 'volgende week' }, ['feedbackDue']],
    [`/api/v1/cases/${ids.caseId}/referrals`, { partner: 'moviera', feedbackDue: 20250101 }, ['feedbackDue']],
    [`/api/v1/referrals/${ids.referralId}/feedback`, { summary: '' }, ['summary']],
    [`/api/v1/referrals/${ids.referralId}/feedback`, { summary: 'ok', by: 'x' }, ['by']],
    [`/api/v1/cases/${ids.caseId}/reporter-feedback`, { message: '' }, ['message']],
    [`/api/v1/cases/${ids.caseId}/reporter-feedback`, { message: 42 }, ['message']],
    [`/api/v1/cases/${ids.caseId}/closure`, { outcome: 'opgelost' }, ['outcome']],
    [`/api/v1/cases/${ids.caseId}/reopenings`, {}, ['reason']],
    [`/api/v1/cases/${ids.caseId}/reopenings`, { reason: ' ' }, ['reason']],
    [`/api/v1/cases/${ids.caseId}/reopenings`, { reason: 'r'.repeat(1001) }, ['reason']],
    [`/api/v1/cases/${ids.caseId}/reopenings`, { reason: ['r'] }, ['reason']],
    [`/api/v1/cases/${ids.caseId}/signals`, { signalId: 12 }, ['signalId']],
    [`/api/v1/cases/${ids.caseId}/signals`, {}, ['signalId']],
    ['/api/v1/cases', { signalIds: 'abc' }, ['signalIds']],
    ['/api/v1/cases', {}, ['signalIds']],
    ['/api/v1/cases', '{{', ['body']],
  ];
  for (const [target, body, expected] of cases) {
    const options = typeof body === 'string' ? { rawBody: body } : { body };
    const problem = assertProblem(await api(url, 'POST', target, { token: tokens.af, ...options }), 400,
      `${target} ${JSON.stringify(body)}`);
    for (const name of expected) {
      assert.ok(names(problem).includes(name), `${target}: invalidParams names ${name}: ${JSON.stringify(problem.invalidParams)}`);
    }
  }
  const afterCase = await getCase(url, tokens.af, ids.caseId);
  assert.equal(afterCase.status, before.status);
  assert.deepEqual(afterCase.timeline, before.timeline);
  assert.deepEqual(afterCase.referrals, before.referrals);
  assert.deepEqual(afterCase.enrichments, before.enrichments);
  assert.deepEqual(afterCase.assessments, before.assessments);
  assert.deepEqual(afterCase.reporterFeedback, before.reporterFeedback);
  assert.deepEqual(await snapshot(), beforeLists);
});

test('unknown ids: 404 problem, nothing changed', async () => {
  const { url } = server;
  const before = await snapshot();
  const unknown = '00000000-0000-4000-8000-000000000000';
  const free = (await fileSignal(url, tokens.melder)).id;
  const middle = await snapshot();
  const attempts = [
    ['GET', `/api/v1/cases/${unknown}`, undefined],
    ['GET', `/api/v1/cases/${unknown}/indication`, undefined],
    ['GET', '/api/v1/cases/not-an-id', undefined],
    ['GET', `/api/v1/signals/${unknown}`, undefined],
    ['POST', `/api/v1/cases/${unknown}/enrichments`, { source: 'brp', purpose: 'p', content: 'c' }],
    ['POST', `/api/v1/cases/${unknown}/assessments`, { urgency: 'hoog', forms: ['arbeid'], rationale: 'r' }],
    ['POST', `/api/v1/cases/${unknown}/referrals`, { partner: 'moviera', feedbackDue: isoDate(5) }],
    ['POST', `/api/v1/cases/${unknown}/reporter-feedback`, { message: 'm' }],
    ['POST', `/api/v1/cases/${unknown}/closure`, { outcome: 'zorgtraject' }],
    ['POST', `/api/v1/cases/${unknown}/reopenings`, { reason: 'Nieuwe melding.' }],
    ['POST', `/api/v1/cases/${unknown}/signals`, { signalId: free }],
    ['POST', `/api/v1/referrals/${unknown}/feedback`, { summary: 's' }],
  ];
  for (const [method, target, body] of attempts) {
    assertProblem(await api(url, method, target, { token: tokens.af, body }), 404, `${method} ${target}`);
  }
  assertProblem(await api(url, 'GET', `/api/v1/signals/${unknown}`, { token: tokens.melder }), 404, 'melder, unknown signal');
  assert.ok(before.own.length + 1 === middle.own.length);
  assert.deepEqual(await snapshot(), middle, 'the free signal stayed unlinked, no case was made');
});

test('unknown signalIds in POST /cases: 422 with invalidParams, nothing recorded', async () => {
  const { url } = server;
  const known = (await fileSignal(url, tokens.melder)).id;
  const before = await snapshot();
  const response = await api(url, 'POST', '/api/v1/cases', {
    token: tokens.af, body: { signalIds: [known, '00000000-0000-4000-8000-000000000001'] },
  });
  const problem = assertProblem(response, 422);
  assert.ok(Array.isArray(problem.invalidParams) && problem.invalidParams.length > 0);
  assert.ok(names(problem).includes('signalIds[1]'), JSON.stringify(problem.invalidParams));
  assert.deepEqual(await snapshot(), before, 'the known signal was not taken into a case');
  const signal = await api(url, 'GET', `/api/v1/signals/${known}`, { token: tokens.af });
  assert.equal(signal.body.status, 'gemeld');
  assert.equal(signal.body.caseId, null);
  // Linking an unknown signal to a case is refused the same way.
  const ids = await buildCase(url, tokens.af, [known], 'vastgelegd');
  const beforeLink = await getCase(url, tokens.af, ids.caseId);
  const link = await api(url, 'POST', `/api/v1/cases/${ids.caseId}/signals`,
    { token: tokens.af, body: { signalId: '00000000-0000-4000-8000-000000000002' } });
  assert.ok(names(assertProblem(link, 422)).includes('signalId'));
  assert.deepEqual((await getCase(url, tokens.af, ids.caseId)).timeline, beforeLink.timeline);
});

test('unknown query parameters: 400 naming the parameter', async () => {
  const { url } = server;
  const checks = [
    ['/api/v1/signals?colour=red', tokens.af, 'colour'],
    ['/api/v1/signals?status=gemeld&sort=date', tokens.melder, 'sort'],
    ['/api/v1/signals?status=kwijt', tokens.af, 'status'],
    ['/api/v1/statistics?from=2024-01-01&to=2024-12-31&gemeente=zevenaar', tokens.beleid, 'gemeente'],
    ['/api/v1/audit-events?page=2', tokens.auditor, 'page'],
  ];
  for (const [target, token, name] of checks) {
    const problem = assertProblem(await api(url, 'GET', target, { token }), 400, target);
    assert.ok(names(problem).includes(name), `${target}: ${JSON.stringify(problem.invalidParams)}`);
  }
});

test('trailing slashes and unknown paths: 404 problem+json; wrong method: 405 problem+json', async () => {
  const { url } = server;
  for (const target of ['/api/v1/signals/', '/api/v1/cases/', '/api/v1/indicators/', '/health/live/', '/api/v1/',
    '/api/v1/nothing-here', '/api/v2/signals', '/api/v1/Signals']) {
    assertProblem(await api(url, 'GET', target, { token: tokens.af }), 404, target);
  }
  const before = await snapshot();
  assertProblem(await api(url, 'POST', '/api/v1/signals/', { token: tokens.melder, body: signalBody() }), 404, 'POST with slash');
  assert.deepEqual(await snapshot(), before);
  assertProblem(await api(url, 'PUT', '/api/v1/signals', { token: tokens.melder, body: signalBody() }), 405, 'PUT /signals');
  assertProblem(await api(url, 'DELETE', '/api/v1/indicators', { token: tokens.af }), 405, 'DELETE /indicators');
  assert.deepEqual(await snapshot(), before);
});
