// The pages of issue 7: training and awareness, the designated officers and the action plan. Each page passes
// axe-core (WCAG 2.1 AA) at desktop width and at 640px, the forms show a Dutch error beside the field and keep
// what was typed, the flows work without JavaScript (axe itself needs JavaScript, so that test runs apart), and
// one form is filled in with the keyboard only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertFieldError, assertText, newPage, signInWithForm, startEnvironment, submit,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

const HEADER = 'medewerker-id;naam;afdeling;doelgroep;voltooid-op';

/** Presses Tab until the element matching `selector` has focus. */
async function tabTo(page, selector, max = 150) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  assert.fail(`Tab did not reach ${selector}`);
}

test('beheerder: coverage, a rejected and an accepted import, targets, an activity', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beheer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Opleiding' }).click();
    await assertText(page.getByRole('heading', { level: 1 }), 'Opleiding en bewustwording');
    await assertText(page.getByRole('region', { name: /E-learning per doelgroep/ }), 'Publiekszaken');
    await assertText(page.getByRole('region', { name: /deelnemers per activiteit/ }), 'Themadag mensenhandel');
    await assertAccessible(page, 'training (beheer)', { zoomedAxe: true });

    // A file with a bad line: nothing imported, the line named, the text kept.
    await page.getByRole('link', { name: 'Export van het leerplatform importeren' }).click();
    await assertAccessible(page, 'import form');
    const bad = `${HEADER}\nB1;Bea Boer;Balie;publiekszaken;2024-06-12\nB2;Bob Bos;Balie;receptie;2024-06-12`;
    await page.getByLabel('Inhoud van het exportbestand').fill(bad);
    await submit(page, page.getByRole('button', { name: 'Importeren' }));
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, '#csv', /1 regel is afgekeurd/);
    await assertText(page.locator('.mr-error-summary'), '1 regel is afgekeurd');
    const rejected = page.getByRole('region', { name: 'Afgekeurde regels' });
    await assertText(rejected, "Onbekende doelgroep 'receptie'");
    assert.equal((await rejected.getByRole('row').nth(1).getByRole('cell').first().innerText()).trim(), '3');
    assert.equal(await page.getByLabel('Inhoud van het exportbestand').inputValue(), bad, 'the text is kept');
    await assertAccessible(page, 'import form with rejected lines', { zoomedAxe: true });
    // Corrected, the file is imported.
    await page.getByLabel('Inhoud van het exportbestand').fill(bad.replace('receptie', 'toezicht'));
    await submit(page, page.getByRole('button', { name: 'Importeren' }));
    await assertText(page.getByRole('status'), 'Gelukt: 2 regels geïmporteerd. 2 nieuwe medewerkers');
    await assertAccessible(page, 'import done');

    // The names, and who is due for a refresher, only here.
    await page.goto('/opleiding/medewerkers');
    await assertText(page.getByRole('region', { name: /opnieuw moeten doen/ }), 'Cor Smit');
    await assertText(page.getByRole('region', { name: /opleidingsregister/ }), 'Bob Bos');
    await assertAccessible(page, 'staff (beheer)', { zoomedAxe: true });
    // Someone who left no longer counts; a name cannot be emptied.
    await page.getByRole('link', { name: 'Bob Bos wijzigen' }).click();
    await assertAccessible(page, 'staff member form');
    await page.getByLabel('Naam').fill('');
    await page.getByLabel('Werkt hier').uncheck();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await assertFieldError(page, '#name', 'Vul de naam in.');
    assert.equal(await page.getByLabel('Werkt hier').isChecked(), false, 'the unticked box stays unticked');
    await page.getByLabel('Naam').fill('Bob Bos');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(new URL(page.url()).pathname, '/opleiding/medewerkers');
    await assertText(page.getByRole('row', { name: /Bob Bos/ }), 'Niet actief');

    // Targets: a wrong number is named beside its field and kept.
    await page.goto('/opleiding/doelen');
    await assertAccessible(page, 'targets form');
    await page.getByLabel('Toezicht en handhaving (doel in procent)').fill('honderd');
    await page.getByLabel('Herhaling nodig na (maanden)').fill('');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, '#targets-toezicht', /heel getal van 0 tot en met 100/);
    await assertFieldError(page, '#refresherMonths', 'Vul het aantal maanden in.');
    assert.equal(await page.getByLabel('Toezicht en handhaving (doel in procent)').inputValue(), 'honderd');
    await assertAccessible(page, 'targets form with errors');
    await page.getByLabel('Toezicht en handhaving (doel in procent)').fill('90');
    await page.getByLabel('Herhaling nodig na (maanden)').fill('24');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(new URL(page.url()).pathname, '/opleiding');
    await assertText(page.getByRole('region', { name: /E-learning per doelgroep/ }), '90%');

    // An awareness activity: errors first, then recorded.
    await page.goto('/opleiding/activiteiten/nieuw');
    await assertAccessible(page, 'activity form');
    await page.getByLabel('Publiekszaken').fill('veel');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await assertFieldError(page, '#title');
    await assertFieldError(page, '#attendees-publiekszaken', /heel getal/);
    await assertAccessible(page, 'activity form with errors');
    await page.getByLabel('Naam van de activiteit').fill('Voorlichting gebiedsteams');
    await page.getByLabel('Datum').fill('2025-03-10');
    await page.getByLabel('Publiekszaken').fill('');
    await page.getByLabel('Gebiedsteams').fill('14');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(new URL(page.url()).pathname, '/opleiding');
    await assertText(page.getByRole('region', { name: /deelnemers per activiteit/ }), 'Voorlichting gebiedsteams');
  } finally {
    await context.close();
  }
});

