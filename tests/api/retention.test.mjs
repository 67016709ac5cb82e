// Retention and the rights of data subjects: a closed case whose term has run out loses its personal data (the
// skeleton stays, so the figures do not change), a legal hold prevents that, each destruction is logged; the
// inspection export holds everything about one person and nothing of another; a rectification changes the data
// and the linking. The destruction job runs from the command line and, on its own, inside `serve`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startServer, signInAll, api, assertProblem, binary, onPostgres, rawSql, rawStoreBytes, storeArgs,
} from '../support/server.mjs';
import { buildCase, fileSignal, getCase } from '../support/route.mjs';

let server;
let tokens;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'auditor', 'beleid']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

function retentionRun(args) {
  return spawnSync(binary, ['retention', 'run', '--data', server.dataDir, ...storeArgs(server.dataDir), ...args],
    { encoding: 'utf8', timeout: 30000 });
}

const sql = (query) => rawSql(server.dataDir, query);

// SQLite: the database file and its log; PostgreSQL: a pg_dump of the database (live rows only).
const rawStore = () => rawStoreBytes(server.dataDir).toString('latin1');

const figures = async () => {
  const response = await api(server.url, 'GET', '/api/v1/statistics?from=2020-01-01&to=2099-12-31', { token: tokens.beleid });
  assert.equal(response.status, 200);
  return response.body;
};

