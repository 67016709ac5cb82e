// Single sign-on with OpenID Connect against a real provider (npm oidc-provider) on loopback: the authorization
// code flow with PKCE, state and nonce, driven with fetch the way a browser would (redirects followed by hand,
// cookies carried per host). Roles come from the `roles` claim; an unmapped role, a tampered state and a replayed
// code are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signIn, api, startServer, rawSql } from '../support/server.mjs';
import { startWithIdentityProvider, CLIENT_ID } from '../support/identity-provider.mjs';
import { totp } from '../support/totp.mjs';

const USERS = {
  'af-sso': { name: 'Anna Fokkema', preferred_username: 'a.fokkema', roles: ['mensenhandel-af', 'medewerker'] },
  'af-totp': { name: 'Anton Fris', preferred_username: 'a.fris', roles: ['mensenhandel-af'] },
  'beleid-sso': { name: 'Bert Linders', preferred_username: 'b.linders', roles: ['mensenhandel-beleid'] },
  'zonder-rol': { name: 'Zoë Rolloos', preferred_username: 'z.rolloos', roles: ['medewerker'] },
  beheer: { name: 'Naamgenoot', preferred_username: 'beheer', roles: ['mensenhandel-melder'] },
};

let idp;
let server;
let environment;

/** A cookie jar per host and fetch without automatic redirects: a browser, by hand. */
class Browser {
  constructor() { this.jars = new Map(); }

  jar(url) {
    const { host } = new URL(url);
    if (!this.jars.has(host)) this.jars.set(host, new Map());
    return this.jars.get(host);
  }

  async request(url, { method = 'GET', form } = {}) {
    const jar = this.jar(url);
    const headers = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method, headers, redirect: 'manual', body: form ? new URLSearchParams(form).toString() : undefined });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0/i.test(cookie) || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, url,
      location: response.headers.get('location') ? new URL(response.headers.get('location'), url).href : null };
  }

  /** Follows redirects until an answer that is not one, or until `stopAt` matches the next URL. */
  async follow(url, stopAt) {
    let response = await this.request(url);
    for (let hops = 0; response.location && hops < 10; hops += 1) {
      if (stopAt && stopAt(response.location)) return response;
      response = await this.request(response.location);
    }
    return response;
  }
}

/** Runs the flow up to the provider's redirect back to meldroute; returns {browser, callbackUrl}. */
async function toCallback(login, { mfa = true, browser = new Browser() } = {}) {
  const start = await browser.request(`${server.url}/inloggen/gemeente-account`);
  assert.equal(start.status, 303, start.body);
  const authorize = new URL(start.location);
  assert.equal(authorize.origin, idp.issuer);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(authorize.searchParams.get('client_id'), CLIENT_ID);
  assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));
  const toMeldroute = (next) => next.startsWith(server.url);
  let back = await browser.follow(start.location, toMeldroute);
  if (!back.location) {
    // The provider's sign-in page (a browser already signed in at the provider goes straight back).
    assert.equal(back.status, 200, back.body);
    const action = new URL(back.body.match(/action="([^"]+)"/)[1], back.url).href;
    const submitted = await browser.request(action, { method: 'POST', form: { login, ...(mfa ? { mfa: '1' } : {}) } });
    back = await browser.follow(submitted.location, toMeldroute);
  }
  assert.ok(back.location?.startsWith(`${server.url}/inloggen/gemeente-account/terug?`), `back to meldroute: ${back.location}`);
  return { browser, callbackUrl: back.location };
}

async function signInWithSso(login, options) {
  const { browser, callbackUrl } = await toCallback(login, options);
  const done = await browser.request(callbackUrl);
  return { browser, done, callbackUrl };
}

async function auditEvents() {
  const token = await signIn(server.url, 'auditor');
  return (await api(server.url, 'GET', '/api/v1/audit-events', { token })).body;
}

before(async () => {
  environment = await startWithIdentityProvider({
    users: structuredClone(USERS),
    roles: ['mensenhandel-af=aandachtfunctionaris', 'mensenhandel-beleid=beleid', 'mensenhandel-melder=melder'],
    configFile: true, // the [oidc] table of `serve --config`; the browser tests give the same settings as flags
  });
  ({ idp, server } = environment);
});

after(async () => { await environment?.stop(); });

