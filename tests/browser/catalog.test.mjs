// The beheerder's catalog editor: publishing a new version of the signalenlijst (reword, retire, add), with
// errors next to the field; reporters then see the new version, older signals keep their own wording.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertFieldError, assertText, newPage, signalIdFrom, signInByRequest, startEnvironment, submit,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

const ORIGINAL_ALG01 = 'geen beschikking heeft over eigen paspoort of identiteitskaart';

test('the beheerder publishes a new version; new signals use it, an older signal keeps its words', async () => {
  // A signal filed under the built-in version, ticking ALG-01.
  const melder = await newPage(env);
  let olderSignal;
  try {
    await signInByRequest(melder.context, 'melder');
    const { page } = melder;
    await page.goto('/meldingen/nieuw');
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Catalogustest: de vrouw heeft haar paspoort niet.');
    await page.locator('input[name="indicatorCodes"][value="ALG-01"]').check();
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    olderSignal = signalIdFrom(page.url());
  } finally {
    await melder.context.close();
  }

  const beheer = await newPage(env);
  try {
    await signInByRequest(beheer.context, 'beheer');
    const { page } = beheer;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalenlijst' }).click();
    await assertText(page.getByRole('heading', { level: 1 }), 'Signalenlijst');
    assert.ok((await page.locator('main').innerText()).includes('In gebruik is versie 2024.1'));
    await assertAccessible(page, 'catalog editor');

    // An emptied text is refused next to its field; what was typed elsewhere stays.
    await page.getByLabel('Tekst van ALG-01').fill('heeft geen eigen identiteitsbewijs in bezit');
    await page.getByLabel('Tekst van ALG-02').fill('   ');
    await submit(page, page.getByRole('button', { name: 'Publiceer nieuwe versie' }));
    await assertFieldError(page, '#text-ALG-02', 'Vul de tekst van het signaal in.');
    assert.equal(await page.getByLabel('Tekst van ALG-01').inputValue(), 'heeft geen eigen identiteitsbewijs in bezit');
    assert.equal(await page.getByRole('alert').getByRole('link').count(), 1, 'the error summary links to the field');
    await assertAccessible(page, 'catalog editor with an error');

    // A new indicator needs its list.
    await page.getByLabel('Tekst van ALG-02').fill('extreem lange werkdagen maakt');
    await page.getByLabel('Tekst van het nieuwe signaal').fill('moet betalen voor vervoer naar het werk');
    await submit(page, page.getByRole('button', { name: 'Publiceer nieuwe versie' }));
    await assertFieldError(page, '#nieuw-lijst', /Kies de lijst/);

    await page.getByLabel('Lijst van het nieuwe signaal').selectOption('arbeid');
    await page.getByLabel('ARB-17 is vervallen').check();
    await submit(page, page.getByRole('button', { name: 'Publiceer nieuwe versie' }));
    await assertText(page.getByRole('status'), /Versie \d{4}\.1 is gepubliceerd/);
    const rows = await page.locator('main table tbody tr').allInnerTexts();
    assert.equal(rows.length, 2, 'two versions');
    assert.match(rows[1], /\d{4}\.1.*beheer.*ja/s);
    assert.equal(await page.getByLabel('ARB-17 is vervallen').isChecked(), true);
    assert.equal(await page.getByLabel('Tekst van ARB-18').inputValue(), 'moet betalen voor vervoer naar het werk');
  } finally {
    await beheer.context.close();
  }

  // The reporter's checklist is the new version: ARB-18 offered, ARB-17 no longer, ALG-01 reworded.
  const again = await newPage(env);
  try {
    await signInByRequest(again.context, 'melder');
    const { page } = again;
    await page.goto('/meldingen/nieuw');
    assert.equal(await page.locator('input[name="indicatorCodes"][value="ARB-18"]').count(), 1);
    assert.equal(await page.locator('input[name="indicatorCodes"][value="ARB-17"]').count(), 0);
    assert.ok((await page.locator('main').innerText()).includes('heeft geen eigen identiteitsbewijs in bezit'));
    // The older signal still shows the wording it was filed under.
    await page.goto(`/meldingen/${olderSignal}`);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(`ALG-01: ${ORIGINAL_ALG01}`), text);
    assert.ok(!text.includes('in bezit'));
    assert.ok(text.includes('signalenlijst versie 2024.1'));
  } finally {
    await again.context.close();
  }
});