test('a closed case past its term loses its personal data, a held one keeps it, the figures stay the same', async () => {
  const { url } = server;
  const { af, melder, auditor } = tokens;
  const expired = await fileSignal(url, melder, {
    narrative: 'Vernietigtest: Anna Retentiewoud slaapt in de kelder van de Distelhoeve.',
    location: { street: 'Distelweg', houseNumber: '7', postcode: '6901 AB', city: 'Zevenaar' },
    business: { kvkNumber: '12345678', tradeName: 'Distelhoeve Uitzend' },
    persons: [{ role: 'slachtoffer', name: 'Anna Retentiewoud', birthYear: 1990, nationality: 'Roemeens', phone: '0612340001' }],
  });
  const { caseId } = await buildCase(url, af, [expired.id], 'afgesloten');
  const held = await fileSignal(url, melder, {
    narrative: 'Bewaartest: een man werkt zonder loon in de Hulsthof.',
    persons: [{ role: 'slachtoffer', name: 'Hendrik Bewaarplicht', birthYear: 1975 }],
  });
  const heldCase = (await buildCase(url, af, [held.id], 'afgesloten')).caseId;

  // The case page shows when the data goes; the hold is set with a reason, and shown.
  const before = await getCase(url, af, caseId);
  assert.equal(before.retention.destroyedAt, null);
  assert.ok(before.retention.retainUntil > before.createdAt, 'retained until five years after closure');
  assertProblem(await api(url, 'PUT', `/api/v1/cases/${heldCase}/legal-hold`, { token: af, body: { reason: ' ' } }), 400);
  const hold = await api(url, 'PUT', `/api/v1/cases/${heldCase}/legal-hold`,
    { token: af, body: { reason: 'Strafrechtelijk onderzoek loopt (OM-kenmerk 2024-17).' } });
  assert.equal(hold.status, 200);
  assert.equal(hold.body.retention.legalHold.reason, 'Strafrechtelijk onderzoek loopt (OM-kenmerk 2024-17).');
  assert.equal(hold.body.retention.legalHold.setBy, 'af');
  assert.ok(hold.body.timeline.some((entry) => entry.action === 'hold'));

  const sealedName = sql(`SELECT name FROM persons WHERE signal_id = '${expired.id}'`);
  assert.match(sealedName, /^k\d+\./, 'the name is sealed at rest');
  const figuresBefore = await figures();

  // With the default terms nothing is due yet.
  const early = retentionRun([]);
  assert.equal(early.status, 0, early.stderr);
  assert.doesNotMatch(early.stdout, new RegExp(caseId));

  // A dry run with a term of 0 days lists the expired case, not the held one, and changes nothing.
  const dry = retentionRun(['--dry-run', '--retention', 'standaard=0d']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`due case ${caseId}: uitkomst zorgtraject: 0d na afsluiting`));
  assert.doesNotMatch(dry.stdout, new RegExp(heldCase));
  assert.match(dry.stdout, /on legal hold/);
  assert.equal((await getCase(url, af, caseId)).retention.destroyedAt, null);
  // The same terms from the server's configuration file; flags given beside it replace them.
  const configDir = mkdtempSync(path.join(tmpdir(), 'meldroute-retention-run-'));
  const config = path.join(configDir, 'meldroute.toml');
  writeFileSync(config, "[retention]\nterms = '''\nstandaard=0d\n'''\n");
  const fromFile = retentionRun(['--dry-run', '--config', config]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.match(fromFile.stdout, new RegExp(`due case ${caseId}: uitkomst zorgtraject: 0d na afsluiting`));
  const flagsWin = retentionRun(['--dry-run', '--config', config, '--retention', 'standaard=50y']);
  assert.equal(flagsWin.status, 0, flagsWin.stderr);
  assert.doesNotMatch(flagsWin.stdout, new RegExp(caseId));
  rmSync(configDir, { recursive: true, force: true });

  const run = retentionRun(['--retention', 'standaard=0d']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`destroyed case ${caseId}`));
  assert.doesNotMatch(run.stdout, /Retentiewoud|Distel/);

  // What is left: the skeleton of the case, without a word about any person.
  const after = await getCase(url, af, caseId);
  assert.ok(after.retention.destroyedAt);
  assert.equal(after.status, 'afgesloten');
  assert.equal(after.outcome, 'zorgtraject');
  assert.deepEqual(after.forms, before.forms);
  assert.equal(after.referrals.length, before.referrals.length);
  assert.equal(after.referrals[0].partner, 'moviera');
  const [signal] = after.signals;
  assert.equal(signal.narrative, '');
  assert.deepEqual(signal.persons, []);
  assert.equal(signal.location, null);
  assert.equal(signal.business, null);
  assert.ok(signal.destroyedAt);
  assert.equal(after.assessments[0].rationale, '');
  assert.equal(after.enrichments[0].content, '');
  const text = JSON.stringify(after);
  for (const word of ['Retentiewoud', 'Distel', 'Roemeens', '0612340001', 'Huisvesting op het werk', 'Niets gevonden']) {
    assert.ok(!text.includes(word), `${word} is gone from the case`);
  }
  // ... and from the store: no person row, no link key, no search term, no sealed value of the name.
  assert.equal(sql(`SELECT count(*) FROM persons WHERE signal_id = '${expired.id}'`), '0');
  assert.equal(sql(`SELECT count(*) FROM signal_keys WHERE signal_id = '${expired.id}'`), '0');
  assert.equal(sql(`SELECT count(*) FROM signal_terms t JOIN signals s ON s.sequence = t.signal_sequence WHERE s.id = '${expired.id}'`), '0');
  if (!onPostgres) rawSql(server.dataDir, 'PRAGMA wal_checkpoint(TRUNCATE);', { readOnly: false });
  assert.ok(!rawStore().includes(sealedName), 'the sealed name is not in the database file or its log any more');
  const search = await api(url, 'POST', '/api/v1/signal-searches', { token: af, body: { text: 'Distelhoeve' } });
  assert.deepEqual(search.body.map((item) => item.id).filter((id) => id === expired.id), []);

  // The held case is untouched; the figures are the same.
  const kept = await getCase(url, af, heldCase);
  assert.equal(kept.retention.destroyedAt, null);
  assert.equal(kept.signals[0].persons[0].name, 'Hendrik Bewaarplicht');
  assert.deepEqual(await figures(), figuresBefore);

  // The destruction log names the case, the rule and the categories, and no person.
  const log = await api(url, 'GET', '/api/v1/destruction-log', { token: auditor });
  assert.equal(log.status, 200);
  const record = log.body.find((item) => item.objectId === caseId);
  assert.equal(record.objectType, 'case');
  assert.equal(record.rule, 'uitkomst zorgtraject: 0d na afsluiting');
  for (const category of ['personen', 'meldingstekst', 'adres', 'bedrijf', 'koppelsleutels', 'zoekindex', 'afwegingen']) {
    assert.ok(record.categories.includes(category), `category ${category}`);
  }
  assert.doesNotMatch(JSON.stringify(log.body), /Retentiewoud|Distel|Bewaarplicht/);
  assert.equal((await api(url, 'GET', '/api/v1/destruction-log', { token: tokens.melder })).status, 403);
  const audit = await api(url, 'GET', '/api/v1/audit-events', { token: auditor });
  assert.ok(audit.body.some((event) => event.action === 'case.destroy' && event.object === `case/${caseId}`));
  assert.ok(audit.body.some((event) => event.action === 'case.hold' && event.object === `case/${heldCase}`));
  assert.doesNotMatch(JSON.stringify(audit.body), /OM-kenmerk|Retentiewoud/);

  // A destroyed case cannot be held; a second run destroys nothing again.
  assertProblem(await api(url, 'PUT', `/api/v1/cases/${caseId}/legal-hold`, { token: af, body: { reason: 'Te laat.' } }), 409);
  const again = retentionRun(['--retention', 'standaard=0d']);
  assert.doesNotMatch(again.stdout, new RegExp(`destroyed case ${caseId}`));

  // Lifting the hold lets the term apply again.
  const lifted = await api(url, 'DELETE', `/api/v1/cases/${heldCase}/legal-hold`, { token: af });
  assert.equal(lifted.status, 200);
  assert.equal(lifted.body.retention.legalHold, null);
  assertProblem(await api(url, 'DELETE', `/api/v1/cases/${heldCase}/legal-hold`, { token: af }), 409);
  const last = retentionRun(['--retention', 'zorgtraject=0d']);
  assert.match(last.stdout, new RegExp(`destroyed case ${heldCase}`));
});

