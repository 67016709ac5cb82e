// Starts a real meldroute server on a free loopback port with a fresh data directory, for API and browser tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Every test server's output (stdout and stderr) is kept here, for tests/api/zz-log-scan.test.mjs:
 * MELDROUTE_TEST_LOGS when set (make test gives each pass its own, as passes run side by side), else build/test-logs.
 */
export const logDir = process.env.MELDROUTE_TEST_LOGS
  ? path.resolve(root, process.env.MELDROUTE_TEST_LOGS)
  : path.join(root, 'build', 'test-logs');

export const binary = process.env.MELDROUTE_BINARY
  ? path.resolve(root, process.env.MELDROUTE_BINARY)
  : path.join(root, 'build', 'meldroute');

/**
 * With MELDROUTE_TEST_STORE=postgresql every started server gets a fresh database on the PostgreSQL server that
 * MELDROUTE_TEST_PG names (make test starts a throwaway one with tools/pg-cluster.sh); the data directory still
 * holds the keys. Without it, the embedded SQLite store in the data directory.
 */
export const onPostgres = process.env.MELDROUTE_TEST_STORE === 'postgresql';
if (onPostgres && !process.env.MELDROUTE_TEST_PG) {
  throw new Error('MELDROUTE_TEST_STORE=postgresql needs MELDROUTE_TEST_PG (a postgresql:// URL of a test server)');
}
// The file in a data directory that remembers which test database belongs to it (a restart reuses it).
const storeUrlFile = (dir) => path.join(dir, 'test-store-url');
let databaseCounter = 0;

/** `url` with its database name replaced by `database`. */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function psql(url, sql) {
  return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', url, '-c', sql], { encoding: 'utf8' });
}

/**
 * The arguments that point a meldroute command at the store of data directory `dir`: `--store URL` on
 * PostgreSQL (creating the test database the first time), nothing on SQLite.
 */
