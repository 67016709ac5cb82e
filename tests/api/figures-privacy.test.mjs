// No person's data reaches the beleid role, an export or a chart. The store gets signals and cases full of
// recognisable personal data; then beleid signs in (API and pages), opens every figures page and follows every
// download on them, and fetches every figures endpoint; none of it may contain any of that data.
//
// What the PDF check covers: cairo compresses the PDF's content streams and writes text as glyph numbers of
// an embedded font subset, so the words cannot be searched for in the file. The test therefore extracts the
// drawn text with pdftotext (Debian's poppler-utils, installed by tools/install-deps.sh --test) and searches
// that, checks that it holds the expected headings and figures (so the extraction is not vacuous), and also
// inflates every stream and searches the result and the raw file (metadata, file names, uncompressed text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, signInAll, api } from '../support/server.mjs';
import { buildCase, fileSignal } from '../support/route.mjs';

let server;
let tokens;
const ids = [];
const PERSONAL = {
  name: 'Gerrit-Jan Geheimenaam', otherName: 'Ludmila Verborgova', phone: '0612398745', nationality: 'Privatonië',
  narrative: 'PRIVACYTEST: zij slaapt in het washok van nagelstudio Glimmer', street: 'Verstopstraat', houseNumber: '77',
  postcode: '6909 ZZ', kvk: '87654321', tradeName: 'Nagelstudio Glimmer', enrichment: 'BRP-inschrijving PRIVACYTEST-BRP',
  rationale: 'PRIVACYTEST-WEGING reden', feedback: 'PRIVACYTEST-TERUGKOPPELING aan melder', partner: 'PRIVACYTEST-PARTNER zegt',
  reopenReason: 'PRIVACYTEST-HEROPEND want Gerrit-Jan Geheimenaam belde opnieuw', closureNote: 'PRIVACYTEST-AFSLUITING notitie',
};

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'melder2', 'af', 'beleid']);
  const { url } = server;
  for (const [index, reporter] of ['melder', 'melder2', 'melder', 'melder2', 'melder', 'melder'].entries()) {
    const signal = await fileSignal(url, tokens[reporter], {
      narrative: `${PERSONAL.narrative} (${index})`, channel: index % 2 ? 'telefoon' : 'formulier',
      location: { street: PERSONAL.street, houseNumber: PERSONAL.houseNumber, postcode: PERSONAL.postcode, city: 'Zevenaar' },
      persons: [{ role: 'slachtoffer', name: PERSONAL.name, birthYear: 1999, nationality: PERSONAL.nationality, phone: PERSONAL.phone },
        { role: 'verdachte', name: PERSONAL.otherName }],
      business: { kvkNumber: PERSONAL.kvk, tradeName: PERSONAL.tradeName },
    });
    ids.push(signal.id);
  }
  // Cases at several steps, each step carrying personal text.
  for (const [index, state] of ['afgesloten', 'doorgezet', 'teruggekoppeld', 'gewogen'].entries()) {
    const built = await buildCase(url, tokens.af, [ids[index]], state);
    ids.push(built.caseId);
    if (built.referralId) ids.push(built.referralId);
    await api(url, 'POST', `/api/v1/cases/${built.caseId}/enrichments`,
      { token: tokens.af, body: { source: 'brp', purpose: 'Identiteit', content: PERSONAL.enrichment } });
    await api(url, 'POST', `/api/v1/cases/${built.caseId}/assessments`,
      { token: tokens.af, body: { urgency: 'acuut', forms: ['seksueel'], rationale: PERSONAL.rationale } });
    if (state === 'doorgezet') {
      await api(url, 'POST', `/api/v1/referrals/${built.referralId}/feedback`, { token: tokens.af, body: { summary: PERSONAL.partner } });
      await api(url, 'POST', `/api/v1/cases/${built.caseId}/reporter-feedback`, { token: tokens.af, body: { message: PERSONAL.feedback } });
    }
  }
  // A case closed, reopened with a reason full of personal data, and closed again as a care trajectory.
  const reopened = await buildCase(url, tokens.af, [ids[4]], 'afgesloten');
  ids.push(reopened.caseId, reopened.referralId);
  const steps = [
    ['reopenings', { reason: PERSONAL.reopenReason }],
    ['enrichments', { source: 'brp', purpose: 'Identiteit', content: PERSONAL.enrichment }],
    ['assessments', { urgency: 'hoog', forms: ['arbeid'], rationale: PERSONAL.rationale }],
    ['referrals', { partner: 'moviera', feedbackDue: '2999-01-01', note: PERSONAL.partner }],
    ['reporter-feedback', { message: PERSONAL.feedback }],
    ['closure', { outcome: 'zorgtraject', note: PERSONAL.closureNote }],
  ];
  for (const [step, body] of steps) {
    const response = await api(url, 'POST', `/api/v1/cases/${reopened.caseId}/${step}`, { token: tokens.af, body });
    assert.equal(response.status, 201, `${step}: ${JSON.stringify(response.body)}`);
    if (step === 'referrals') ids.push(response.body.id);
  }
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const year = new Date().getUTCFullYear();
// The house number is left out: two digits turn up by chance in any binary file.
const secrets = () => [...Object.entries(PERSONAL).filter(([key]) => key !== 'houseNumber').map(([, value]) => value), ...ids,
  'PRIVACYTEST', 'Geheimenaam', 'Verborgova', 'Glimmer'];

