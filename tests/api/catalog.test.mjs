// The indicator catalog as versioned data: the beheerder publishes a new version (reword, add, retire);
// new signals are filed under the version in force, older signals keep theirs and still read correctly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signInAll, api, assertProblem } from '../support/server.mjs';
import { signalBody } from '../support/route.mjs';

let server;
let tokens;

before(async () => {
  server = await startServer();
  tokens = await signInAll(server.url, ['melder', 'af', 'beheer', 'beleid']);
});

after(async () => {
  await server?.stop();
  server?.cleanup();
});

const get = (path, token = tokens.beheer) => api(server.url, 'GET', path, { token });
const publish = (body, token = tokens.beheer) => api(server.url, 'POST', '/api/v1/catalog-versions', { token, body });

// The version in force as a proposal that changes nothing yet.
async function currentProposal() {
  const versions = (await get('/api/v1/catalog-versions')).body;
  const current = versions.find((version) => version.current).version;
  const catalog = (await get(`/api/v1/catalog-versions/${current}`)).body;
  return {
    basedOn: current,
    indicators: catalog.indicators.map(({ code, text, help, retired }) => ({ code, text, help, retired })),
  };
}

test('the built-in version 2024.1 is in force on a new store, with all 50 indicators', async () => {
  const versions = await get('/api/v1/catalog-versions');
  assert.equal(versions.status, 200);
  assert.deepEqual(versions.body, [{ version: '2024.1', current: true }]);
  const catalog = await get('/api/v1/catalog-versions/2024.1', tokens.melder);
  assert.equal(catalog.status, 200);
  assert.equal(catalog.body.indicators.length, 50);
  assert.ok(catalog.body.indicators.every((indicator) => indicator.retired === false));
  assertProblem(await get('/api/v1/catalog-versions/1999.1'), 404);
});

test('a published version rewords, adds and retires; signals keep the version they were filed under', async () => {
  // A signal filed under the built-in version, ticking the indicator that is about to be reworded.
  const before = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: signalBody({ narrative: 'Catalogustest: voor de nieuwe versie.', indicatorCodes: ['ALG-01', 'ARB-17'] }),
  });
  assert.equal(before.status, 201);
  assert.equal(before.body.catalogVersion, '2024.1');

  const proposal = await currentProposal();
  proposal.indicators.find((row) => row.code === 'ALG-01').text = 'heeft geen eigen identiteitsbewijs in bezit';
  proposal.indicators.find((row) => row.code === 'ARB-17').retired = true;
  proposal.indicators.push({ category: 'arbeid', text: 'moet betalen voor vervoer naar het werk', help: 'Bijvoorbeeld: een vaste prijs per rit.' });
  const published = await publish(proposal);
  assert.equal(published.status, 201, JSON.stringify(published.body));
  const version = published.body.version;
  assert.match(version, /^\d{4}\.1$/);
  assert.equal(published.body.indicators.find((row) => row.code === 'ARB-18').category, 'arbeid');

  const versions = (await get('/api/v1/catalog-versions')).body;
  assert.deepEqual(versions.map((item) => [item.version, item.current]), [['2024.1', false], [version, true]]);
  assert.equal(versions[1].publishedBy, 'beheer');
  // Who published is the beheerder's business only.
  assert.equal((await get('/api/v1/catalog-versions', tokens.melder)).body[1].publishedBy, undefined);

  // New signals: the retired indicator is refused, the new one accepted, and the version is recorded.
  const indicators = (await get('/api/v1/indicators', tokens.melder)).body;
  assert.ok(indicators.some((row) => row.code === 'ARB-18'));
  assert.ok(!indicators.some((row) => row.code === 'ARB-17'), 'a retired indicator is not offered');
  assert.equal(indicators.find((row) => row.code === 'ALG-01').text, 'heeft geen eigen identiteitsbewijs in bezit');
  const refused = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: signalBody({ narrative: 'Catalogustest: vervallen signaal.', indicatorCodes: ['ARB-17'] }),
  });
  const problem = assertProblem(refused, 400);
  assert.equal(problem.invalidParams[0].name, 'indicatorCodes[0]');
  const after = await api(server.url, 'POST', '/api/v1/signals', {
    token: tokens.melder, body: signalBody({ narrative: 'Catalogustest: na de nieuwe versie.', indicatorCodes: ['ARB-18'] }),
  });
  assert.equal(after.status, 201);
  assert.equal(after.body.catalogVersion, version);

  // The older signal still names its own version, whose wording is unchanged.
  const old = await api(server.url, 'GET', `/api/v1/signals/${before.body.id}`, { token: tokens.melder });
  assert.equal(old.body.catalogVersion, '2024.1');
  const builtin = (await get('/api/v1/catalog-versions/2024.1')).body;
  assert.notEqual(builtin.indicators.find((row) => row.code === 'ALG-01').text, 'heeft geen eigen identiteitsbewijs in bezit');
  assert.equal(builtin.indicators.find((row) => row.code === 'ARB-17').retired, false);

  // The publication is in the audit trail.
  const auditor = await signInAll(server.url, ['auditor']);
  const events = (await api(server.url, 'GET', '/api/v1/audit-events', { token: auditor.auditor })).body;
  assert.ok(events.some((event) => event.action === 'catalog.publish' && event.object === `catalog/${version}`));
});

