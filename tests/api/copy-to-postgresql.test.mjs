// `meldroute copy-to-postgresql`: a municipality moving to a regional deployment copies its embedded store into
// a new PostgreSQL database, and a server on that database serves the same signals, cases and audit trail and
// goes on filing. The copy refuses a running server, a database that holds tables and a URL that is none, and
// changes nothing when it refuses. Runs in the PostgreSQL pass (it needs a PostgreSQL server).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { binary, startServer, signIn, api, onPostgres } from '../support/server.mjs';
import { fileSignal, buildCase, getCase } from '../support/route.mjs';

const skip = !onPostgres && 'needs a PostgreSQL server (the PostgreSQL pass)';
const cleanups = [];
after(() => { for (const cleanup of cleanups.reverse()) cleanup(); });

const cli = (args) => spawnSync(binary, args, { encoding: 'utf8', timeout: 120000 });
const psql = (url, sql) => execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', url, '-c', sql],
  { encoding: 'utf8' }).trim();

function freshDatabase() {
  const name = `meldroute_copy_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  psql(process.env.MELDROUTE_TEST_PG, `CREATE DATABASE ${name}`);
  cleanups.push(() => {
    try { psql(process.env.MELDROUTE_TEST_PG, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* gone */ }
  });
  const url = new URL(process.env.MELDROUTE_TEST_PG);
  url.pathname = `/${name}`;
  return url.toString();
}

const tablesIn = (url) => Number(psql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

async function snapshot(url, token, caseId) {
  const signals = await api(url, 'GET', '/api/v1/signals?limit=500', { token });
  assert.equal(signals.status, 200);
  const cases = await api(url, 'GET', '/api/v1/cases', { token });
  assert.equal(cases.status, 200);
  return { signals: signals.body, cases: cases.body, detail: await getCase(url, token, caseId) };
}

test('an embedded store copied to PostgreSQL serves the same signals, cases and audit trail, and goes on', { skip }, async () => {
  const source = await startServer({ embedded: true });
  cleanups.push(() => source.cleanup());
  const dir = source.dataDir;
  const melder = await signIn(source.url, 'melder');
  const af = await signIn(source.url, 'af');
  const filed = await fileSignal(source.url, melder, { narrative: 'Een bericht met\ttab, nieuwe\nregel en \\ schuine streep.' });
  const other = await fileSignal(source.url, melder);
  const { caseId } = await buildCase(source.url, af, [filed.id, other.id], 'doorgezet');
  const before = await snapshot(source.url, af, caseId);
  const figuresPath = '/api/v1/statistics?from=2020-01-01&to=2030-12-31';
  const figuresBefore = await api(source.url, 'GET', figuresPath, { token: await signIn(source.url, 'beleid') });
  assert.equal(figuresBefore.status, 200);
  const target = freshDatabase();

  // While the server runs on the directory, the copy is refused and the database stays empty.
  const whileRunning = cli(['copy-to-postgresql', '--data', dir, '--to', target]);
  assert.notEqual(whileRunning.status, 0, 'refused while a server runs');
  assert.equal(whileRunning.stderr.trim().split('\n').length, 1, whileRunning.stderr);
  assert.equal(tablesIn(target), 0);
  await source.stop();

  const copied = cli(['copy-to-postgresql', '--data', dir, '--to', target]);
  assert.equal(copied.status, 0, copied.stderr);
  assert.match(copied.stdout, /copied \d+ rows of \d+ tables/);
  assert.ok(!copied.stdout.includes(target), 'the URL is never printed');
  // The figures of each case are computed once at the end of the copy, and the triggers keep them from then on.
  assert.equal(psql(target, 'SELECT count(*) FROM case_figures'), psql(target, 'SELECT count(*) FROM cases'));
  assert.equal(psql(target, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'case_figures_%' AND tgenabled = 'O'"),
    '24');
  // The copied rows are frozen and their pages visible to all at once (COPY FREEZE), so the figures' index-only
  // scans need no VACUUM first.
  // The new signals' search terms are still pending (fewer than a fold's worth since the server started), so
  // signal_terms may be empty.
  psql(target, 'ANALYZE signals, signal_terms, signal_terms_pending');
  assert.ok(Number(psql(target, 'SELECT count(*) FROM signal_terms_pending')) > 0);
  assert.equal(psql(target, "SELECT string_agg(relname || ' ' || (relallvisible = relpages AND (relpages > 0 OR "
    + "relname = 'signal_terms')), ',' ORDER BY relname) FROM pg_class "
    + "WHERE relname IN ('signals', 'signal_terms', 'signal_terms_pending')"),
  'signal_terms true,signal_terms_pending true,signals true');

  const moved = await startServer({ dataDir: dir, store: target });
  try {
    const af2 = await signIn(moved.url, 'af');
    const after = await snapshot(moved.url, af2, caseId);
    assert.deepEqual(after.signals, before.signals);
    assert.deepEqual(after.cases, before.cases);
    assert.deepEqual(after.detail, before.detail);
    const figuresAfter = await api(moved.url, 'GET', figuresPath, { token: await signIn(moved.url, 'beleid') });
    assert.deepEqual(figuresAfter.body, figuresBefore.body, 'the same figures from the copied store');
    assert.ok(after.detail.signals.some((signal) => signal.narrative.includes('\ttab, nieuwe\nregel en \\ schuine')),
      'tabs, newlines and backslashes arrive as they were');
    // New rows continue after the copied keys.
    const melder2 = await signIn(moved.url, 'melder');
    const next = await fileSignal(moved.url, melder2);
    assert.ok(before.signals.length > 2 && !before.signals.some((signal) => signal.id === next.id));
  } finally {
    await moved.stop();
  }
  const verified = cli(['audit', 'verify', '--data', dir, '--store', target]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /audit trail intact/);

  // A second copy into the now-used database is refused and changes nothing there.
  const signalsBefore = psql(target, 'SELECT count(*) FROM signals');
  const again = cli(['copy-to-postgresql', '--data', dir, '--to', target]);
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /holds tables/);
  assert.equal(psql(target, 'SELECT count(*) FROM signals'), signalsBefore);
});

test('copy-to-postgresql with a bad --to or --data exits 2 with one line', { skip }, () => {
  for (const args of [['--data', '/nonexistent-meldroute-dir', '--to', freshDatabase()],
    ['--data', '/tmp', '--to', 'mysql://example/db'], ['--data', '/tmp']]) {
    const result = cli(['copy-to-postgresql', ...args]);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  }
});
