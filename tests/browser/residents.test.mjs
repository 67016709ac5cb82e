// The residents' way in: the public information page and the anonymous report form, which lands in the
// officer's inbox as channel "anoniem", tells the resident honestly that no feedback can follow, and stores
// nothing when a bot fills the hidden honeypot field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertFieldError, newPage, signInByRequest, startEnvironment, submit } from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

async function inboxText() {
  const { context, page } = await newPage(env);
  try {
    await signInByRequest(context, 'af');
    await page.goto('/inbox');
    return await page.locator('main').innerText();
  } finally {
    await context.close();
  }
}

test('a resident reports anonymously without signing in; the report reaches the inbox as anoniem', async () => {
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await page.goto('/');
    await page.getByRole('link', { name: 'anoniem een melding doen' }).click();
    assert.equal(new URL(page.url()).pathname, '/melden');
    assert.match(await page.locator('main').innerText(), /niet laten weten wat er met uw melding gebeurt/);
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    await assertFieldError(page, '#narrative');
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Bij de garage aan de Dorpsstraat slapen mannen in busjes.');
    await page.getByLabel('Postcode (niet verplicht)').fill('6901 AB');
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.equal(new URL(page.url()).pathname, '/melden/bedankt');
    assert.match(await page.locator('main').innerText(), /anoniem/);
  } finally {
    await context.close();
  }
  const inbox = await inboxText();
  assert.match(inbox, /slapen mannen in busjes/);
  assert.match(inbox, /anoniem/);
});

test('the anonymous form is accessible and a filled honeypot stores nothing', async () => {
  const { context, page } = await newPage(env);
  try {
    await page.goto('/melden');
    await assertAccessible(page, 'anonymous form', { zoomedAxe: true });
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Honeypot-test: dit mag niet worden opgeslagen.');
    await page.locator('#website').evaluate((input) => { input.value = 'http://spam.example'; });
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.equal(new URL(page.url()).pathname, '/melden/bedankt');
  } finally {
    await context.close();
  }
  assert.doesNotMatch(await inboxText(), /Honeypot-test/);
});

test('a post from another site (no matching form token) is refused and stores nothing', async () => {
  const { context } = await newPage(env);
  try {
    const response = await context.request.post('/melden', {
      form: { csrf: 'forged', narrative: 'Vervalste melding van een andere site.' }, maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
  } finally {
    await context.close();
  }
  assert.doesNotMatch(await inboxText(), /Vervalste melding/);
});
