// Backup and restore: `meldroute backup` copies the store while the server writes to it, `meldroute restore`
// swaps the copy into a new directory after checking it, and a server started there serves the same data with an
// intact audit trail. Restore refuses a running store, a non-empty target without --force and a tampered backup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { binary, startServer, signIn, api, onPostgres, rawSql, storeArgs } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';

const run = promisify(execFile);
let work;
let source;
const servers = [];

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'meldroute-backup-'));
  source = await startServer();
  servers.push(source);
});

after(async () => {
  for (const server of servers) await server.stop();
  source?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const cli = (args) => spawnSync(binary, args, { encoding: 'utf8', timeout: 60000 });
const dump = (file) => spawnSync('sqlite3', [file, '.dump'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;

// On SQLite `backup` copies the embedded file and `restore` swaps the copy into a data directory; on PostgreSQL
// `backup` signs pg_dump's archive and `restore` checks it and runs pg_restore into an empty database.
const sqliteOnly = { skip: onPostgres && 'the SQLite file; the PostgreSQL archive has tests of its own below' };
const postgresOnly = { skip: !onPostgres && 'PostgreSQL only' };
const tablesOf = (dir) => Number(rawSql(dir, 'SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()'));

// Files 20 signals, then runs `meldroute backup` with `args` while a writer keeps filing more; returns the signals
// filed before, the ids filed during the backup, and the command's output.
async function backupWhileWriting(args) {
  const token = await signIn(source.url, 'melder');
  const before = [];
  for (let index = 0; index < 20; index += 1) {
    before.push(await fileSignal(source.url, token, { narrative: `Back-up ${index}: werkt zeven dagen per week.` }));
  }
  let writing = true;
  const during = [];
  const writer = (async () => {
    for (let index = 0; writing; index += 1) {
      const response = await api(source.url, 'POST', '/api/v1/signals', { token,
        body: { channel: 'telefoon', narrative: `Tijdens de back-up ${index}.`, indicatorCodes: ['ALG-01'] } });
      assert.equal(response.status, 201);
      during.push(response.body.id);
    }
  })();
  try {
    const { stdout } = await run(binary, ['backup', '--data', source.dataDir, ...args]);
    return { before, during, stdout };
  } finally {
    writing = false;
    await writer;
  }
}

test('on PostgreSQL, a signed archive taken while the server writes restores into an empty database', postgresOnly,
  async () => {
    const backupFile = path.join(work, 'meldroute-backup.pgdump');
    const { before, during, stdout } = await backupWhileWriting([...storeArgs(source.dataDir), '--to', backupFile]);
    assert.match(stdout, /backup written .*signed/);
    assert.ok(during.length > 0, 'writes ran during the backup');
    assert.equal(readdirSync(work).filter((name) => name.startsWith('.')).length, 0, 'no partial file is left');
    const again = cli(['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to', backupFile]);
    assert.equal(again.status, 2, again.stderr);

    // Without the keys nothing is restored: the archive's signature is checked with them.
    const target = path.join(work, 'pg-restored');
    const keyless = cli(['restore', '--from', backupFile, '--data', target, ...storeArgs(target)]);
    assert.equal(keyless.status, 1, keyless.stdout + keyless.stderr);
    assert.match(keyless.stderr, /restore the keys directory/);
    assert.equal(tablesOf(target), 0, 'nothing was restored without keys');
    cpSync(path.join(source.dataDir, 'keys'), path.join(target, 'keys'), { recursive: true });
    const restored = cli(['restore', '--from', backupFile, '--data', target, ...storeArgs(target)]);
    assert.equal(restored.status, 0, restored.stdout + restored.stderr);
    assert.match(restored.stdout, /audit trail of the backup intact/);
    assert.equal(readdirSync(target).filter((name) => name.startsWith('.')).length, 0, 'its copy is removed');
    const verified = cli(['audit', 'verify', '--data', target, ...storeArgs(target)]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);

    const copy = await startServer({ demo: true, dataDir: target });
    servers.push(copy);
    const reader = await signIn(copy.url, 'af');
    const ids = new Set((await api(copy.url, 'GET', '/api/v1/signals?limit=500', { token: reader })).body
      .map((signal) => signal.id));
    for (const signal of before) {
      const read = await api(copy.url, 'GET', `/api/v1/signals/${signal.id}`, { token: reader });
      assert.equal(read.body.narrative, signal.narrative, `signal ${signal.id} from before the backup`);
    }
    const original = new Set((await api(source.url, 'GET', '/api/v1/signals?limit=500',
      { token: await signIn(source.url, 'af') })).body.map((signal) => signal.id));
    assert.deepEqual([...ids].filter((id) => !original.has(id)), [], 'the copy holds nothing the original lacks');
    const chain = await api(copy.url, 'GET', '/api/v1/audit-events/verification',
      { token: await signIn(copy.url, 'auditor') });
    assert.equal(chain.body.valid, true);
  });

test('on PostgreSQL, restore refuses a changed archive, a database with tables, --force and a foreign file',
  postgresOnly, async () => {
    const backupFile = path.join(work, 'second.pgdump');
    assert.equal(cli(['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to', backupFile]).status, 0);
    const withKeys = (name) => {
      const dir = path.join(work, name);
      cpSync(path.join(source.dataDir, 'keys'), path.join(dir, 'keys'), { recursive: true });
      return dir;
    };
    // One byte changed in the middle of the archive: the signature no longer holds and nothing is restored.
    const tampered = path.join(work, 'tampered.pgdump');
    const bytes = readFileSync(backupFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(tampered, bytes);
    const fresh = withKeys('pg-fresh');
    const refused = cli(['restore', '--from', tampered, '--data', fresh, ...storeArgs(fresh)]);
    assert.equal(refused.status, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, /was changed after it was written/);
    assert.equal(tablesOf(fresh), 0, 'nothing was restored');

    assert.equal(cli(['restore', '--from', backupFile, '--data', fresh, ...storeArgs(fresh)]).status, 0);
    const occupied = cli(['restore', '--from', backupFile, '--data', fresh, ...storeArgs(fresh)]);
    assert.equal(occupied.status, 2, occupied.stderr);
    assert.match(occupied.stderr, /empty database/);
    const forced = cli(['restore', '--from', backupFile, '--data', fresh, ...storeArgs(fresh), '--force']);
    assert.equal(forced.status, 2, forced.stderr);

    const other = withKeys('pg-other');
    const foreign = cli(['restore', '--from', path.join(source.dataDir, 'keys', 'link.key'), '--data', other,
      ...storeArgs(other)]);
    assert.equal(foreign.status, 2, foreign.stderr);
    assert.match(foreign.stderr, /not a meldroute backup/);
    assert.equal(cli(['restore', '--from', path.join(work, 'missing.pgdump'), '--data', other,
      ...storeArgs(other)]).status, 2);
    assert.equal(tablesOf(other), 0);
  });

// Stand-ins for pg_dump and pg_restore, first on PATH: each writes its process id to $STAND_IN_PID, may plant a
// file at $STAND_IN_PLANT, then sleeps $STAND_IN_SLEEP seconds or becomes the real tool.
function standInTools() {
  const dir = path.join(work, 'stand-ins');
  if (existsSync(dir)) return dir;
  mkdirSync(dir);
  for (const tool of ['pg_dump', 'pg_restore']) {
    const real = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    assert.ok(real, `${tool} is installed`);
    writeFileSync(path.join(dir, tool), [
      '#!/bin/sh',
      'echo $$ > "$STAND_IN_PID"',
      '[ -z "$STAND_IN_PLANT" ] || echo planted > "$STAND_IN_PLANT"',
      '[ -z "$STAND_IN_SLEEP" ] || exec sleep "$STAND_IN_SLEEP"',
      `exec ${real} "$@"`, ''].join('\n'), { mode: 0o755 });
  }
  return dir;
}

const standInEnv = (extra) => ({ ...process.env, PATH: `${standInTools()}:${process.env.PATH}`, ...extra });

// Whether process `pid` runs (a zombie that nobody has reaped yet has ended).
function running(pid) {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return false;
  }
}

async function waitFor(condition, what) {
  for (let waited = 0; !condition(); waited += 20) {
    assert.ok(waited < 30000, `waited 30 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('on PostgreSQL, a backup target made while pg_dump runs is not replaced without --force', postgresOnly, () => {
  const target = path.join(work, 'planted.pgdump');
  const planted = spawnSync(binary, ['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to', target],
    { encoding: 'utf8', timeout: 60000,
      env: standInEnv({ STAND_IN_PID: path.join(work, 'planting.pid'), STAND_IN_PLANT: target }) });
  assert.equal(planted.status, 2, planted.stdout + planted.stderr);
  assert.match(planted.stderr, /exists; add --force/);
  assert.equal(readFileSync(target, 'utf8'), 'planted\n', 'the file made meanwhile is kept');
  assert.deepEqual(readdirSync(work).filter((name) => name.includes('partial')), [], 'no partial file is left');
});

test('on PostgreSQL, pg_dump and pg_restore end with a backup or restore killed by SIGKILL', postgresOnly,
  async () => {
    const backupFile = path.join(work, 'before-kill.pgdump');
    assert.equal(cli(['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to', backupFile]).status, 0);
    const target = path.join(work, 'pg-killed');
    cpSync(path.join(source.dataDir, 'keys'), path.join(target, 'keys'), { recursive: true });
    const commands = {
      pg_dump: ['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to',
        path.join(work, 'killed.pgdump')],
      pg_restore: ['restore', '--from', backupFile, '--data', target, ...storeArgs(target)],
    };
    for (const [tool, args] of Object.entries(commands)) {
      const pidFile = path.join(work, `${tool}.pid`);
      const command = spawn(binary, args, { stdio: 'ignore', env: standInEnv({ STAND_IN_PID: pidFile,
        STAND_IN_SLEEP: '120' }) });
      const ended = new Promise((resolve) => command.on('exit', resolve));
      await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), `${tool} to start`);
      const toolPid = Number(readFileSync(pidFile, 'utf8'));
      try {
        assert.ok(running(toolPid), `${tool} runs`);
        command.kill('SIGKILL');
        await ended;
        await waitFor(() => !running(toolPid), `${tool} to end with the ${args[0]} that started it`);
      } finally {
        if (running(toolPid)) process.kill(toolPid, 'SIGKILL');
      }
    }
    assert.equal(cli(['restore', '--from', backupFile, '--data', target, ...storeArgs(target)]).status, 0,
      'a second restore into the same database runs');
  });

test('a backup taken while the server writes restores into a new directory with the same data and audit trail', sqliteOnly, async () => {
  // Writers keep going while the backup runs.
  const backupFile = path.join(work, 'meldroute-backup.db');
  const { before, during, stdout } = await backupWhileWriting(['--to', backupFile]);
  assert.match(stdout, /backup written/);
  assert.ok(during.length > 0, 'writes ran during the backup');
  assert.equal(readdirSync(work).filter((name) => name.startsWith('.')).length, 0, 'no partial file is left');

  // A second backup onto the same name needs --force.
  const again = cli(['backup', '--data', source.dataDir, '--to', backupFile]);
  assert.equal(again.status, 2, again.stderr);

  const target = path.join(work, 'restored');
  // The keys are backed up apart from the database. Without them, restore refuses: it could not read the backup.
  const keyless = cli(['restore', '--from', backupFile, '--data', target]);
  assert.equal(keyless.status, 1, keyless.stdout + keyless.stderr);
  assert.match(keyless.stderr, /restore the keys directory/);
  assert.ok(!existsSync(path.join(target, 'meldroute.db')), 'nothing was restored without keys');
  // Put them back as the operator would, then restore.
  cpSync(path.join(source.dataDir, 'keys'), path.join(target, 'keys'), { recursive: true });
  // What restores stopped by kill -9 left, here and on another host sharing the directory: restore holds the
  // directory's lock, so no other restore can be writing them.
  const leftovers = [`.meldroute.db.restoring-${hostname()}-${spawnSync('true').pid}`,
    `.meldroute.db.restoring-${hostname()}-${process.pid}-wal`, '.meldroute.db.restoring-elsewhere-77'];
  for (const name of [...leftovers, '.meldroute.db.restoring-notes']) writeFileSync(path.join(target, name), 'half');
  const restored = cli(['restore', '--from', backupFile, '--data', target]);
  assert.equal(restored.status, 0, restored.stderr);
  assert.deepEqual(readdirSync(target).filter((name) => name.startsWith('.meldroute.db.restoring-')),
    ['.meldroute.db.restoring-notes'], 'the leftovers of stopped restores are removed, a name not of that form kept');
  assert.match(restored.stdout, /audit trail of the backup intact/);
  assert.equal(dump(path.join(target, 'meldroute.db')), dump(backupFile), 'the restored database is the backup');
  const verified = cli(['audit', 'verify', '--data', target]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /audit trail intact/);

  // In demo mode the demo accounts sign in without a second factor; the store is not empty, so nothing is seeded.
  const copy = await startServer({ demo: true, dataDir: target });
  servers.push(copy);
  const reader = await signIn(copy.url, 'af');
  const listed = (await api(copy.url, 'GET', '/api/v1/signals?limit=500', { token: reader })).body;
  const ids = new Set(listed.map((signal) => signal.id));
  for (const signal of before) {
    assert.ok(ids.has(signal.id), `signal ${signal.id} from before the backup is restored`);
    const read = await api(copy.url, 'GET', `/api/v1/signals/${signal.id}`, { token: reader });
    assert.equal(read.body.narrative, signal.narrative);
  }
  const original = (await api(source.url, 'GET', '/api/v1/signals?limit=500', { token: await signIn(source.url, 'af') })).body;
  const originalIds = new Set(original.map((signal) => signal.id));
  assert.deepEqual([...ids].filter((id) => !originalIds.has(id)), [], 'the copy holds nothing the original lacks');
  const auditor = await signIn(copy.url, 'auditor');
  const chain = await api(copy.url, 'GET', '/api/v1/audit-events/verification', { token: auditor });
  assert.equal(chain.body.valid, true);
});

test('restore refuses a running store, a non-empty target without --force, and a tampered backup', sqliteOnly, async () => {
  const backupFile = path.join(work, 'second.db');
  assert.equal(cli(['backup', '--data', source.dataDir, '--to', backupFile]).status, 0);

  const running = cli(['restore', '--from', backupFile, '--data', source.dataDir, '--force']);
  assert.equal(running.status, 1, running.stderr);
  assert.match(running.stderr, /running/);

  const target = path.join(work, 'occupied');
  cpSync(path.join(source.dataDir, 'keys'), path.join(target, 'keys'), { recursive: true });
  assert.equal(cli(['restore', '--from', backupFile, '--data', target]).status, 0);
  const occupied = cli(['restore', '--from', backupFile, '--data', target]);
  assert.equal(occupied.status, 2, occupied.stderr);
  assert.match(occupied.stderr, /--force/);
  const forced = cli(['restore', '--from', backupFile, '--data', target, '--force']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(readdirSync(target).some((name) => name.startsWith('replaced-')), 'the replaced database is kept aside');

  // An insider edits an audit record in the backup: the chain no longer verifies and nothing is restored.
  const tampered = path.join(work, 'tampered.db');
  cpSync(backupFile, tampered);
  const edit = spawnSync('sqlite3', [tampered,
    "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'iemand' WHERE sequence = 2;"],
  { encoding: 'utf8' });
  assert.equal(edit.status, 0, edit.stderr);
  const fresh = path.join(work, 'fresh');
  cpSync(path.join(source.dataDir, 'keys'), path.join(fresh, 'keys'), { recursive: true });
  const refused = cli(['restore', '--from', tampered, '--data', fresh]);
  assert.equal(refused.status, 1, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /audit trail .* broken/);
  assert.ok(!existsSync(path.join(fresh, 'meldroute.db')), 'nothing was restored');
  assert.equal(cli(['restore', '--from', path.join(work, 'missing.db'), '--data', fresh]).status, 2);
});

test('a backup removes what an interrupted backup of this host left beside its target, and nothing else', async () => {
  const directory = mkdtempSync(path.join(work, 'leftovers-'));
  const target = path.join(directory, 'nightly.backup');
  // The process ids of processes that have ended (Linux hands out ids in turn, so they are not reused at once,
  // and the backup's own is higher).
  const [endedFirst, ended] = [spawnSync('true').pid, spawnSync('true').pid];
  const host = hostname();
  const names = {
    interrupted: `.nightly.backup.partial-${host}-${ended}`,
    interruptedJournal: `.nightly.backup.partial-${host}-${ended}-journal`,
    // Written a moment ago: perhaps by a backup in a container under the same host name.
    recent: `.nightly.backup.partial-${host}-${endedFirst}`,
    running: `.nightly.backup.partial-${host}-${process.pid}`,
    otherHost: `.nightly.backup.partial-${host}-1-${ended}`,
    otherTarget: `.weekly.backup.partial-${host}-${ended}`,
  };
  const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
  for (const [key, name] of Object.entries(names)) {
    writeFileSync(path.join(directory, name), 'half a copy');
    if (key !== 'recent') utimesSync(path.join(directory, name), twoHoursAgo, twoHoursAgo);
  }

  const backup = cli(['backup', '--data', source.dataDir, ...storeArgs(source.dataDir), '--to', target]);
  assert.equal(backup.status, 0, backup.stdout + backup.stderr);
  assert.match(backup.stdout, /removed .*partial.*, left by an interrupted run/);
  assert.deepEqual(readdirSync(directory).sort(),
    [names.recent, names.running, names.otherHost, names.otherTarget, 'nightly.backup'].sort());
});