test('the sign-in page offers the municipality account as a plain link (no JavaScript needed)', async () => {
  const page = await (await fetch(`${server.url}/inloggen`)).text();
  assert.match(page, /<a [^>]*href="\/inloggen\/gemeente-account"[^>]*>Inloggen met de gemeente-account<\/a>/);
});

test('the pre-login cookie is HttpOnly, SameSite=Lax, short-lived and scoped to the sign-in path', async () => {
  const response = await fetch(`${server.url}/inloggen/gemeente-account`, { redirect: 'manual' });
  assert.equal(response.status, 303);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('meldroute_sso='));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\/inloggen\/gemeente-account/);
  assert.match(cookie, /Max-Age=600/);
});

test('an aandachtfunctionaris signs in through the provider (MFA asserted) and reaches the inbox', async () => {
  const { browser, done, callbackUrl } = await signInWithSso('af-sso');
  assert.equal(done.status, 200, done.body);
  assert.match(done.body, /U bent ingelogd/);
  assert.match(done.headers.get('refresh') ?? '', /url=\//);
  const session = done.headers.getSetCookie().find((c) => c.startsWith('meldroute_sessie='));
  assert.match(session, /SameSite=Strict/);
  const home = await browser.request(`${server.url}/`);
  assert.equal(home.status, 200, `${home.location}`);
  assert.match(home.body, /Aangemeld als a\.fokkema/);
  const inbox = await browser.request(`${server.url}/inbox`);
  assert.equal(inbox.status, 200, 'the officer may see the inbox');
  const figures = await browser.request(`${server.url}/audittrail`);
  assert.equal(figures.status, 403, 'but not the audit trail');

  // The same user again: the same account, not a second one.
  const again = await signInWithSso('af-sso');
  assert.equal(again.done.status, 200);
  const events = await auditEvents();
  assert.equal(events.filter((e) => e.action === 'user.create' && e.object === 'user/a.fokkema').length, 1);
  assert.ok(events.some((e) => e.actor === 'a.fokkema' && e.action === 'session.create' && e.outcome === 'toegestaan'));
  // Neither the code nor the state of the callback URL is in the server's output.
  const query = new URL(callbackUrl).searchParams;
  assert.ok(!server.output().includes(query.get('code')), 'the code is not logged');
  assert.ok(!server.output().includes(query.get('state')), 'the state is not logged');
});

test('a user whose role claim maps to nothing is refused with a Dutch page, and no account is created', async () => {
  const { done } = await signInWithSso('zonder-rol');
  assert.equal(done.status, 403, done.body);
  assert.match(done.body, /geen toegang tot meldroute/);
  assert.ok(!done.headers.getSetCookie().some((c) => c.startsWith('meldroute_sessie=') && !/Max-Age=0/.test(c)));
  const events = await auditEvents();
  assert.ok(!events.some((e) => e.action === 'user.create' && e.object.startsWith('user/z.rolloos')), 'no account');
  assert.ok(events.some((e) => e.outcome === 'geweigerd: geen rol'));
});

test('an IdP user named like a local account gets an account of their own, never the local one', async () => {
  const { browser, done } = await signInWithSso('beheer');
  assert.equal(done.status, 200, done.body);
  const home = await browser.request(`${server.url}/`);
  assert.match(home.body, /Aangemeld als beheer-[0-9a-f]{6}/);
  assert.equal((await browser.request(`${server.url}/opleiding/medewerkers`)).status, 403, 'no beheer rights');
});

test('a tampered state is refused, and the attempt cannot be used afterwards', async () => {
  const { browser, callbackUrl } = await toCallback('af-sso');
  const tampered = new URL(callbackUrl);
  tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
  const refused = await browser.request(tampered.href);
  assert.equal(refused.status, 400);
  assert.match(refused.body, /hoort niet bij deze browser/);
  const original = await browser.request(callbackUrl);
  assert.equal(original.status, 400, 'the attempt was used up by the refusal');
});

test('an attempt started before a restart completes after it: the attempt is kept in the store', async () => {
  const { browser, callbackUrl } = await toCallback('af-sso');
  server = await environment.restart();
  const done = await browser.request(callbackUrl);
  assert.equal(done.status, 200, done.body);
  assert.match(done.body, /U bent ingelogd/);
  const home = await browser.request(`${server.url}/`);
  assert.match(home.body, /Aangemeld als a\.fokkema/);
  assert.equal((await browser.request(callbackUrl)).status, 400, 'and it is used once, also after the restart');
});

test('a callback without the pre-login cookie (another browser) is refused', async () => {
  const { callbackUrl } = await toCallback('af-sso');
  const other = await new Browser().request(callbackUrl);
  assert.equal(other.status, 400);
  assert.ok(!other.headers.getSetCookie().some((c) => c.startsWith('meldroute_sessie=')));
});

test('a replayed code is refused: the same callback again, and the code with a fresh attempt', async () => {
  const { browser, done, callbackUrl } = await signInWithSso('af-sso');
  assert.equal(done.status, 200);
  const replay = await browser.request(callbackUrl);
  assert.equal(replay.status, 400, 'the attempt is gone');
  // A new attempt in the same browser, with the old code swapped in: the provider refuses the used code.
  const fresh = await toCallback('af-sso', { browser });
  const swapped = new URL(fresh.callbackUrl);
  swapped.searchParams.set('code', new URL(callbackUrl).searchParams.get('code'));
  const refused = await browser.request(swapped.href);
  assert.equal(refused.status, 401, refused.body);
  assert.ok(!refused.headers.getSetCookie().some((c) => c.startsWith('meldroute_sessie=')));
});

test('without MFA at the provider, an officer without local TOTP may only enrol', async () => {
  const { browser, done } = await signInWithSso('af-sso', { mfa: false });
  assert.equal(done.status, 200, done.body);
  const inbox = await browser.request(`${server.url}/inbox`);
  assert.equal(inbox.status, 303);
  assert.equal(new URL(inbox.location).pathname, '/tweestapsverificatie');
});

/** The local TOTP secret af-totp enrols below; the last test signs in with it again. */
let afTotpSecret;
/** A six-digit code that the secret's clock does not give now (nor one step before or after). */
const notACodeOf = (secret) =>
  ['000000', '111111', '222222'].find((code) => ![-1, 0, 1].some((offset) => totp(secret, offset) === code));
const csrfOf = (html) => html.match(/name="csrf" value="([^"]+)"/)[1];

