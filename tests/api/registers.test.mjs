// The registers of issue 7 over HTTP: the CSV import is all or nothing with a report per line, beleid sees
// figures without names, every read of names and every change is audited, officers and the action plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, isoDate, signInAll, startServer } from '../support/server.mjs';

const HEADER = 'medewerker-id;naam;afdeling;doelgroep;voltooid-op';
const CSV_HEADERS = { 'content-type': 'text/csv; charset=utf-8' };

let demo;
let tokens;

before(async () => {
  demo = await startServer({ demo: true });
  tokens = await signInAll(demo.url, ['melder', 'af', 'beleid', 'beheer', 'auditor']);
});

after(async () => {
  await demo?.stop();
  demo?.cleanup();
});

const importCsv = (text, token = tokens.beheer, headers = CSV_HEADERS) =>
  api(demo.url, 'POST', '/api/v1/training-imports', { token, rawBody: text, headers });

async function auditActions() {
  const events = await api(demo.url, 'GET', '/api/v1/audit-events', { token: tokens.auditor });
  assert.equal(events.status, 200);
  return events.body.filter((event) => event.outcome === 'toegestaan').map((event) => event.action);
}

test('a CSV with one bad line imports nothing and names every bad line', async () => {
  const before = (await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer })).body;
  const response = await importCsv([
    HEADER,
    'N1;Nieuwe Medewerker;Balie;publiekszaken;2024-06-12',
    'N2;Tweede;Balie;receptie;2024-06-12',
    'N3;Derde;Balie;toezicht;31-02-2024',
    'N4;Vierde;Balie',
  ].join('\n'));
  const problem = assertProblem(response, 400, 'a file with bad lines');
  assert.deepEqual(problem.invalidParams.map((param) => param.name), ['csv[3]', 'csv[4]', 'csv[5]']);
  assert.match(problem.invalidParams[0].reason, /doelgroep 'receptie'/);
  assert.match(problem.invalidParams[1].reason, /geen datum/);
  assert.match(problem.invalidParams[2].reason, /3 kolommen/);
  assert.match(problem.detail, /niets geïmporteerd/);
  const after = (await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer })).body;
  assert.equal(after.length, before.length, 'not even the good line was stored');
  assert.ok(!after.some((member) => member.employeeNumber === 'N1'));
});

test('a good export (BOM, commas, CRLF, quotes) is imported and counted', async () => {
  const recent = isoDate(-30);
  const dutchDate = `${recent.slice(8, 10)}-${recent.slice(5, 7)}-${recent.slice(0, 4)}`;
  const text = '\uFEFFmedewerker-id,naam,afdeling,doelgroep,voltooid-op\r\n' +
    `N10,"Vries, Nel de",Publiekszaken,publiekszaken,${dutchDate}\r\n` +
    `N11,Otto,Toezicht,toezicht,${isoDate(-3)}\r\n` +
    'N12,Piet,Toezicht,toezicht,\r\n';
  const response = await importCsv(text);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  assert.deepEqual({ ...response.body, id: undefined, at: undefined },
    { id: undefined, at: undefined, rows: 3, staffAdded: 3, staffUpdated: 0, completionsAdded: 2 });
  const staff = (await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer })).body;
  const nel = staff.find((member) => member.employeeNumber === 'N10');
  assert.equal(nel.name, 'Vries, Nel de');
  assert.equal(nel.lastCompletedOn, recent, 'a Dutch date is read as day-month-year');
  const piet = staff.find((member) => member.employeeNumber === 'N12');
  assert.equal(piet.lastCompletedOn, null);
  assert.equal(piet.trainingCurrent, false);
  // Importing the same file again adds nothing.
  const again = await importCsv(text);
  assert.equal(again.status, 201);
  assert.equal(again.body.completionsAdded, 0);
  assert.equal(again.body.staffAdded, 0);
});

test('the import takes text/csv only', async () => {
  const response = await api(demo.url, 'POST', '/api/v1/training-imports',
    { token: tokens.beheer, body: { csv: `${HEADER}\nN20;X;Balie;overig;` } });
  const problem = assertProblem(response, 400, 'a JSON body');
  assert.deepEqual(problem.invalidParams.map((param) => param.name), ['Content-Type']);
});

