// Runs last (file order): the output of every test server of this API run must hold none of the personal
// data the tests filed. Servers append their output to their pass's log directory (MELDROUTE_TEST_LOGS, default build/test-logs) when stopped (tests/support/server.mjs);
// `make api-test` empties that directory first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { logDir } from '../support/server.mjs';

// Names, phone numbers, addresses, narrative words and passwords that API tests put into signals, cases and
// accounts. (The demo password is public by contract: demo mode prints it at start.)
const PERSONAL = [
  'Verwerkina', 'LOGBOEKGEHEIM', 'STATGEHEIM', 'Statistica Persoonlijk', '0316-123456', 'Statlandse',
  'Catalogustest', 'Rollentest', 'Drie mannen slapen in een bedrijfshal', 'een-lang-genoeg-wachtwoord',
  'Industrieweg', '6902 AA', 'Anna Fokkema', 'Zoë Rolloos', 'Bert Linders',
  // tests/api/retention.test.mjs: destroyed, inspected and rectified persons, hold reasons.
  'Retentiewoud', 'Distelhoeve', 'Hendrik Bewaarplicht', 'Inzageveld', 'Anderpersoon', 'Foutgespeld', 'Goedgespeld',
  'OM-kenmerk', 'Losmelding', '0687650001',
];

test('no server log of this run holds personal data, a password or a token', () => {
  let files = [];
  try {
    files = readdirSync(logDir).filter((name) => name.endsWith('.log'));
  } catch {
    files = [];
  }
  assert.ok(files.length >= 5, `expected the logs of this run's servers in ${logDir}, found ${files.length}`);
  const logs = files.map((name) => readFileSync(path.join(logDir, name), 'utf8')).join('\n');
  assert.ok(logs.includes('listening on'), 'the logs are the servers\' output');
  for (const secret of PERSONAL) assert.ok(!logs.includes(secret), `"${secret}" appears in a server log`);
  assert.doesNotMatch(logs, /Bearer [A-Za-z0-9_-]{20,}/, 'no bearer token in a log');
});
