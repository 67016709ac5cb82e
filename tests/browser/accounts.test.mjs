// The beheerder's accounts page: every account with its sign-in state; ending all sessions of an account (a lost
// laptop) and resetting a second factor (a lost phone), with a confirmation step. Keyboard only, without
// JavaScript, and no axe violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../support/server.mjs';
import { totp } from '../support/totp.mjs';
import { assertAccessible, assertText, newPage, PASSWORD, signInByRequest, startEnvironment, submit, tabTo } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnvironment();
  await enrolSecondFactor('auditor');
});
after(async () => { await env?.close(); });

// Enrols a second factor for a demo account through the API, as its owner would.
async function enrolSecondFactor(username) {
  const token = (await api(env.url, 'POST', '/api/v1/sessions', { body: { username, password: PASSWORD } })).body.token;
  const started = await api(env.url, 'POST', '/api/v1/totp-enrolments', { token });
  assert.equal(started.status, 201);
  const confirmed = await api(env.url, 'POST', '/api/v1/totp-enrolments/confirmation',
    { token, body: { otp: totp(started.body.secret) } });
  assert.equal(confirmed.status, 201);
}

const rowOf = (page, username) => page.locator('main tbody tr').filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });

test('the beheerder ends every session of an account, keyboard only', async () => {
  const officer = await newPage(env);
  const beheer = await newPage(env);
  try {
    await signInByRequest(officer.context, 'af');
    await officer.page.goto('/casussen');
    assert.equal(new URL(officer.page.url()).pathname, '/casussen', 'the officer is signed in');

    await signInByRequest(beheer.context, 'beheer');
    const { page } = beheer;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Accounts' }).click();
    await assertText(page.getByRole('heading', { level: 1 }), 'Accounts');
    await assertAccessible(page, 'accounts page');
    assert.match(await rowOf(page, 'af').innerText(), /Aandachtfunctionaris/i);
    assert.match(await rowOf(page, 'beheer (uzelf)').innerText(), /Beheerder/i);

    await tabTo(page, 'form[action="/beheer/accounts/sessies-beeindigen"]:has(input[value="af"]) button');
    const navigated = page.waitForEvent('framenavigated');
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('load');
    await assertText(page.getByRole('status'), /Alle sessies van af zijn beëindigd/);
    await assertAccessible(page, 'accounts page after ending sessions');

    await officer.page.goto('/casussen');
    assert.equal(new URL(officer.page.url()).pathname, '/inloggen', 'the officer must sign in again');

    // The confirmation of a reset, checked here with JavaScript on (axe runs in the page); going back changes nothing.
    await tabTo(page, 'form[action="/beheer/accounts/tweede-factor-herstellen"]:has(input[value="auditor"]) button');
    const confirming = page.waitForEvent('framenavigated');
    await page.keyboard.press('Enter');
    await confirming;
    await page.waitForLoadState('load');
    await assertText(page.getByRole('heading', { level: 1 }), 'Tweestapsverificatie herstellen');
    await assertAccessible(page, 'confirm a reset');
    await submit(page, page.getByRole('link', { name: 'Nee, terug naar de accounts' }));
    assert.match(await rowOf(page, 'auditor').innerText(), /Ingesteld/);
  } finally {
    await officer.context.close();
    await beheer.context.close();
  }
});

test('resetting a second factor asks for confirmation first; works without JavaScript', async () => {
  const beheer = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInByRequest(beheer.context, 'beheer');
    const { page } = beheer;
    await page.goto('/beheer/accounts');
    const row = rowOf(page, 'auditor');
    assert.match(await row.innerText(), /Ingesteld/);
    assert.equal(await rowOf(page, 'melder').getByRole('button', { name: /Tweestapsverificatie herstellen/ }).count(), 0,
      'no reset without a second factor');

    await submit(page, row.getByRole('button', { name: 'Tweestapsverificatie herstellen van auditor' }));
    await assertText(page.getByRole('heading', { level: 1 }), 'Tweestapsverificatie herstellen');
    assert.match(await page.locator('main').innerText(), /tweestapsverificatie van auditor te verwijderen/);

    // Going back changes nothing.
    await submit(page, page.getByRole('link', { name: 'Nee, terug naar de accounts' }));
    assert.match(await rowOf(page, 'auditor').innerText(), /Ingesteld/);

    await submit(page, rowOf(page, 'auditor').getByRole('button', { name: 'Tweestapsverificatie herstellen van auditor' }));
    await submit(page, page.getByRole('button', { name: 'Ja, herstellen' }));
    await assertText(page.getByRole('status'), /De tweestapsverificatie van auditor is hersteld/);
    assert.match(await rowOf(page, 'auditor').innerText(), /Niet ingesteld|Nog niet ingesteld/);
    assert.equal(await rowOf(page, 'auditor').getByRole('button', { name: /Tweestapsverificatie herstellen/ }).count(), 0);
  } finally {
    await beheer.context.close();
  }
});

test('an unknown account gets a Dutch message and changes nothing; other roles have no access', async () => {
  const beheer = await newPage(env);
  const melder = await newPage(env);
  try {
    await signInByRequest(beheer.context, 'beheer');
    const form = await beheer.context.request.get('/beheer/accounts');
    const csrf = (await form.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
    const refused = await beheer.context.request.post('/beheer/accounts/sessies-beeindigen',
      { form: { csrf, username: 'niemand-hier' }, maxRedirects: 0 });
    assert.equal(refused.status(), 404);
    assert.match(await refused.text(), /Gebruiker/);

    await signInByRequest(melder.context, 'melder');
    const page = await melder.context.request.get('/beheer/accounts');
    assert.equal(page.status(), 403);
    const post = await melder.context.request.post('/beheer/accounts/sessies-beeindigen',
      { form: { csrf: 'x', username: 'af' }, maxRedirects: 0 });
    assert.equal(post.status(), 403);
  } finally {
    await beheer.context.close();
    await melder.context.close();
  }
});
