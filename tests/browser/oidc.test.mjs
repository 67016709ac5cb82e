// Single sign-on in a real browser (Debian's Chromium): the button on the sign-in page, the provider's sign-in
// page, and back in meldroute signed in, with and without JavaScript; the refusal page for a user without a
// meldroute role. The provider is npm oidc-provider on loopback (tests/support/identity-provider.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWithIdentityProvider } from '../support/identity-provider.mjs';
import { assertAccessible, assertText, launchChromium, newPage } from './helpers.mjs';

let env;
let idp;
let environment;

before(async () => {
  environment = await startWithIdentityProvider({
    users: {
      'af-sso': { name: 'Anna Fokkema', preferred_username: 'a.fokkema', roles: ['mensenhandel-af'] },
      'zonder-rol': { name: 'Zoë Rolloos', preferred_username: 'z.rolloos', roles: ['medewerker'] },
    },
    roles: ['mensenhandel-af=aandachtfunctionaris'],
  });
  idp = environment.idp;
  const browser = await launchChromium();
  env = { server: environment.server, browser, url: environment.server.url };
});

after(async () => {
  await env?.browser.close().catch(() => {});
  await environment?.stop();
});

async function signInAtProvider(page, login) {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Inloggen met de gemeente-account' }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('second factor').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`an officer signs in with the municipality account (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page } = await newPage(env, { javaScriptEnabled });
    try {
      await signInAtProvider(page, 'af-sso');
      await page.waitForURL((url) => url.origin === env.url && url.pathname === '/');
      assert.equal(await page.getByText('Aangemeld als a.fokkema').count(), 1);
      await page.goto('/inbox');
      assert.equal(new URL(page.url()).pathname, '/inbox');
      await assertText(page.getByRole('heading', { level: 1 }), 'Inbox');
    } finally {
      await context.close();
    }
  });
}

test('the sign-in page with the button, and the refusal page, are accessible', async () => {
  const { context, page } = await newPage(env);
  try {
    await page.goto('/inloggen');
    await assertAccessible(page, 'sign-in page with single sign-on');
    await signInAtProvider(page, 'zonder-rol');
    await page.waitForURL((url) => url.origin === env.url);
    await assertText(page.getByRole('heading', { level: 1 }), 'Inloggen met de gemeente-account is niet gelukt');
    await assertText(page.locator('main'), 'geen toegang tot meldroute');
    await assertAccessible(page, 'single sign-on refused');
  } finally {
    await context.close();
  }
});