export function storeArgs(dir) {
  if (!onPostgres) return [];
  const file = storeUrlFile(dir);
  if (existsSync(file)) return ['--store', readFileSync(file, 'utf8').trim()];
  const name = `meldroute_api_${process.pid}_${++databaseCounter}_${randomBytes(3).toString('hex')}`;
  psql(process.env.MELDROUTE_TEST_PG, `CREATE DATABASE ${name}`);
  const url = withDatabase(process.env.MELDROUTE_TEST_PG, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(storeUrlFile(dir), `${url}\n`, { mode: 0o600 });
  return ['--store', url];
}

/** Drops the test database of data directory `dir` (PostgreSQL only). */
export function dropStore(dir) {
  if (!onPostgres || !existsSync(storeUrlFile(dir))) return;
  const name = new URL(readFileSync(storeUrlFile(dir), 'utf8').trim()).pathname.slice(1);
  try { psql(process.env.MELDROUTE_TEST_PG, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* cluster gone */ }
}

/**
 * Runs one SQL query on the raw store of data directory `dir` (read-only on SQLite) and returns its output,
 * rows on lines, columns separated by |: sqlite3 on DATA/meldroute.db, psql on the test database.
 */
export function rawSql(dir, query, { readOnly = true } = {}) {
  if (onPostgres) return psql(storeArgs(dir)[1], query).trim();
  const result = spawnSync('sqlite3', [...(readOnly ? ['-readonly'] : []), path.join(dir, 'meldroute.db'), query],
    { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * The raw content of the store of data directory `dir`, to search for plaintext: on SQLite the bytes of the
 * database file and its write-ahead log; on PostgreSQL a `pg_dump` of the test database (what a copy of the
 * database holds; the cluster's own files are not read).
 */
export function rawStoreBytes(dir) {
  if (onPostgres) {
    return execFileSync('pg_dump', ['--no-owner', storeArgs(dir)[1]], { maxBuffer: 256 * 1024 * 1024 });
  }
  const parts = ['meldroute.db', 'meldroute.db-wal']
    .map((name) => path.join(dir, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file));
  return Buffer.concat(parts);
}

/**
 * Starts `meldroute serve` and resolves once it prints its URL.
 * With `embedded`, the server runs on the SQLite file in its data directory whatever the suite's store.
 * @param {{demo?: boolean, dataDir?: string, args?: string[], listen?: string, store?: string, embedded?: boolean}} options
 * @returns {Promise<{url: string, dataDir: string, process: import('node:child_process').ChildProcess,
 *   output: () => string, stop: (signal?: string) => Promise<number|null>, cleanup: () => void,
 *   restart: () => Promise<object>}>}
 */
export async function startServer({ demo = true, dataDir, args = [], listen = '127.0.0.1:0', store, embedded = false } = {}) {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'meldroute-test-'));
  // A store given by the caller (another instance's) is not this server's to create or drop.
  const storeArgv = embedded ? [] : store ? ['--store', store] : storeArgs(dir);
  const argv = ['serve', '--data', dir, '--listen', listen, ...(demo ? ['--demo'] : []), ...storeArgv, ...args];
  const child = spawn(binary, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    child.on('error', (error) => { clearTimeout(timer); reject(new Error(`server could not be spawned: ${error.message}`)); });
    const onData = () => {
      const match = output.match(/listening on (http:\/\/[^\s"]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${output}`)); });
  }).catch((error) => {
    // A server that did not come up leaves no process and, when the directory was ours, no directory.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!dataDir) {
      if (!store) dropStore(dir);
      rmSync(dir, { recursive: true, force: true });
    }
    throw error;
  });
  // 'close', not 'exit': only then has all of the server's output been read (its last lines included).
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return {
    url,
    dataDir: dir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      mkdirSync(logDir, { recursive: true });
      appendFileSync(path.join(logDir, `server-${process.pid}.log`), output);
      return code;
    },
    cleanup() {
      if (!store) dropStore(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    /**
     * Stops this server and starts a new process on the same data directory, store, address and options: what
     * an instance must keep in the store (not in memory) survives this.
     */
    async restart() {
      await this.stop();
      return startServer({ demo, dataDir: dir, args, listen: new URL(url).host, store, embedded });
    },
  };
}

/**
 * Starts another instance on the same store as `first`, as a second server behind a load balancer would run:
 * a data directory of its own (for its lock) with a copy of the first one's keys, and the first one's
 * PostgreSQL test database. Instances behind one load balancer run with the same settings, so the second is a
 * demo server like the first by default (demo data goes only into an empty store; the demo accounts' exemption
 * from the second factor must hold on both). An SQLite store belongs to one data directory and one server, so on
 * SQLite this refuses.
 * @param {{dataDir: string}} first
 * @param {{demo?: boolean, args?: string[]}} options
 */
export async function startSecondInstance(first, { demo = true, args = [] } = {}) {
  if (!onPostgres) throw new Error('a second instance needs a shared store; SQLite serves one instance');
  const dir = mkdtempSync(path.join(tmpdir(), 'meldroute-instance-'));
  cpSync(path.join(first.dataDir, 'keys'), path.join(dir, 'keys'), { recursive: true });
  try {
    return await startServer({ demo, dataDir: dir, args, store: storeArgs(first.dataDir)[1] });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Signs in through the API and returns the bearer token. */
export async function signIn(url, username, password = 'demo-password') {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return (await response.json()).token;
}

/** A small fetch wrapper: JSON in, {status, headers, body} out (body parsed when JSON). */
/** A node:http response handler that resolves with {status, headers, body} (body parsed when JSON). */
function collectResponse(resolve) {
  return (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => {
      const type = res.headers['content-type'] ?? '';
      resolve({ status: res.statusCode, headers: new Headers(res.headers),
        body: type.includes('json') && text.length > 0 ? JSON.parse(text) : text });
    });
  };
}

export async function api(url, method, pathName, { token, body, rawBody, headers = {} } = {}) {
  const response = await fetch(`${url}${pathName}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined),
  });
  const text = await response.text();
  let parsed = text;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && text.length > 0) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Signs in each of `usernames` (demo password by default) and returns {username: token}. */
export async function signInAll(url, usernames, password = 'demo-password') {
  const tokens = {};
  for (const username of usernames) tokens[username] = await signIn(url, username, password);
  return tokens;
}

/**
 * Like `api`, but over node:http from a chosen loopback source address (e.g. '127.0.0.9'), so that
 * per-address limits (the anonymous form) can be exercised without tripping over each other.
 */
export async function apiFrom(url, localAddress, method, pathName, { token, body, rawBody, headers = {} } = {}) {
  const { request } = await import('node:http');
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.hostname, port: target.port, path: pathName, method, localAddress,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
    }, collectResponse(resolve));
    req.on('error', reject);
    req.end(body !== undefined ? JSON.stringify(body) : rawBody);
  });
}

/** Asserts an RFC 9457 problem answer with `status` and returns its body. */
export function assertProblem(response, status, message = '') {
  const where = message ? `${message}: ` : '';
  if (response.status !== status) {
    throw new Error(`${where}expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`${where}content-type is ${type}`);
  const body = response.body;
  for (const field of ['type', 'title', 'status', 'detail']) {
    if (body === null || typeof body !== 'object' || !(field in body)) {
      throw new Error(`${where}problem lacks "${field}": ${JSON.stringify(body)}`);
    }
  }
  if (body.status !== status) throw new Error(`${where}problem.status ${body.status} != ${status}`);
  if (typeof body.title !== 'string' || typeof body.detail !== 'string' || typeof body.type !== 'string') {
    throw new Error(`${where}problem fields are not strings: ${JSON.stringify(body)}`);
  }
  if (status === 400 && !Array.isArray(body.invalidParams)) {
    throw new Error(`${where}400 without invalidParams: ${JSON.stringify(body)}`);
  }
  return body;
}

/** An ISO date `days` from today (UTC), e.g. for feedbackDue. */
export function isoDate(days = 0) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/**
 * POSTs a raw body the way curl sends large bodies: with `Expect: 100-continue`, writing the body once
 * the server says continue (or, like curl, after waiting a second for it). A server that refuses on
 * Content-Length alone (413) answers first, so the answer is read without racing the upload.
 */
export async function postExpectContinue(url, pathName, rawBody, { token } = {}) {
  const { request } = await import('node:http');
  const target = new URL(url);
  const payload = Buffer.from(rawBody);
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.hostname, port: target.port, path: pathName, method: 'POST',
      headers: {
        'content-type': 'application/json', 'content-length': payload.length, expect: '100-continue',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }, collectResponse(resolve));
    let sent = false;
    const send = () => { if (!sent) { sent = true; req.end(payload); } };
    const timer = setTimeout(send, 1000);
    req.on('continue', () => { clearTimeout(timer); send(); });
    req.on('response', () => clearTimeout(timer));
    req.on('error', (error) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * A metrics token in a file of its own, and the serve flags that turn /metrics on with it.
 * @returns {{token: string, file: string, args: string[]}}
 */
export function metricsToken() {
  const dir = mkdtempSync(path.join(tmpdir(), 'meldroute-metrics-'));
  // The test's servers read the file while they start; it goes when the test process ends.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const token = `metrics-${randomBytes(24).toString('hex')}`;
  const file = path.join(dir, 'metrics.token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, file, args: ['--metrics', '--metrics-token-file', file] };
}
