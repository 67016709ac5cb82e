// The second factor in the pages: an officer account without one is held at the enrolment page; the QR
// code, the typed key and the first code; recovery codes shown once; sign-in with the code in the same form,
// with an error next to the code field when it is missing or wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { binary, storeArgs } from '../support/server.mjs';
import { totp } from '../support/totp.mjs';
import {
  assertAccessible, assertFieldError, assertText, newPage, signOutWithForm, startEnvironment, submit,
} from './helpers.mjs';

let env;
const PASSWORD = 'een-lang-genoeg-wachtwoord';

before(async () => {
  env = await startEnvironment();
  const added = spawnSync(binary, ['user', 'add', 'officier-pagina', '--role', 'aandachtfunctionaris', '--data',
    env.server.dataDir, ...storeArgs(env.server.dataDir)], { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);
});
after(async () => { await env?.close(); });

async function fillSignIn(page, code = '') {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill('officier-pagina');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  if (code) await page.getByLabel('Code (alleen met tweestapsverificatie)').fill(code);
  await submit(page, page.getByRole('button', { name: 'Inloggen' }));
}

test('enrolment is required, then sign-in takes the code from the app', async () => {
  const { context, page } = await newPage(env);
  try {
    await fillSignIn(page);
    // Any page leads to the enrolment page until a second factor is set up.
    assert.equal(new URL(page.url()).pathname, '/tweestapsverificatie');
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/tweestapsverificatie');
    await assertText(page.getByRole('note'), 'Stel eerst tweestapsverificatie in');
    await assertAccessible(page, 'enrolment start');

    await submit(page, page.getByRole('button', { name: 'Tweestapsverificatie instellen' }));
    const qr = page.getByRole('img', { name: /QR-code/ });
    assert.equal(await qr.count(), 1);
    const secret = (await page.locator('code.mr-secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await assertAccessible(page, 'enrolment with QR code');

    await page.getByLabel('Code uit de app').fill('12345');
    await submit(page, page.getByRole('button', { name: 'Bevestigen' }));
    await assertFieldError(page, '#otp', /De code klopt niet/);
    assert.equal((await page.locator('code.mr-secret').innerText()).trim(), secret, 'the same key after an error');
    await assertAccessible(page, 'enrolment with an error');

    await page.getByLabel('Code uit de app').fill(totp(secret));
    await submit(page, page.getByRole('button', { name: 'Bevestigen' }));
    await assertText(page.getByRole('heading', { level: 1 }), 'Tweestapsverificatie staat aan');
    const codes = await page.locator('main li code').allInnerTexts();
    assert.equal(codes.length, 10);
    await assertAccessible(page, 'recovery codes');
    // The work is open now.
    assert.equal((await page.goto('/inbox')).status(), 200);
    await signOutWithForm(page);

    // Without the code: an error next to the code field, the name kept, the password to be typed again.
    await fillSignIn(page);
    await assertFieldError(page, '#otp', /Vul de code uit uw authenticator-app in/);
    assert.equal(await page.getByLabel('Gebruikersnaam').inputValue(), 'officier-pagina');
    assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '');
    await assertAccessible(page, 'sign-in asking for the code');

    await fillSignIn(page, totp(secret, 1));
    assert.equal(new URL(page.url()).pathname, '/');
    await assertText(page.getByRole('heading', { level: 1 }), 'Welkom, officier-pagina');
    await signOutWithForm(page);

    // A recovery code in the same field.
    await fillSignIn(page, codes[0]);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.goto('/tweestapsverificatie');
    await assertText(page.getByRole('main'), 'U hebt nog 9 herstelcodes');
  } finally {
    await context.close();
  }
});
