// The pages of retention and data-subject requests: the legal hold on the case page, the AVG-verzoeken page
// (inspection) and the rectification form. Each passes axe-core (WCAG 2.1 AA), errors sit beside their field,
// the flows work without JavaScript, and the inspection search is done with the keyboard only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertFieldError, assertText, newPage, signInWithForm, startEnvironment, submit,
} from './helpers.mjs';
import { signIn } from '../support/server.mjs';
import { buildCase, fileSignal } from '../support/route.mjs';

let env;
let caseId;
let signalId;
before(async () => {
  env = await startEnvironment();
  const af = await signIn(env.url, 'af');
  const signal = await fileSignal(env.url, af, {
    narrative: 'Paginatest: een vrouw slaapt in de salon.',
    persons: [{ role: 'slachtoffer', name: 'Petra Paginaweg', birthYear: 1987, nationality: 'Bulgaars', phone: '0611122233' }],
  });
  signalId = signal.id;
  caseId = (await buildCase(env.url, af, [signal.id], 'afgesloten')).caseId;
});
after(async () => { await env?.close(); });

test('aandachtfunctionaris: a legal hold set with a reason and lifted; inspection and a rectification', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await page.goto(`/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Bewaren en vernietigen' });
    await assertText(section, 'Bewaartermijn: de persoonsgegevens worden vernietigd op of na');
    await submit(page, page.getByRole('button', { name: 'Bewaarplicht instellen' }));
    await assertFieldError(page, '#reason', /./);
    await assertAccessible(page, 'case page with a hold error', { zoomedAxe: true });
    await page.getByLabel('Reden van de bewaarplicht').fill('Lopend strafrechtelijk onderzoek.');
    await submit(page, page.getByRole('button', { name: 'Bewaarplicht instellen' }));
    await assertText(page.getByRole('region', { name: 'Bewaren en vernietigen' }), 'Lopend strafrechtelijk onderzoek.');
    await assertText(page.getByRole('list').filter({ hasText: 'Bewaarplicht ingesteld' }).first(), 'Bewaarplicht ingesteld');
    await assertAccessible(page, 'case page on hold');
    await submit(page, page.getByRole('button', { name: 'Bewaarplicht opheffen' }));
    assert.equal(await page.getByRole('button', { name: 'Bewaarplicht instellen' }).count(), 1);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'AVG-verzoeken' }).click();
    await assertText(page.getByRole('heading', { level: 1 }), 'AVG-verzoeken');
    await assertAccessible(page, 'AVG-verzoeken', { zoomedAxe: true });
    await page.getByLabel('Naam').fill('Petra Paginaweg');
    await submit(page, page.getByRole('button', { name: 'Zoeken' }));
    await assertFieldError(page, '#birthYear', /geboortejaar/);
    assert.equal(await page.getByLabel('Naam').inputValue(), 'Petra Paginaweg', 'what was typed is kept');
    await assertAccessible(page, 'AVG-verzoeken with an error');
    await page.getByLabel('Geboortejaar').fill('1987');
    await submit(page, page.getByRole('button', { name: 'Zoeken' }));
    await assertText(page.getByRole('heading', { level: 2, name: /over deze persoon/ }), '1 melding(en) over deze persoon');
    await assertText(page.locator('main'), 'Petra Paginaweg, geboren 1987, Bulgaars, tel. 0611122233');
    await assertAccessible(page, 'AVG-verzoeken with results', { zoomedAxe: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Inzage downloaden (JSON)' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'inzage-avg.json');

    await page.getByRole('link', { name: /Melding bekijken en gegevens corrigeren/ }).click();
    await page.getByRole('link', { name: 'Gegevens corrigeren van persoon 1' }).click();
    await assertText(page.getByRole('heading', { level: 1 }), 'Gegevens corrigeren');
    assert.equal(await page.getByLabel('Naam').inputValue(), 'Petra Paginaweg');
    await assertAccessible(page, 'rectification form', { zoomedAxe: true });
    await page.getByLabel('Naam').fill('Petra Paginaweg-Jansen');
    await submit(page, page.getByRole('button', { name: 'Correctie vastleggen' }));
    await assertFieldError(page, '#reason', /./);
    assert.equal(await page.getByLabel('Naam').inputValue(), 'Petra Paginaweg-Jansen', 'what was typed is kept');
    await assertAccessible(page, 'rectification form with an error');
    await page.getByLabel('Reden van de rectificatie').fill('Verzoek betrokkene, paspoort ingezien.');
    await submit(page, page.getByRole('button', { name: 'Correctie vastleggen' }));
    assert.equal(new URL(page.url()).pathname, `/meldingen/${signalId}`);
    await assertText(page.locator('main'), 'gecorrigeerd: naam. Reden: Verzoek betrokkene, paspoort ingezien.');
    await assertText(page.locator('main'), 'Petra Paginaweg-Jansen');
    await assertAccessible(page, 'signal with a rectification');
  } finally {
    await context.close();
  }
});

test('without JavaScript: a hold set and an inspection made', async () => {
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInWithForm(page, 'af');
    await page.goto(`/casussen/${caseId}`);
    await page.getByLabel('Reden van de bewaarplicht').fill('Bezwaarprocedure loopt.');
    await submit(page, page.getByRole('button', { name: 'Bewaarplicht instellen' }));
    await assertText(page.getByRole('region', { name: 'Bewaren en vernietigen' }), 'Bezwaarprocedure loopt.');
    await page.goto('/avg-verzoeken');
    await page.getByLabel('Telefoonnummer').fill('06 1112 2233');
    await submit(page, page.getByRole('button', { name: 'Zoeken' }));
    await assertText(page.getByRole('heading', { level: 2, name: /over deze persoon/ }), '1 melding(en) over deze persoon');
  } finally {
    await context.close();
  }
});

test('keyboard only: an inspection search', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await page.goto('/avg-verzoeken');
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'phone');
    }
    assert.ok(reached, 'Tab reaches the phone field');
    await page.keyboard.type('0611122233');
    const navigated = page.waitForEvent('framenavigated');
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('load');
    await assertText(page.getByRole('heading', { level: 2, name: /over deze persoon/ }), '1 melding(en) over deze persoon');
  } finally {
    await context.close();
  }
});

test('only the aandachtfunctionaris reaches the AVG-verzoeken page', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    const response = await page.goto('/avg-verzoeken');
    assert.equal(response.status(), 403);
    assert.equal(await page.getByRole('link', { name: 'AVG-verzoeken' }).count(), 0);
  } finally {
    await context.close();
  }
});