test('a proposal based on a version no longer in force is refused with 409, and changes nothing', async () => {
  const proposal = await currentProposal();
  proposal.basedOn = '2024.1';
  proposal.indicators[1].text = 'een tekst die niet mag landen';
  const refused = await publish(proposal);
  assertProblem(refused, 409);
  const versions = (await get('/api/v1/catalog-versions')).body;
  assert.equal(versions.length, 2);
});

test('bad proposals name the field, and change nothing', async () => {
  const proposal = await currentProposal();
  const dropped = { ...proposal, indicators: proposal.indicators.slice(1) };
  let problem = assertProblem(await publish(dropped), 400);
  assert.ok(problem.invalidParams.some((param) => param.name === 'indicators' && param.reason.includes('ALG-01')));

  const bad = structuredClone(proposal);
  bad.indicators[0].text = '  ';
  bad.indicators[2].category = 'seksueel';
  bad.indicators.push({ code: 'ALG-77', text: 'onbekend' });
  bad.indicators.push({ text: 'zonder lijst' });
  problem = assertProblem(await publish(bad), 400);
  const names = problem.invalidParams.map((param) => param.name);
  const last = proposal.indicators.length;
  for (const name of ['indicators[0].text', 'indicators[2].category', `indicators[${last}].code`,
    `indicators[${last + 1}].category`]) {
    assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
  }
  // Wrong JSON types are named too.
  const typed = structuredClone(proposal);
  typed.indicators.push({ category: 'arbeid', text: 7, retired: 'ja' });
  problem = assertProblem(await publish(typed), 400);
  assert.deepEqual(problem.invalidParams.map((param) => param.name).sort(),
    [`indicators[${last}].retired`, `indicators[${last}].text`]);
  assertProblem(await publish({ ...proposal, extra: 1 }), 400);
  assertProblem(await api(server.url, 'POST', '/api/v1/catalog-versions', { token: tokens.beheer, rawBody: '{"indicators":' }), 400);
  // Nothing changed at all: 422.
  assertProblem(await publish(proposal), 422);
  assert.equal((await get('/api/v1/catalog-versions')).body.length, 2);
});

test('only the beheerder publishes', async () => {
  const proposal = await currentProposal();
  proposal.indicators[3].text = 'een tekst van iemand zonder rechten';
  for (const user of ['melder', 'af', 'beleid']) {
    assertProblem(await publish(proposal, tokens[user]), 403, user);
    // The role comes first: a bad body from a role that may not publish is still 403.
    assertProblem(await api(server.url, 'POST', '/api/v1/catalog-versions', { token: tokens[user], rawBody: '{x' }), 403, user);
  }
  assertProblem(await api(server.url, 'POST', '/api/v1/catalog-versions', { body: proposal }), 401);
});