test('beleid sees coverage without names and cannot open the names', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    await page.goto('/opleiding');
    const main = await page.getByRole('main').innerText();
    for (const name of ['Anna de Vries', 'Cor Smit']) assert.ok(!main.includes(name), `no ${name}`);
    assert.equal(await page.getByRole('link', { name: /importeren/ }).count(), 0, 'no administration links');
    await assertAccessible(page, 'training (beleid)');
    assert.equal((await page.goto('/opleiding/medewerkers')).status(), 403);
  } finally {
    await context.close();
  }
});

test('officers: the beheerder is warned when fewer than two are active; employees see the active ones at intake', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beheer');
    await page.goto('/aandachtfunctionarissen');
    assert.equal(await page.getByRole('main').getByRole('alert').count(), 0, 'two active officers: no warning');
    await assertAccessible(page, 'officers', { zoomedAxe: true });
    // Adding with empty fields: errors beside the fields and in the summary.
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await submit(page, page.getByRole('button', { name: 'Toevoegen' }));
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, '#name', 'Vul de naam in.');
    await assertFieldError(page, '#domain', /veiligheid of sociaal domein/);
    await assertFieldError(page, '#email', /e-mailadres/);
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'geen-adres');
    await assertAccessible(page, 'officers with errors');
    // Deactivating one brings the warning.
    await page.getByRole('link', { name: /Youssef el Amrani/ }).click();
    await assertAccessible(page, 'officer form');
    await page.getByLabel('Actief').uncheck();
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(new URL(page.url()).pathname, '/aandachtfunctionarissen');
    await assertText(page.getByRole('main').getByRole('alert').first(), 'Let op: Er is maar één actieve aandachtfunctionaris');
    await assertAccessible(page, 'officers with a warning');
    await page.goto('/');
    await assertText(page.getByRole('main').getByRole('alert').first(), 'maar één actieve aandachtfunctionaris');
  } finally {
    await context.close();
  }
  const reporter = await newPage(env);
  try {
    await signInWithForm(reporter.page, 'melder');
    await reporter.page.goto('/meldingen/nieuw');
    const contacts = reporter.page.getByRole('main').getByRole('list').first();
    await assertText(contacts, 'Sanne Visser (Veiligheid)');
    assert.equal(await reporter.page.getByText('Youssef el Amrani').count(), 0, 'an inactive officer is not shown');
    assert.equal(await contacts.getByRole('link', { name: '0316 000 101' }).getAttribute('href'), 'tel:0316000101');
    await assertAccessible(reporter.page, 'signal form with officer contacts');
  } finally {
    await reporter.context.close();
  }
  // Active again, for the other tests.
  const { context: again, page: restore } = await newPage(env);
  try {
    await signInWithForm(restore, 'beheer');
    await restore.goto('/aandachtfunctionarissen');
    await restore.getByRole('link', { name: /Youssef el Amrani/ }).click();
    await restore.getByLabel('Actief').check();
    await submit(restore, restore.getByRole('button', { name: 'Opslaan' }));
  } finally {
    await again.close();
  }
});