function assertClean(text, where) {
  for (const secret of secrets()) {
    assert.ok(!text.includes(secret), `${where} contains "${secret}"`);
  }
}

/** The uncompressed contents of every entry of a zip file (an xlsx is one). */
function unzip(buffer) {
  const entries = {};
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = buffer.readUInt32LE(end + 16);
  const count = buffer.readUInt16LE(end + 10);
  for (let index = 0; index < count; index += 1) {
    const method = buffer.readUInt16LE(offset + 10);
    const size = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + size);
    entries[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text a reader sees in a PDF, as pdftotext (poppler-utils) extracts it, in reading layout. */
function pdfDrawnText(buffer) {
  const directory = mkdtempSync(path.join(tmpdir(), 'meldroute-pdf-'));
  try {
    const file = path.join(directory, 'figures.pdf');
    writeFileSync(file, buffer);
    const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.equal(result.error, undefined, 'pdftotext runs (apt-get install poppler-utils)');
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The raw PDF plus every FlateDecode stream inflated. */
function pdfText(buffer) {
  let text = buffer.toString('latin1');
  let position = 0;
  for (;;) {
    const start = buffer.indexOf('stream', position, 'latin1');
    if (start < 0) break;
    let dataStart = start + 6;
    if (buffer[dataStart] === 0x0d) dataStart += 1;
    if (buffer[dataStart] === 0x0a) dataStart += 1;
    const stop = buffer.indexOf('endstream', dataStart, 'latin1');
    if (stop < 0) break;
    try {
      text += inflateSync(buffer.subarray(dataStart, stop)).toString('latin1');
    } catch { /* not a deflate stream */ }
    position = stop + 9;
  }
  return text;
}

async function fetchBinary(path, headers) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

/** Checks one download of any kind and returns its text. */
function checkDownload(file, where) {
  assert.equal(file.status, 200, where);
  assert.match(file.disposition, /^attachment; filename="meldroute-[a-z0-9-]+\.(csv|pdf|xlsx)"$/, `${where}: file name`);
  assertClean(file.disposition, `${where} (file name)`);
  let text;
  if (file.type.startsWith('application/pdf')) {
    assert.equal(file.body.subarray(0, 5).toString(), '%PDF-', `${where}: a PDF`);
    const drawn = pdfDrawnText(file.body);
    assert.ok(drawn.includes('Evaluatie zorgtrajecten'), `${where}: the drawn text was extracted`);
    text = `${pdfText(file.body)}\n${drawn}`;
  } else if (file.type.includes('spreadsheetml')) {
    text = Object.values(unzip(file.body)).join('\n');
    assert.ok(text.includes('Zorgtrajecten gestart in'), `${where}: the spreadsheet was read`);
  } else {
    text = file.body.toString('utf8');
  }
  assertClean(text, where);
  return text;
}

test('every figures endpoint, JSON and download, answers beleid without personal data', async () => {
  const beleid = { authorization: `Bearer ${tokens.beleid}` };
  const oneYear = `from=${year}-01-01&to=${year}-12-31`;
  for (const suppress of ['', '&suppress=true']) {
    for (const path of [`/api/v1/statistics?${oneYear}${suppress}`, `/api/v1/yearly-overview${suppress.replace('&', '?')}`,
      `/api/v1/care-evaluations/${year}${suppress.replace('&', '?')}`]) {
      const response = await api(server.url, 'GET', path, { token: tokens.beleid });
      assert.equal(response.status, 200, path);
      assertClean(JSON.stringify(response.body), path);
    }
    for (const table of ['totals', 'per-year', 'per-month', 'by-channel', 'by-department', 'by-form', 'by-urgency',
      'by-partner', 'by-outcome', 'lead-times', 'overdue']) {
      checkDownload(await fetchBinary(`/api/v1/statistics/tables/${table}?${oneYear}${suppress}`, beleid), table);
    }
    const query = suppress ? '?suppress=true' : '';
    checkDownload(await fetchBinary(`/api/v1/yearly-overview/csv${query}`, beleid), 'yearly overview csv');
    checkDownload(await fetchBinary(`/api/v1/care-evaluations/${year}/pdf${query}`, beleid), 'evaluation pdf');
    checkDownload(await fetchBinary(`/api/v1/care-evaluations/${year}/xlsx${query}`, beleid), 'evaluation xlsx');
    for (const table of suppress ? ['status', 'lead-times'] : ['status', 'lead-times', 'trajectories']) {
      checkDownload(await fetchBinary(`/api/v1/care-evaluations/${year}/tables/${table}${query}`, beleid), table);
    }
  }
  // The figures do count the data: the check above is not vacuous.
  const statistics = await api(server.url, 'GET', `/api/v1/statistics?${oneYear}`, { token: tokens.beleid });
  assert.ok(statistics.body.signals >= 6 && statistics.body.cases >= 4);
  const evaluation = await api(server.url, 'GET', `/api/v1/care-evaluations/${year}`, { token: tokens.beleid });
  assert.ok(evaluation.body.trajectories.length >= 3, 'the referrals to Moviera are trajectories');
});

test('beleid signed in on the pages: every figures page and every download linked from them is free of personal data', async () => {
  const { url } = server;
  const login = await fetch(`${url}/inloggen`);
  const csrfCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('meldroute_inlog_csrf='));
  const csrf = (await login.text()).match(/name="csrf" value="([^"]+)"/)[1];
  const signedIn = await fetch(`${url}/inloggen`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrf, username: 'beleid', password: 'demo-password' }),
  });
  const session = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('meldroute_sessie='));
  assert.ok(session, 'signed in');
  const headers = { cookie: session };
  const pages = ['/', '/cijfers', '/cijfers?afgeschermd=ja', '/dashboard', '/dashboard?afgeschermd=ja', '/evaluatie',
    '/evaluatie?afgeschermd=ja', '/jaarcijfers'];
  const downloads = new Set();
  for (const path of pages) {
    const response = await fetch(`${url}${path}`, { headers });
    assert.equal(response.status, 200, path);
    const html = await response.text();
    assertClean(html, path);
    assert.ok(!/\/casussen\/|\/meldingen\//.test(html), `${path} links to no case or signal`);
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      const target = href.replaceAll('&amp;', '&');
      if (/\.(csv|pdf|xlsx)(\?|$)/.test(target) || target.startsWith('/cijfers/csv/')) downloads.add(target);
    }
  }
  assert.ok(downloads.size >= 20, `downloads found: ${downloads.size}`);
  for (const href of downloads) checkDownload(await fetchBinary(href, headers), href);
  // The charts are on the pages, as inline SVG with a name and a description.
  const dashboard = await (await fetch(`${url}/dashboard`, { headers })).text();
  assert.ok((dashboard.match(/<svg class="mr-chart" role="img"/g) ?? []).length >= 5, 'charts on the dashboard');
});

