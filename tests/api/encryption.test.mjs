// Encryption at rest per field: personal data filed through the API never appears in the database file or its
// write-ahead log, in any encoding we can think of; `meldroute keys rotate` re-seals online while the server
// runs; a database copied without its keys is refused rather than served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, signInAll, api, binary, isoDate, onPostgres, rawStoreBytes } from '../support/server.mjs';

// Distinctive personal data and free texts, each a string that occurs nowhere else.
const SECRETS = {
  narrative: 'Kwartelkoningin Vlinderhof laat zes Oekraïense vrouwen in de Zonnebloemkelder slapen.',
  name: 'Ilse Vermeulenbroek',
  phone: '06-55501234',
  street: 'Korenbloemstraat',
  postcode: '7311 QX',
  city: 'Vlierwoude',
  nationality: 'Moldavisch',
  kvk: '80604221',
  tradeName: 'Glanspunt Nagelstudio',
  enrichmentPurpose: 'Nagaan Ganzenbloemrij',
  enrichmentContent: 'Ingeschreven op Dotterbloempad volgens de registratie.',
  rationale: 'Weging Zilvermeeuwtje: huisvesting en werk bij dezelfde persoon.',
  referralNote: 'Notitie Boterbloempje voor de partner.',
  partnerFeedback: 'Terugkoppeling Paardenbloemveld: contact gelegd.',
  reporterFeedback: 'Bericht Klaprooswei: uw melding is opgepakt.',
  closureNote: 'Afsluitnotitie Korenschoof.',
  officerName: 'Wilhelmina Sleutelbloem',
  officerPhone: '026-5550987',
  officerEmail: 'w.sleutelbloem@gemeente.example',
  staffName: 'Bartholomeus Hondsdraf',
};
// Other shapes the same data could be stored in by mistake.
const DERIVED = ['0655501234', 'vermeulenbroek', 'kwartelkoningin', 'korenbloemstraat|47', '7311qx'];

const WORDS = ['Kwartelkoningin', 'Vlinderhof', 'Zonnebloemkelder', 'oekraiense', 'Vermeulenbroek', 'Korenbloemstraat',
  'Vlierwoude', 'Moldavisch', 'Glanspunt', 'Ganzenbloemrij', 'Dotterbloempad', 'Zilvermeeuwtje', 'Boterbloempje',
  'Paardenbloemveld', 'Klaprooswei', 'Korenschoof', 'Sleutelbloem', 'Hondsdraf'];

let server;
let tokens;
let signalId;
let caseId;
const scratch = [];

function run(args) {
  return spawnSync(binary, args, { encoding: 'utf8', timeout: 60000 });
}

// On PostgreSQL: a pg_dump of the server's database (see rawStoreBytes).
const rawStore = rawStoreBytes;