test('retention run refuses bad input with exit 2', () => {
  for (const args of [['--retention', 'zorgtraject=5w'], ['--retention', 'zorgtraject'], ['--retention', 'Zorg=5y'],
    ['--retention', 'standaard=101y']]) {
    const result = retentionRun(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  }
  const missing = spawnSync(binary, ['retention', 'run', '--data', '/nonexistent/meldroute'], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
});

test('the inspection export holds everything about one person and nothing of another', async () => {
  const { url } = server;
  const { af, melder } = tokens;
  const main = await fileSignal(url, melder, {
    narrative: 'Inzagetest: een vrouw werkt dag en nacht in een nagelsalon.',
    persons: [
      { role: 'slachtoffer', name: 'Carla Inzageveld', birthYear: 1985, nationality: 'Vietnamees', phone: '0687650001' },
      { role: 'verdachte', name: 'Dirk Anderpersoon', birthYear: 1970, phone: '0687650002' },
    ],
  });
  const byPhone = await fileSignal(url, melder, {
    narrative: 'Inzagetest: dezelfde telefoon duikt op bij een advertentie.',
    persons: [{ role: 'overig', name: 'C. Inzageveld', phone: '06-8765 0001' }],
  });
  const other = await fileSignal(url, melder, {
    narrative: 'Inzagetest: iemand anders.',
    persons: [{ role: 'slachtoffer', name: 'Erik Nietbetrokken', birthYear: 1985 }],
  });
  const { caseId } = await buildCase(url, af, [main.id], 'doorgezet');

  const bad = await api(url, 'POST', '/api/v1/subject-access-requests', { token: af, body: { name: 'Carla Inzageveld' } });
  assertProblem(bad, 400);
  assert.equal(bad.body.invalidParams[0].name, 'birthYear');
  assertProblem(await api(url, 'POST', '/api/v1/subject-access-requests',
    { token: tokens.melder, body: { name: 'Carla Inzageveld', birthYear: 1985 } }), 403);

  const byName = await api(url, 'POST', '/api/v1/subject-access-requests',
    { token: af, body: { name: 'carla  inzageveld', birthYear: 1985 } });
  assert.equal(byName.status, 200);
  assert.equal(byName.headers.get('cache-control'), 'no-store');
  assert.deepEqual(byName.body.signals.map((item) => item.signal.id), [main.id]);
  const [item] = byName.body.signals;
  assert.deepEqual(item.signal.persons.map((person) => person.name), ['Carla Inzageveld']);
  assert.deepEqual(item.matchedOn, ['persoon']);
  assert.equal(item.case.id, caseId);
  assert.ok(item.recipients.some((name) => name.startsWith('Moviera')));
  assert.match(item.retention, /5 jaar na afsluiting/);
  assert.ok(byName.body.purposes.length >= 3);
  const text = JSON.stringify(byName.body);
  for (const word of ['Anderpersoon', '0687650002', 'Nietbetrokken', other.id]) assert.ok(!text.includes(word), word);
  // It goes to the person it is about, who may be the suspect: never who reported, nor which employee did what.
  assert.ok(!('reporter' in item.signal) && !('feedback' in item.signal));
  assert.ok(!('reporterFeedback' in item.case));
  assert.ok(item.case.timeline.length > 0 && item.case.timeline.every((entry) => !('actor' in entry)));
  assert.doesNotMatch(JSON.stringify(byName.body.signals), /"(melder|af)"/);

  const both = await api(url, 'POST', '/api/v1/subject-access-requests',
    { token: af, body: { name: 'Carla Inzageveld', birthYear: 1985, phone: '0687650001' } });
  assert.deepEqual(both.body.signals.map((entry) => entry.signal.id).sort(), [main.id, byPhone.id].sort());
  const phoneOnly = both.body.signals.find((entry) => entry.signal.id === byPhone.id);
  assert.deepEqual(phoneOnly.matchedOn, ['telefoon']);
  assert.equal(phoneOnly.case, null);
  assert.match(phoneOnly.retention, /1 jaar na ontvangst/);
  assert.doesNotMatch(JSON.stringify(both.body), /Anderpersoon|Nietbetrokken/);

  const audit = await api(url, 'GET', '/api/v1/audit-events', { token: tokens.auditor });
  const exports = audit.body.filter((event) => event.action === 'subject-access.export');
  assert.ok(exports.some((event) => event.object === `signal/${main.id}` && event.purpose === 'inzageverzoek betrokkene'));
  assert.ok(exports.some((event) => event.object === `case/${caseId}`));
  assert.doesNotMatch(JSON.stringify(audit.body), /Inzageveld/);
});

test('a rectification changes the data and the linking, and is shown on the signal', async () => {
  const { url } = server;
  const { af, melder } = tokens;
  const wrong = await fileSignal(url, melder, {
    narrative: 'Rectificatietest: verkeerd gespelde naam.',
    persons: [{ role: 'slachtoffer', name: 'Fenna Foutgespeld', birthYear: 1991, nationality: 'Pools' }],
  });
  const right = await fileSignal(url, melder, {
    narrative: 'Rectificatietest: de juiste naam.',
    persons: [{ role: 'slachtoffer', name: 'Fenna Goedgespeld', birthYear: 1991 }],
  });
  const { caseId } = await buildCase(url, af, [right.id], 'vastgelegd');
  assert.ok(!(await getCase(url, af, caseId)).relatedSignals.some((item) => item.signalId === wrong.id));

  const path = `/api/v1/signals/${wrong.id}/rectifications`;
  assertProblem(await api(url, 'POST', path, { token: af, body: { position: 0, name: 'Fenna Goedgespeld' } }), 400);
  assertProblem(await api(url, 'POST', path, { token: af, body: { position: 3, name: 'X', reason: 'Verzoek.' } }), 400);
  assertProblem(await api(url, 'POST', path, { token: af, body: { position: 0, birthYear: 1800, reason: 'Verzoek.' } }), 400);
  assertProblem(await api(url, 'POST', path, { token: af, body: { position: 0, name: 'Fenna Foutgespeld', reason: 'Niets.' } }), 422);
  assertProblem(await api(url, 'POST', path, { token: melder, body: { position: 0, name: 'X', reason: 'Verzoek.' } }), 403);

  const fixed = await api(url, 'POST', path, {
    token: af, body: { position: 0, name: 'Fenna Goedgespeld', reason: 'Verzoek betrokkene; paspoort ingezien.' },
  });
  assert.equal(fixed.status, 201);
  assert.equal(fixed.body.persons[0].name, 'Fenna Goedgespeld');
  assert.equal(fixed.body.persons[0].nationality, 'Pools', 'fields not named stay as they were');
  assert.equal(fixed.body.persons[0].role, 'slachtoffer');
  assert.deepEqual(fixed.body.rectifications.map((item) => [item.fields, item.actor, item.reason]),
    [[['name'], 'af', 'Verzoek betrokkene; paspoort ingezien.']]);
  const read = await api(url, 'GET', `/api/v1/signals/${wrong.id}`, { token: af });
  assert.equal(read.body.rectifications.length, 1);
  const reporterView = await api(url, 'GET', `/api/v1/signals/${wrong.id}`, { token: melder });
  assert.deepEqual(reporterView.body.rectifications, []);

  // The linking follows the corrected data.
  assert.ok((await getCase(url, af, caseId)).relatedSignals.some((item) => item.signalId === wrong.id));
  const old = await api(url, 'POST', '/api/v1/subject-access-requests', { token: af, body: { name: 'Fenna Foutgespeld', birthYear: 1991 } });
  assert.deepEqual(old.body.signals, []);
  const audit = await api(url, 'GET', '/api/v1/audit-events', { token: tokens.auditor });
  const event = audit.body.find((item) => item.action === 'person.rectify' && item.object === `signal/${wrong.id}`);
  assert.equal(event.purpose, 'rectificatie op verzoek betrokkene');
  assert.doesNotMatch(JSON.stringify(audit.body), /Foutgespeld|paspoort/);
});

// The terms and the interval as flags, and as the [retention] table of a configuration file.
for (const [how, settings] of [
  ['flags', () => ['--retention', 'zonder-casus=0d', '--retention-interval', '1']],
  ['the configuration file', (dir) => {
    const file = path.join(dir, 'meldroute.toml');
    writeFileSync(file, "[retention]\nterms = '''\nstandaard=5y\nzonder-casus=0d\n'''\ninterval = \"1s\"\n");
    return ['--config', file];
  }],
]) test(`inside serve the destruction job runs on its own (settings from ${how}): `
  + 'a signal never taken into a case goes after its term', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meldroute-retention-'));
  const own = await startServer({ args: settings(dir) });
  try {
    const { melder, auditor } = await signInAll(own.url, ['melder', 'auditor']);
    const signal = await fileSignal(own.url, melder, {
      narrative: 'Taaktest: losse melding zonder casus.', persons: [{ role: 'overig', name: 'Olga Losmelding', birthYear: 1988 }],
    });
    let record;
    for (let attempt = 0; attempt < 50 && !record; attempt += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 200); });
      const log = await api(own.url, 'GET', '/api/v1/destruction-log', { token: auditor });
      record = log.body.find((item) => item.objectId === signal.id);
    }
    assert.ok(record, 'the job destroyed the signal');
    assert.equal(record.objectType, 'signal');
    assert.equal(record.rule, 'melding zonder casus: 0d na ontvangst');
    const read = await api(own.url, 'GET', `/api/v1/signals/${signal.id}`, { token: melder });
    assert.deepEqual(read.body.persons, []);
    assert.ok(read.body.destroyedAt);
  } finally {
    await own.stop();
    own.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