test('action plan: beleid changes an action with the keyboard only; the officer reads the yearly progress', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    await page.goto('/actieplan');
    await assertText(page.getByRole('heading', { level: 2 }).first(), 'Doel 1: Signaleren');
    await assertText(page.getByRole('region', { name: 'Acties bij doel 2' }), 'Te laat');
    await assertAccessible(page, 'action plan (beleid)', { zoomedAxe: true });
    await tabTo(page, 'a[href="/actieplan/acties/bewustwording"]');
    await Promise.all([page.waitForURL('**/actieplan/acties/bewustwording'), page.keyboard.press('Enter')]);
    await assertAccessible(page, 'action form');
    await tabTo(page, '#owner');
    await page.keyboard.type('Team veiligheid');
    await tabTo(page, '#status');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#status').inputValue(), 'loopt', 'the arrow keys choose a status');
    await tabTo(page, '#notes');
    await page.keyboard.type('Menukaart Samen Weerbaar gekozen.');
    await tabTo(page, 'form[action="/actieplan/acties/bewustwording"] button[type="submit"]');
    await Promise.all([page.waitForURL(/\/actieplan(#[\w-]+)?$/), page.keyboard.press('Enter')]);
    const row = page.locator('#actie-bewustwording');
    await assertText(row, 'Team veiligheid');
    await assertText(row, 'Loopt');
    await assertText(row, 'Menukaart Samen Weerbaar gekozen.');
    // A too long owner is named beside the field, and the rest is kept.
    await page.goto('/actieplan/acties/bewustwording');
    await page.getByLabel('Eigenaar').fill('x'.repeat(201));
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await assertFieldError(page, '#owner', /te lang/);
    assert.equal(await page.getByLabel('Toelichting (niet verplicht)').inputValue(), 'Menukaart Samen Weerbaar gekozen.');
    await assertAccessible(page, 'action form with an error');
  } finally {
    await context.close();
  }
  const officer = await newPage(env);
  try {
    await signInWithForm(officer.page, 'af');
    await officer.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Actieplan' }).click();
    assert.equal(await officer.page.locator('a[href^="/actieplan/acties/"]').count(), 0, 'the officer reads, not edits');
    await officer.page.getByRole('link', { name: /voortgang per jaar/ }).click();
    await assertText(officer.page.getByRole('heading', { level: 1 }), 'Voortgang actieplan');
    await assertText(officer.page.getByRole('main'), 'Mensenhandel opnemen in ander beleid');
    await assertAccessible(officer.page, 'plan report (af)', { zoomedAxe: true });
    await officer.page.getByLabel('Jaar').fill('2024');
    await submit(officer.page, officer.page.getByRole('button', { name: 'Toon' }));
    await assertText(officer.page.getByRole('heading', { level: 1 }), 'Voortgang actieplan 2024');
  } finally {
    await officer.context.close();
  }
});

test('without JavaScript: an import round trip, an officer added, an action changed', async () => {
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInWithForm(page, 'beheer');
    await page.goto('/opleiding/import');
    const text = `${HEADER}\nJ1;Jet Zonder;Balie;publiekszaken;01-02-2024\nJ2;Joop Zonder;Balie;overig;morgen`;
    await page.getByLabel('Inhoud van het exportbestand').fill(text);
    await submit(page, page.getByRole('button', { name: 'Importeren' }));
    await assertFieldError(page, '#csv', /1 regel is afgekeurd/);
    await assertText(page.getByRole('region', { name: 'Afgekeurde regels' }), "'morgen' is geen datum");
    await page.getByLabel('Inhoud van het exportbestand').fill(text.replace('morgen', ''));
    await submit(page, page.getByRole('button', { name: 'Importeren' }));
    await assertText(page.getByRole('status'), 'Gelukt: 2 regels geïmporteerd');

    await page.goto('/aandachtfunctionarissen');
    await page.getByLabel('Naam').fill('Derde Functionaris');
    await page.getByLabel('Domein').selectOption('sociaal-domein');
    await page.getByLabel('Telefoonnummer').fill('0316 000 103');
    await page.getByLabel('E-mailadres').fill('derde@gemeente.example');
    await submit(page, page.getByRole('button', { name: 'Toevoegen' }));
    assert.equal(new URL(page.url()).pathname, '/aandachtfunctionarissen');
    await assertText(page.getByRole('region', { name: 'Aandachtfunctionarissen' }), 'Derde Functionaris');

    await page.goto('/actieplan/acties/aansluiting-moviera');
    await page.getByLabel('Status').selectOption('afgerond');
    await page.getByLabel('Eigenaar').fill('Team zorg');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    assert.equal(new URL(page.url()).pathname, '/actieplan');
    await assertText(page.locator('#actie-aansluiting-moviera'), 'Afgerond');
  } finally {
    await context.close();
  }
});
