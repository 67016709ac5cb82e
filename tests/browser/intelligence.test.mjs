// The officer's tools for connections between signals: related signals on the case page, recurring
// addresses, and full-text search (POSTed, so search words never reach the URL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, newPage, signInByRequest, startEnvironment, submit } from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('a melder names a business; the officer sees the shared address, the recurrence and finds it by search', async () => {
  const melder = await newPage(env);
  try {
    await signInByRequest(melder.context, 'melder');
    const { page } = melder;
    await page.goto('/meldingen/nieuw');
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Schoonmakers van een hotel wonen met tien man in de kelder.');
    await page.getByLabel('Straat').fill('Industrieweg');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('6902 aa');
    await page.getByLabel('Naam van het bedrijf').fill('Schoonmaak Snel');
    await page.getByLabel('KvK-nummer').fill('1234');
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.equal(await page.locator('#business-kvkNumber').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Naam van het bedrijf').inputValue(), 'Schoonmaak Snel');
    await page.getByLabel('KvK-nummer').fill('87654321');
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.match(new URL(page.url()).pathname, /^\/meldingen\/[0-9a-f-]{36}$/);
    assert.ok((await page.locator('main').innerText()).includes('Schoonmaak Snel (KvK 87654321)'));
  } finally {
    await melder.context.close();
  }

  const officer = await newPage(env);
  try {
    await signInByRequest(officer.context, 'af');
    const { page } = officer;
    // The demo case's signal is at Industrieweg 12 too, so it now has related signals.
    await page.goto('/casussen');
    await page.locator('main table a').first().click();
    const related = page.locator('main').getByRole('heading', { name: 'Verwante meldingen' });
    assert.equal(await related.count(), 1);
    assert.ok((await page.locator('main').innerText()).includes('zelfde adres'));

    await page.goto('/terugkerende-adressen');
    const row = page.locator('main table tbody tr', { hasText: 'Industrieweg 12' });
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('td').nth(2).innerText()).trim(), '3');
    await assertAccessible(page, 'recurrences');

    await page.goto('/zoeken');
    await page.getByLabel('Zoekwoorden').fill('schoonmakers kelder');
    await submit(page, page.getByRole('button', { name: 'Zoeken' }));
    assert.equal(new URL(page.url()).search, '', 'no search words in the URL');
    assert.equal(await page.locator('main table tbody tr').count(), 1);
    await assertAccessible(page, 'search results');
    await page.getByLabel('Zoekwoorden').fill('zzzgeenresultaat');
    await submit(page, page.getByRole('button', { name: 'Zoeken' }));
    assert.ok((await page.locator('main').innerText()).includes('Niets gevonden'));
  } finally {
    await officer.context.close();
  }
});

test('only the officer may search or see recurrences', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInByRequest(context, 'melder');
    assert.equal((await page.goto('/zoeken')).status(), 403);
    assert.equal((await page.goto('/terugkerende-adressen')).status(), 403);
  } finally {
    await context.close();
  }
});

for (const javaScriptEnabled of [false, true]) test(`the controleer step shows what the narrative points to; the reporter decides what to tick (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
  const { context, page } = await newPage(env, { javaScriptEnabled });
  try {
    await signInByRequest(context, 'melder');
    await page.goto('/meldingen/nieuw');
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill(
      'Hij heeft zijn paspoort niet, de werkgever bewaart het. Hij slaapt in de loods van het bedrijf.');
    await submit(page, page.getByRole('button', { name: 'Controleer mijn tekst op signalen' }));
    assert.equal(new URL(page.url()).pathname, '/meldingen/nieuw');
    const status = page.getByRole('status');
    const advice = await status.innerText();
    assert.match(advice, /ALG-01/);
    assert.match(advice, /paspoort/);
    // Nothing is ticked for the reporter, and nothing was stored.
    assert.equal(await page.locator('#ALG-01').isChecked(), false);
    assert.match(await page.locator('label[for="ALG-01"]').innerText(), /genoemd in uw tekst/);
    assert.equal(await page.getByLabel('Wat hebt u gezien of gehoord?').inputValue(),
      'Hij heeft zijn paspoort niet, de werkgever bewaart het. Hij slaapt in de loods van het bedrijf.');
    // axe-core runs as a script in the page, so it can only check the page with JavaScript on.
    if (javaScriptEnabled) await assertAccessible(page, 'signal form with suggestions');
    await page.locator('#ALG-01').check();
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.match(new URL(page.url()).pathname, /^\/meldingen\/[0-9a-f-]{36}$/);
    assert.match(await page.locator('main').innerText(), /ALG-01/);
  } finally {
    await context.close();
  }
});