test('the evaluation PDF shows the headings and figures of the evaluation, and none of the personal data', async () => {
  const beleid = { authorization: `Bearer ${tokens.beleid}` };
  for (const suppress of [false, true]) {
    const query = suppress ? '?suppress=true' : '';
    const evaluation = (await api(server.url, 'GET', `/api/v1/care-evaluations/${year}${query}`, { token: tokens.beleid })).body;
    const file = await fetchBinary(`/api/v1/care-evaluations/${year}/pdf${query}`, beleid);
    assert.equal(file.status, 200);
    const drawn = pdfDrawnText(file.body);
    const where = `evaluation pdf${query}`;
    assertClean(drawn, where);
    const lines = drawn.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    for (const heading of [`Evaluatie zorgtrajecten ${year}`, `Zorgtrajecten gestart in ${year}, naar stand`,
      'Doorlooptijden van de zorgtrajecten in dagen', 'Jaaroverzicht']) {
      assert.ok(lines.some((line) => line.includes(heading)), `${where}: heading "${heading}"`);
    }
    assert.equal(lines.some((line) => line.includes('De zorgtrajecten, zonder namen')), !suppress,
      `${where}: the list of single trajectories only when not suppressed`);
    // The figures in the PDF are those of the evaluation: the same count beside each row label.
    for (const [label, value] of [['Totaal gestart', evaluation.started], ['Waarvan ooit heropend', evaluation.reopened],
      ['Nog open', evaluation.open]]) {
      if (value === 'x' && label === 'Nog open') continue;  // a withheld status group shows no rows
      // pdftotext may drop the space inside "< 5"; compare without spaces after the label.
      const shown = String(value).replace(/\s+/g, '');
      assert.ok(lines.some((line) => line.startsWith(label) && line.slice(label.length).replace(/\s+/g, '') === shown),
        `${where}: "${label}" with ${value}\n${lines.filter((line) => line.startsWith(label)).join('\n')}`);
    }
    if (!suppress) {
      assert.ok(evaluation.started >= 4 && evaluation.reopened >= 1, 'the test store has trajectories, one reopened');
    } else {
      // The subtitle wraps within the margins: read it across lines, in full (nothing runs off the page).
      assert.ok(lines.filter(Boolean).join(' ').includes('Zonder namen; kleine aantallen afgeschermd.'), `${where}: says it is suppressed`);
    }
  }
});
