// Statistics for policy: figures only, never a person's data; the period is required and validated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, assertProblem, isoDate } from '../support/server.mjs';
import { buildCase } from '../support/route.mjs';

let server;
let tokens;
const PERSON = { name: 'Statistica Persoonlijk', phone: '0316-123456', nationality: 'Statlandse' };
const NARRATIVE = 'STATGEHEIM: in de kelder van de snackbar slapen vier jongens.';
const DEMO_FRAGMENTS = ['twaalf arbeiders', 'identiteitskaart', 'dure kleding', 'wisselende vrouwen', 'Industrieweg', '6902 AA'];

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'beleid']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const period = `from=${isoDate(-30)}&to=${isoDate(0)}`;
const stats = (query, token = tokens.beleid) => api(server.url, 'GET', `/api/v1/statistics?${query}`, { token });

// Every figure is a number; a lead-time median/p90 may be null only when nothing was measured.
function assertFiguresOnly(body) {
  assert.equal(body.from, isoDate(-30));
  assert.equal(body.to, isoDate(0));
  for (const key of ['signals', 'cases', 'careTrajectories', 'closures', 'reopenings']) {
    assert.ok(Number.isInteger(body[key]) && body[key] >= 0, `${key}: ${body[key]}`);
  }
  for (const key of ['byForm', 'byChannel', 'byOutcome', 'byDepartment', 'byPartner', 'byUrgency', 'overdue.byReason']) {
    const object = key.split('.').reduce((node, part) => node[part], body);
    assert.equal(typeof object, 'object', key);
    for (const [name, value] of Object.entries(object)) {
      assert.ok(Number.isInteger(value) && value >= 0, `${key}.${name}: ${value}`);
      assert.match(name, /^[a-z-]+$/, `${key} is keyed by codes`);
    }
  }
  assert.equal(typeof body.leadTimes, 'object');
  for (const [name, lead] of Object.entries(body.leadTimes)) {
    assert.ok(Number.isInteger(lead.count), `leadTimes.${name}.count`);
    for (const field of ['median', 'p90']) {
      if (lead.count === 0) assert.ok(lead[field] === null || typeof lead[field] === 'number');
      else assert.equal(typeof lead[field], 'number', `leadTimes.${name}.${field}`);
    }
  }
  const allowed = new Set(['from', 'to', 'signals', 'cases', 'careTrajectories', 'byForm', 'byChannel', 'byOutcome', 'leadTimes',
    'referrals', 'closures', 'reopenings', 'byDepartment', 'byPartner', 'byUrgency', 'perYear', 'perMonth', 'overdue']);
  assert.deepEqual(Object.keys(body).filter((key) => !allowed.has(key)), [], 'no other fields');
}

test('statistics count the demo data and a completed route, with figures only', async () => {
  const { url } = server;
  const before = await stats(period);
  assert.equal(before.status, 200);
  assertFiguresOnly(before.body);
  assert.ok(before.body.signals >= 4, 'the demo signals count');
  assert.ok(before.body.cases >= 1, 'the demo case counts');
  const channelTotal = Object.values(before.body.byChannel).reduce((a, b) => a + b, 0);
  assert.equal(channelTotal, before.body.signals, 'byChannel counts signals');

  // A route closed with zorgtraject counts as a care trajectory.
  const filed = await api(url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: { channel: 'persoonlijk', narrative: NARRATIVE, indicatorCodes: ['SEK-01', 'ALG-01'],
      persons: [{ role: 'slachtoffer', ...PERSON, birthYear: 2001 }] },
  });
  assert.equal(filed.status, 201);
  await buildCase(url, tokens.af, [filed.body.id], 'afgesloten');
  const after = await stats(period);
  assert.equal(after.status, 200);
  assertFiguresOnly(after.body);
  assert.equal(after.body.signals, before.body.signals + 1);
  assert.equal(after.body.cases, before.body.cases + 1);
  assert.equal(after.body.careTrajectories, before.body.careTrajectories + 1);
  assert.equal(after.body.byChannel.persoonlijk ?? 0, (before.body.byChannel.persoonlijk ?? 0) + 1);
  assert.equal(after.body.byOutcome.zorgtraject ?? 0, (before.body.byOutcome.zorgtraject ?? 0) + 1);
  assert.equal(after.body.byForm.arbeid ?? 0, (before.body.byForm.arbeid ?? 0) + 1, 'byForm counts the assessed forms');

  const text = JSON.stringify(after.body);
  for (const value of [...Object.values(PERSON), NARRATIVE, 'STATGEHEIM', ...DEMO_FRAGMENTS, 'melder', 'af"']) {
    assert.ok(!text.includes(value), `statistics contain "${value}"`);
  }

  // The aandachtfunctionaris sees the same figures.
  const officer = await stats(period, tokens.af);
  assert.equal(officer.status, 200);
  assert.equal(officer.body.signals, after.body.signals);
});

test('a period without activity counts zero', async () => {
  const response = await stats('from=2001-01-01&to=2001-12-31');
  assert.equal(response.status, 200);
  assert.equal(response.body.signals, 0);
  assert.equal(response.body.cases, 0);
  assert.equal(response.body.careTrajectories, 0);
  assert.deepEqual(response.body.byChannel, {});
});

test('missing or invalid from/to → 400 naming the parameter', async () => {
  const cases = [
    [`to=${isoDate(0)}`, 'from'],
    ['', 'from'],
    [`from=${isoDate(-1)}`, 'to'],
    [`from=gisteren&to=${isoDate(0)}`, 'from'],
    [`from=2024-02-30&to=${isoDate(0)}`, 'from'],
    [`from=01-01-2024&to=${isoDate(0)}`, 'from'],
    [`from=${isoDate(0)}&to=2024-13-01`, 'to'],
    ['from=2024-12-31&to=2024-01-01', 'to'],
  ];
  for (const [query, name] of cases) {
    const problem = assertProblem(await stats(query), 400, `?${query}`);
    assert.ok(problem.invalidParams.some((p) => p.name === name), `?${query}: ${JSON.stringify(problem.invalidParams)}`);
  }
});