test('beleid sees coverage in figures, never a name; the beheerder sees who is due for a refresher', async () => {
  const coverage = await api(demo.url, 'GET', '/api/v1/training-coverage', { token: tokens.beleid });
  assert.equal(coverage.status, 200);
  assert.deepEqual(coverage.body.groups.map((group) => group.targetGroup),
    ['publiekszaken', 'toezicht', 'gebiedsteams', 'overig']);
  const text = JSON.stringify(coverage.body);
  for (const name of ['Anna de Vries', 'Cor Smit', 'Nel de', 'beheer']) assert.ok(!text.includes(name), `no "${name}"`);
  const publiek = coverage.body.groups[0];
  assert.equal(publiek.trained + publiek.refresherDue + publiek.neverTrained, publiek.staff);
  assertProblem(await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beleid }), 403);
  const staff = (await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer })).body;
  const due = staff.filter((member) => member.refresherDue).map((member) => member.name);
  assert.deepEqual(due, ['Cor Smit'], 'the demo completion of 800 days ago is due (24 months)');
  // A shorter term makes more people due, and changes the coverage.
  const settings = await api(demo.url, 'PUT', '/api/v1/training-settings',
    { token: tokens.beheer, body: { targets: { publiekszaken: 50 }, refresherMonths: 12 } });
  assert.equal(settings.status, 200);
  const shorter = (await api(demo.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer })).body;
  assert.ok(shorter.filter((member) => member.refresherDue).length > due.length);
  const after = (await api(demo.url, 'GET', '/api/v1/training-coverage', { token: tokens.beleid })).body;
  assert.equal(after.refresherMonths, 12);
  assert.equal(after.groups[0].targetPercent, 50);
  assert.equal(after.groups[1].targetPercent, null, 'a group left out has no target');
  const bad = await api(demo.url, 'PUT', '/api/v1/training-settings',
    { token: tokens.beheer, body: { targets: { publiekszaken: 101 }, refresherMonths: 0 } });
  assert.deepEqual(assertProblem(bad, 400).invalidParams.map((param) => param.name).sort(),
    ['refresherMonths', 'targets.publiekszaken']);
  const unknown = await api(demo.url, 'PUT', '/api/v1/training-settings',
    { token: tokens.beheer, body: { targets: { receptie: 5 }, refresherMonths: 24 } });
  assert.deepEqual(assertProblem(unknown, 400).invalidParams.map((param) => param.name), ['targets.receptie']);
});

test('every read of names and every change is audited', async () => {
  const actions = await auditActions();
  for (const action of ['training.import', 'staff.list', 'training.settings.update', 'training.coverage.read']) {
    assert.ok(actions.includes(action), `${action} in the audit trail`);
  }
  await api(demo.url, 'GET', '/api/v1/designated-officers', { token: tokens.melder });
  await api(demo.url, 'GET', '/api/v1/plan-objectives', { token: tokens.af });
  const later = await auditActions();
  assert.ok(later.includes('officer.list'));
  assert.ok(later.includes('actionplan.read'));
  const verification = await api(demo.url, 'GET', '/api/v1/audit-events/verification', { token: tokens.auditor });
  assert.equal(verification.body.valid, true);
});

test('employees see only active officers; the beheerder sees all', async () => {
  const all = (await api(demo.url, 'GET', '/api/v1/designated-officers', { token: tokens.beheer })).body;
  assert.deepEqual(all.map((officer) => officer.domain).sort(), ['sociaal-domein', 'veiligheid']);
  const social = all.find((officer) => officer.domain === 'sociaal-domein');
  const off = await api(demo.url, 'PUT', `/api/v1/designated-officers/${social.id}`,
    { token: tokens.beheer, body: { ...social, id: undefined, active: false } });
  assert.equal(off.status, 200);
  const seen = (await api(demo.url, 'GET', '/api/v1/designated-officers', { token: tokens.melder })).body;
  assert.equal(seen.length, 1);
  assert.equal(seen[0].domain, 'veiligheid');
  const bad = await api(demo.url, 'POST', '/api/v1/designated-officers',
    { token: tokens.beheer, body: { name: '', domain: 'jeugd', phone: '12', email: 'geen' } });
  assert.deepEqual(assertProblem(bad, 400).invalidParams.map((param) => param.name), ['name', 'domain', 'phone', 'email']);
  await api(demo.url, 'PUT', `/api/v1/designated-officers/${social.id}`,
    { token: tokens.beheer, body: { ...social, id: undefined, active: true } });
});

test('the action plan holds the actions of chapter 4, and the yearly report counts them', async () => {
  const plan = (await api(demo.url, 'GET', '/api/v1/plan-objectives', { token: tokens.af })).body;
  assert.deepEqual(plan.map((objective) => objective.number), [1, 2, 3, 4]);
  assert.deepEqual(plan.flatMap((objective) => objective.actions.map((action) => action.id)), [
    'e-learning', 'bewustwording', 'aandachtfunctionarissen', 'inbedden-beleid', 'barrieres',
    'regionale-aansluiting', 'zorg-en-veiligheid', 'aansluiting-moviera']);
  const year = Number(isoDate().slice(0, 4));
  const update = await api(demo.url, 'PUT', '/api/v1/plan-actions/zorg-en-veiligheid',
    { token: tokens.beleid, body: { owner: 'Procesregisseur zorg en veiligheid', status: 'loopt', dueOn: isoDate(-1), notes: '' } });
  assert.equal(update.status, 200);
  assert.equal(update.body.overdue, true);
  assert.equal(update.body.updatedBy, 'beleid');
  const report = (await api(demo.url, 'GET', `/api/v1/plan-reports/${year}`, { token: tokens.af })).body;
  const integral = report.objectives.find((objective) => objective.number === 3);
  assert.equal(integral.byStatus.loopt, 1);
  assert.deepEqual(integral.overdueActions.map((action) => action.id), ['zorg-en-veiligheid']);
  assertProblem(await api(demo.url, 'PUT', '/api/v1/plan-actions/zorg-en-veiligheid',
    { token: tokens.af, body: { owner: '', status: 'afgerond' } }), 403);
  const bad = await api(demo.url, 'PUT', '/api/v1/plan-actions/zorg-en-veiligheid',
    { token: tokens.beleid, body: { owner: '', status: 'klaar', dueOn: '31-12-2025' } });
  assert.deepEqual(assertProblem(bad, 400).invalidParams.map((param) => param.name), ['status', 'dueOn']);
  assertProblem(await api(demo.url, 'GET', '/api/v1/plan-reports/1999', { token: tokens.af }), 400);
});
