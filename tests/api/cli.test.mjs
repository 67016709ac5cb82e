// The command line: usage errors exit 2 with one line on stderr; a valid `user add` works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { binary, storeArgs } from '../support/server.mjs';

let dataDir;

before(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'meldroute-cli-')); });
after(() => { if (dataDir) rmSync(dataDir, { recursive: true, force: true }); });

// `user add` works on the store the suite runs on (on PostgreSQL: a test database for dataDir).
// Standard input comes from a file, not a pipe: a command refused before it reads its input
// would otherwise race the write into the pipe and fail the spawn with EPIPE.
function run(args, input = '') {
  const store = args[0] === 'user' ? storeArgs(dataDir) : [];
  const inputFile = path.join(dataDir, 'stdin');
  writeFileSync(inputFile, input);
  const stdin = openSync(inputFile, 'r');
  try {
    return spawnSync(binary, [...args, ...store], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', timeout: 20000 });
  } finally {
    closeSync(stdin);
  }
}

function assertUsageError(result, label) {
  assert.equal(result.error, undefined, `${label}: ${result.error}`);
  assert.equal(result.status, 2, `${label}: exit code (stderr: ${result.stderr})`);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines.length, 1, `${label}: one line on stderr, got ${JSON.stringify(result.stderr)}`);
  assert.ok(lines[0].length > 10, `${label}: the line says something`);
}

test('user add with an unknown role exits 2 with one line, and adds nobody', () => {
  const result = run(['user', 'add', 'iemand', '--role', 'koning', '--data', dataDir], 'een-goed-wachtwoord\n');
  assertUsageError(result, 'unknown role');
  assert.match(result.stderr, /role/);
  // The name is still free: adding it properly succeeds.
  const ok = run(['user', 'add', 'iemand', '--role', 'melder', '--data', dataDir], 'een-goed-wachtwoord\n');
  assert.equal(ok.status, 0, ok.stderr);
});

test('user add with a bad or missing option exits 2 with one line', () => {
  assertUsageError(run(['user', 'add', 'iemand2', '--role', 'melder', '--data', dataDir, '--bogus'], 'een-goed-wachtwoord\n'),
    'unknown option');
  assertUsageError(run(['user', 'add', 'iemand2', '--data', dataDir], 'een-goed-wachtwoord\n'), 'missing --role');
  assertUsageError(run(['user', 'add', '--role', 'melder', '--data', dataDir], 'een-goed-wachtwoord\n'), 'missing name');
  assertUsageError(run(['user', 'add', 'iemand2', '--role', 'melder', '--data', dataDir], 'kort\n'), 'short password');
  assertUsageError(run(['user', 'add', 'iemand met spatie', '--role', 'melder', '--data', dataDir], 'een-goed-wachtwoord\n'),
    'bad user name');
});

test('adding the same user twice fails (not a usage error) without changing the account', () => {
  const again = run(['user', 'add', 'iemand', '--role', 'beleid', '--data', dataDir], 'een-ander-wachtwoord\n');
  assert.notEqual(again.status, 0);
  assert.equal(again.stderr.trim().split('\n').length, 1);
});

test('serve --listen bogus exits 2 with one line', () => {
  const dir = path.join(dataDir, 'serve-bogus');
  for (const listen of ['bogus', '127.0.0.1:notaport', '127.0.0.1:70000']) {
    const result = run(['serve', '--data', dir, '--listen', listen]);
    assertUsageError(result, `--listen ${listen}`);
  }
  assert.ok(!existsSync(path.join(dir, 'meldroute.db')), 'no store is created for a refused command line');
});

test('serve --demo on a non-loopback address and unknown commands exit 2', () => {
  assertUsageError(run(['serve', '--data', path.join(dataDir, 'demo'), '--listen', '0.0.0.0:0', '--demo']), '--demo public');
  assertUsageError(run(['frobnicate']), 'unknown command');
  assertUsageError(run([]), 'no command');
  assertUsageError(run(['serve', '--data', path.join(dataDir, 'x'), '--verbose']), 'unknown serve option');
});