test('without MFA at the provider, an officer with local TOTP gives the code after the provider', async () => {
  // Enrol through the pages, in the session that may only enrol.
  const { browser } = await signInWithSso('af-totp', { mfa: false });
  const start = await browser.request(`${server.url}/tweestapsverificatie`);
  await browser.request(`${server.url}/tweestapsverificatie`, { method: 'POST', form: { csrf: csrfOf(start.body) } });
  const pending = await browser.request(`${server.url}/tweestapsverificatie`);
  const secret = pending.body.match(/class="utrecht-code mr-secret">([^<]+)</)[1].replace(/\s+/g, '');
  afTotpSecret = secret;
  const confirmed = await browser.request(`${server.url}/tweestapsverificatie/bevestigen`,
    { method: 'POST', form: { csrf: csrfOf(pending.body), otp: totp(secret) } });
  assert.equal(confirmed.status, 200, confirmed.body);

  // The next sign-in without the provider's MFA asks for the code; nothing is signed in before it.
  const { browser: next, done } = await signInWithSso('af-totp', { mfa: false });
  assert.equal(done.status, 200);
  assert.match(done.body, /Code voor meldroute/);
  assert.ok(!done.headers.getSetCookie().some((c) => c.startsWith('meldroute_sessie=')));
  const bad = notACodeOf(secret);
  const wrong = await next.request(`${server.url}/inloggen/gemeente-account/code`,
    { method: 'POST', form: { csrf: csrfOf(done.body), otp: bad } });
  assert.equal(wrong.status, 401, wrong.body);
  assert.match(wrong.body, /onjuist/);
  const right = await next.request(`${server.url}/inloggen/gemeente-account/code`,
    { method: 'POST', form: { csrf: csrfOf(wrong.body), otp: totp(secret, 1) } });
  assert.equal(right.status, 303, right.body);
  assert.equal(new URL(right.location).pathname, '/');
  assert.equal((await next.request(`${server.url}/inbox`)).status, 200);

  // With the provider's MFA no code is asked.
  const withMfa = await signInWithSso('af-totp');
  assert.match(withMfa.done.body, /U bent ingelogd/);
});