// Every encoding of `text` that a careless implementation might write: as typed, lower and upper case,
// UTF-16, hex, and base64 at each of the three alignments (the stable middle part).
function encodings(text) {
  const forms = new Set([text, text.toLowerCase(), text.toUpperCase()]);
  const bytes = Buffer.from(text, 'utf8');
  const out = [];
  for (const form of forms) {
    out.push(Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le'));
  }
  out.push(Buffer.from(bytes.toString('hex')));
  for (const shift of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    for (const variant of ['base64', 'base64url']) {
      const encoded = padded.toString(variant).replace(/=+$/, '');
      const core = encoded.slice(Math.ceil((shift * 4) / 3) + 4, encoded.length - 4);
      if (core.length >= 12) out.push(Buffer.from(core));
    }
  }
  return out;
}

function assertNoPlaintext(dataDir, label) {
  const raw = rawStore(dataDir);
  assert.ok(raw.length > 0, `${label}: the store files exist`);
  for (const [field, text] of Object.entries(SECRETS)) {
    for (const needle of encodings(text)) {
      assert.equal(raw.indexOf(needle), -1, `${label}: ${field} found in the raw store as ${JSON.stringify(needle.toString())}`);
    }
  }
  // Single words as a plaintext word index would hold them.
  for (const word of WORDS) {
    for (const form of [word, word.toLowerCase()]) {
      assert.equal(raw.indexOf(Buffer.from(form)), -1, `${label}: the word ${form} found in the raw store`);
    }
  }
  for (const text of DERIVED) {
    assert.equal(raw.indexOf(Buffer.from(text)), -1, `${label}: ${text} found in the raw store`);
  }
}

async function ok(promise, status, what) {
  const response = await promise;
  assert.equal(response.status, status, `${what}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function search(text) {
  const found = await ok(api(server.url, 'POST', '/api/v1/signal-searches', { token: tokens.af, body: { text } }), 200, 'search');
  return (found.items ?? found).map((signal) => signal.id);
}

async function assertReadable(label) {
  const signal = await ok(api(server.url, 'GET', `/api/v1/signals/${signalId}`, { token: tokens.af }), 200, `${label}: signal`);
  assert.equal(signal.narrative, SECRETS.narrative, label);
  assert.equal(signal.persons[0].name, SECRETS.name, label);
  assert.equal(signal.persons[0].phone, SECRETS.phone, label);
  assert.equal(signal.persons[0].birthYear, 1987, label);
  assert.equal(signal.location.street, SECRETS.street, label);
  assert.equal(signal.business.tradeName, SECRETS.tradeName, label);
  const kase = await ok(api(server.url, 'GET', `/api/v1/cases/${caseId}`, { token: tokens.af }), 200, `${label}: case`);
  const text = JSON.stringify(kase);
  for (const field of ['enrichmentContent', 'rationale', 'referralNote', 'partnerFeedback', 'reporterFeedback', 'closureNote']) {
    assert.ok(text.includes(SECRETS[field]), `${label}: ${field} reads back from the case`);
  }
  // Inflected, differently cased and without diacritics: the stems meet.
  assert.ok((await search('kwartelkoningin oekraiense')).includes(signalId), `${label}: search finds the signal`);
  assert.ok((await search('ZONNEBLOEMKELDER')).includes(signalId), `${label}: search by one word`);
  assert.ok(!(await search('kwartelkoningin zzzgeenwoord')).includes(signalId), `${label}: every word must match`);
  const officers = await ok(api(server.url, 'GET', '/api/v1/designated-officers', { token: tokens.beheer }), 200, `${label}: officers`);
  const officer = officers.find((entry) => entry.name === SECRETS.officerName);
  assert.equal(officer?.phone, SECRETS.officerPhone, `${label}: officer reads back`);
  assert.equal(officer?.email, SECRETS.officerEmail, `${label}: officer e-mail reads back`);
  const staff = await ok(api(server.url, 'GET', '/api/v1/staff-members', { token: tokens.beheer }), 200, `${label}: staff`);
  assert.ok(staff.some((member) => member.name === SECRETS.staffName), `${label}: staff name reads back`);
}

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'beheer']);
  const { url } = server;
  const filed = await ok(api(url, 'POST', '/api/v1/signals', {
    token: tokens.melder,
    body: {
      channel: 'email', narrative: SECRETS.narrative, indicatorCodes: ['ARB-13'], observedOn: isoDate(0),
      location: { street: SECRETS.street, houseNumber: '47', postcode: SECRETS.postcode, city: SECRETS.city },
      persons: [{ role: 'slachtoffer', name: SECRETS.name, birthYear: 1987, nationality: SECRETS.nationality, phone: SECRETS.phone }],
      business: { kvkNumber: SECRETS.kvk, tradeName: SECRETS.tradeName },
    },
  }), 201, 'file signal');
  signalId = filed.id;
  caseId = (await ok(api(url, 'POST', '/api/v1/cases', { token: tokens.af, body: { signalIds: [signalId] } }), 201, 'case')).id;
  const step = (pathName, body) => ok(api(url, 'POST', `/api/v1/cases/${caseId}/${pathName}`, { token: tokens.af, body }), 201, pathName);
  await step('enrichments', { source: 'brp', purpose: SECRETS.enrichmentPurpose, content: SECRETS.enrichmentContent });
  await step('assessments', { urgency: 'hoog', forms: ['arbeid'], rationale: SECRETS.rationale });
  const referral = await step('referrals', { partner: 'moviera', forum: 'signalenoverleg', feedbackDue: isoDate(14), note: SECRETS.referralNote });
  await ok(api(url, 'POST', `/api/v1/referrals/${referral.id}/feedback`, { token: tokens.af, body: { summary: SECRETS.partnerFeedback } }),
    201, 'partner feedback');
  await step('reporter-feedback', { message: SECRETS.reporterFeedback });
  await step('closure', { outcome: 'zorgtraject', note: SECRETS.closureNote });
  // The registers hold employees' names and the officers' contact details: sealed too.
  await ok(api(url, 'POST', '/api/v1/designated-officers', {
    token: tokens.beheer,
    body: { name: SECRETS.officerName, domain: 'veiligheid', phone: SECRETS.officerPhone, email: SECRETS.officerEmail },
  }), 201, 'officer');
  const csv = `medewerker-id,naam,afdeling,doelgroep,voltooid-op\r\nZ77,${SECRETS.staffName},Toezicht,toezicht,${isoDate(-3)}\r\n`;
  await ok(api(url, 'POST', '/api/v1/training-imports',
    { token: tokens.beheer, rawBody: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } }), 201, 'training import');
});

after(async () => {
  await server?.stop();
  server?.cleanup();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

test('personal data reads back through the API but is nowhere in the database file or its log', async () => {
  await assertReadable('before rotation');
  assertNoPlaintext(server.dataDir, 'running server');
  const keyFile = statSync(path.join(server.dataDir, 'keys', 'field.key'));
  assert.equal(keyFile.mode & 0o777, 0o600, 'field.key is readable by its owner only');
  assert.equal(statSync(path.join(server.dataDir, 'keys', 'search.key')).mode & 0o777, 0o600);
});

test('keys rotate re-seals everything under a new key while the server runs', {
  skip: onPostgres && 'keys rotate works on the embedded SQLite store only in this version',
}, async () => {
  const rotated = run(['keys', 'rotate', '--data', server.dataDir, '--batch', '3']);
  assert.equal(rotated.status, 0, rotated.stderr);
  assert.match(rotated.stdout, /new field key k2/);
  const count = Number(rotated.stdout.match(/re-sealed (\d+) value/)?.[1]);
  assert.ok(count >= 15, `re-sealed the signal, its person, its case texts and the demo data: ${rotated.stdout}`);
  assert.ok(existsSync(path.join(server.dataDir, 'keys', 'field-k2.key')));
  assert.equal(statSync(path.join(server.dataDir, 'keys', 'field-k2.key')).mode & 0o777, 0o600);
  assert.equal(readFileSync(path.join(server.dataDir, 'keys', 'current'), 'utf8').trim(), 'k2');
  // The running server opens the re-sealed values (it picks up k2 when it meets it) and search still works.
  await assertReadable('after rotation');
  const later = await ok(api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: { channel: 'formulier', narrative: 'Na de rotatie: Wilgenroosje werkt nachtdiensten.', indicatorCodes: ['ARB-02'] },
  }), 201, 'file after rotation');
  assert.deepEqual(await search('wilgenroosje'), [later.id]);
  // Nothing is left under the old key: the server seals under k2 now.
  const reseal = run(['keys', 'reseal', '--data', server.dataDir]);
  assert.equal(reseal.status, 0, reseal.stderr);
  assert.match(reseal.stdout, /re-sealed 0 value/);
  assertNoPlaintext(server.dataDir, 'after rotation');
});

test('a database copied without its keys is refused, and with the wrong keys too', {
  // On PostgreSQL the copy is a database, not a file; src/store/postgres/pg_store_pgtest.cpp refuses other keys.
  skip: onPostgres && 'copies the SQLite database file',
}, async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'meldroute-copy-'));
  scratch.push(copy);
  // A consistent copy of the live database (online backup), without the keys directory.
  const backup = spawnSync('sqlite3', [path.join(server.dataDir, 'meldroute.db'), `.backup '${path.join(copy, 'meldroute.db')}'`]);
  if (backup.status !== 0) copyFileSync(path.join(server.dataDir, 'meldroute.db'), path.join(copy, 'meldroute.db'));
  assertNoPlaintext(copy, 'the copy');
  await assert.rejects(startServer({ dataDir: copy }), /no keys directory/);
  assert.ok(!existsSync(path.join(copy, 'keys')), 'no fresh keys were made for the copy');
  // Keys of another installation do not open it either.
  const other = await startServer();
  await other.stop();
  cpSync(path.join(other.dataDir, 'keys'), path.join(copy, 'keys'), { recursive: true });
  other.cleanup();
  await assert.rejects(startServer({ dataDir: copy }), /not the key this database was sealed with/);
  // With its own keys beside it, the copy opens and reads back.
  rmSync(path.join(copy, 'keys'), { recursive: true, force: true });
  cpSync(path.join(server.dataDir, 'keys'), path.join(copy, 'keys'), { recursive: true });
  const restored = await startServer({ dataDir: copy });
  try {
    const [af] = Object.values(await signInAll(restored.url, ['af']));
    const signal = await ok(api(restored.url, 'GET', `/api/v1/signals/${signalId}`, { token: af }), 200, 'restored signal');
    assert.equal(signal.narrative, SECRETS.narrative);
  } finally {
    await restored.stop();
  }
});
