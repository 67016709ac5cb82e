// Starts a real meldroute server on a free loopback port with a fresh data directory, for API and browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = process.env.MELDROUTE_BINARY
  ? path.resolve(root, process.env.MELDROUTE_BINARY)
  : path.join(root, 'build', 'meldroute');

/**
 * Starts `meldroute serve` and resolves once it prints its URL.
 * @param {{demo?: boolean, dataDir?: string, args?: string[]}} options
 * @returns {Promise<{url: string, dataDir: string, process: import('node:child_process').ChildProcess,
 *   output: () => string, stop: (signal?: string) => Promise<number|null>, cleanup: () => void}>}
 */
export async function startServer({ demo = true, dataDir, args = [] } = {}) {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'meldroute-test-'));
  const argv = ['serve', '--data', dir, '--listen', '127.0.0.1:0', ...(demo ? ['--demo'] : []), ...args];
  const child = spawn(binary, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = () => {
      const match = output.match(/listening on (http:\/\/[^\s]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${output}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url,
    dataDir: dir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
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