test('a role changed at the provider takes effect at the next sign-in', async () => {
  idp.users['beleid-sso'].roles = ['mensenhandel-beleid'];
  const first = await signInWithSso('beleid-sso');
  assert.equal(first.done.status, 200);
  assert.equal((await first.browser.request(`${server.url}/cijfers`)).status, 200);
  idp.users['beleid-sso'].roles = ['medewerker'];
  const withdrawn = await signInWithSso('beleid-sso');
  assert.equal(withdrawn.done.status, 403);
  const old = await first.browser.request(`${server.url}/cijfers`);
  assert.equal(old.status, 303, 'the sessions of an account whose role was withdrawn have ended');
  idp.users['beleid-sso'].roles = ['mensenhandel-melder'];
  const melder = await signInWithSso('beleid-sso');
  assert.equal(melder.done.status, 200);
  assert.equal((await melder.browser.request(`${server.url}/cijfers`)).status, 403, 'now a melder');
  assert.equal((await melder.browser.request(`${server.url}/meldingen/nieuw`)).status, 200);
});

test('the provider cannot be used to sign in with a password: no password works for an SSO account', async () => {
  const response = await api(server.url, 'POST', '/api/v1/sessions', { body: { username: 'a.fokkema', password: '!sso' } });
  assert.equal(response.status, 401);
});

test('a provider whose TLS certificate is not trusted is never talked to: the sign-in stops with a 503 page', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meldroute-tls-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
  assert.equal(made.status, 0, String(made.stderr));
  let requests = 0;
  const untrusted = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
    (req, res) => { requests += 1; res.end('{}'); });
  await new Promise((resolve) => untrusted.listen(0, '127.0.0.1', resolve));
  writeFileSync(path.join(dir, 'secret'), 'geheim\n', { mode: 0o600 });
  const other = await startServer({
    args: ['--oidc-issuer', `https://127.0.0.1:${untrusted.address().port}`, '--oidc-client-id', CLIENT_ID,
      '--oidc-client-secret-file', path.join(dir, 'secret'),
      '--oidc-redirect-uri', 'https://meldroute.example/inloggen/gemeente-account/terug', '--oidc-role', 'x=melder'],
  });
  try {
    const response = await fetch(`${other.url}/inloggen/gemeente-account`, { redirect: 'manual' });
    assert.equal(response.status, 503);
    assert.match(await response.text(), /niet bereikbaar/);
    assert.equal(requests, 0, 'no request was sent over the unverified connection');
  } finally {
    await other.stop();
    other.cleanup();
    untrusted.closeAllConnections();
    await new Promise((resolve) => untrusted.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});

// Last in this file: it spends the per-address budget of failed sign-ins of 127.0.0.1 for 15 minutes.
test('a wrong code after the provider counts against the address, and a spent address may not try codes', async () => {
  const failures = () =>
    Number(rawSql(server.dataDir, "SELECT count(*) FROM rate_events WHERE bucket = 'sign-in-failure'"));
  // af-totp enrolled a local second factor in an earlier test, so the provider without MFA leads to the code form.
  const { browser, done } = await signInWithSso('af-totp', { mfa: false });
  assert.match(done.body, /Code voor meldroute/);
  const before = failures();
  const wrong = await browser.request(`${server.url}/inloggen/gemeente-account/code`,
    { method: 'POST', form: { csrf: csrfOf(done.body), otp: notACodeOf(afTotpSecret) } });
  assert.equal(wrong.status, 401, wrong.body);
  assert.equal(failures(), before + 1, 'the wrong code was counted for the address');

  let limited = null;
  for (let attempt = 0; attempt < 25 && !limited; attempt += 1) {
    const response = await api(server.url, 'POST', '/api/v1/sessions',
      { body: { username: `verzonnen-${attempt}`, password: 'geen-wachtwoord' } });
    if (response.status === 429) limited = response;
    else assert.equal(response.status, 401);
  }
  assert.ok(limited, 'the password sign-in reached the address limit');
  const refused = await browser.request(`${server.url}/inloggen/gemeente-account/code`,
    { method: 'POST', form: { csrf: csrfOf(wrong.body), otp: totp(afTotpSecret) } });
  assert.equal(refused.status, 429, refused.body);
  assert.match(refused.body, /Te veel mislukte aanmeldpogingen/);
  assert.ok(!refused.headers.getSetCookie().some((cookie) => cookie.startsWith('meldroute_sessie=')));
});
