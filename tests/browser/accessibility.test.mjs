// axe-core (WCAG 2.1 A + AA) and reflow at 640px on the pages the route tests do not reach: the public
// pages, the start pages of beleid, beheer and auditor, the figures, the audit trail, the demo case and a
// signal form with errors in the person rows. (route.test.mjs checks the melder's and the officer's pages
// in every state of the route; guards.test.mjs the 403 and 404 pages, the figures and the sign-in error.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertFieldError, assertFieldValid, assertText, newPage, screenshot,
  signInWithForm, startEnvironment, submit,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('public pages', async () => {
  const { context, page } = await newPage(env);
  try {
    for (const [path, heading] of [['/', 'Mensenhandel herkennen en melden'], ['/inloggen', 'Inloggen'],
      ['/toegankelijkheidsverklaring', 'Toegankelijkheidsverklaring']]) {
      await page.goto(path);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      await assertText(page.getByRole('heading', { level: 1 }), heading);
      await assertAccessible(page, `${path} (anonymous)`, { zoomedAxe: path === '/' });
    }
    // At phone width (320px) the public page and the sign-in form still fit.
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of ['/', '/inloggen']) {
      await page.goto(path);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `${path} at 320px: ${scrollWidth} > ${clientWidth}`);
    }
  } finally {
    await context.close();
  }
});

test('start pages and own pages of beleid, beheer and auditor', async () => {
  const ownPages = { beleid: ['/', '/cijfers'], beheer: ['/'], auditor: ['/', '/audittrail'] };
  for (const [role, paths] of Object.entries(ownPages)) {
    const { context, page } = await newPage(env);
    try {
      await signInWithForm(page, role);
      for (const path of paths) {
        const response = await page.goto(path);
        assert.equal(response.status(), 200);
        await assertAccessible(page, `${path} (${role})`);
      }
      if (role === 'auditor') {
        await assertText(page.getByRole('status'), 'De keten is intact');
        assert.ok(await page.getByRole('region', { name: /gebeurtenissen/ }).getByRole('row').count() > 1, 'audit events listed');
      }
      // The 403 page and the statement are the same templates for every role (checked in guards.test.mjs
      // and above); here only that they render for this role with its header.
      const forbidden = await page.goto('/casussen');
      assert.equal(forbidden.status(), 403);
      await assertText(page.getByRole('heading', { level: 1 }), 'Geen toegang');
      await page.goto('/toegankelijkheidsverklaring');
      assert.equal(await page.getByText(`Aangemeld als ${role}`).count(), 1);
      await assertText(page.getByRole('heading', { level: 1 }), 'Toegankelijkheidsverklaring');
    } finally {
      await context.close();
    }
  }
});

test('the officer: the demo case waiting on a partner, a signal not yet in a case', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await assertText(page.getByRole('main'), 'Wachten op terugkoppeling van een partner');
    await page.goto('/cijfers');
    await assertText(page.getByRole('heading', { level: 1 }), 'Cijfers');
    await page.goto('/casussen');
    await assertText(page.getByRole('main'), 'Wacht op partner');
    await page.getByRole('main').getByRole('link', { name: /^Casus / }).first().click();
    await page.waitForURL(/\/casussen\/[^/]+$/);
    await assertText(page.getByRole('region', { name: /Nederlandse Arbeidsinspectie/ }), 'Terugkoppeling verwacht uiterlijk');
    await assertAccessible(page, 'demo case (af)');
    await screenshot(page, 'case-demo');
    // The signal of that case links back to it.
    const signalLink = await page.goto('/inbox').then(() => page.getByRole('main').getByRole('link').first());
    await signalLink.click();
    await page.waitForURL(/\/meldingen\/[^/]+$/);
    assert.equal(await page.getByRole('button', { name: 'Vastleggen als casus' }).count(), 1, 'a new signal can be recorded');
    await page.goto('/meldingen/nieuw');
    await assertText(page.getByRole('heading', { level: 1 }), 'Nieuwe melding');
  } finally {
    await context.close();
  }
});

test('signal form errors in a person row are shown at the row that was filled in', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'melder2');
    await page.goto('/meldingen/nieuw');
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Iemand slaapt in de schuur achter de kwekerij.');
    await page.getByLabel('Datum waarop u het zag (niet verplicht)').fill('2999-01-01');
    const second = page.getByRole('group', { name: 'Betrokken persoon 2 (niet verplicht)' });
    await second.getByLabel('Naam').fill('Onbekende man');
    await second.getByLabel('Geboortejaar').fill('negentien');
    await second.getByLabel('Telefoonnummer').fill('12');
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, second.getByLabel('Rol'), 'Kies de rol van deze persoon.');
    await assertFieldError(page, second.getByLabel('Geboortejaar'), /4 cijfers/);
    await assertFieldError(page, second.getByLabel('Telefoonnummer'), /telefoonnummer/i);
    await assertFieldError(page, '#observedOn', /toekomst/);
    const first = page.getByRole('group', { name: 'Betrokken persoon 1 (niet verplicht)' });
    await assertFieldValid(page, first.getByLabel('Rol'));
    await assertFieldValid(page, '#narrative');
    assert.equal(await second.getByLabel('Naam').inputValue(), 'Onbekende man', 'the row keeps its input');
    assert.equal(await second.getByLabel('Geboortejaar').inputValue(), 'negentien');
    assert.equal(await page.getByLabel('Wat hebt u gezien of gehoord?').inputValue(),
      'Iemand slaapt in de schuur achter de kwekerij.');
    // Every link in the error summary leads to a control on the page.
    const targets = await page.locator('.mr-error-summary a').evaluateAll(
      (links) => links.map((link) => document.getElementById(link.getAttribute('href').slice(1))?.tagName ?? 'missing'));
    assert.equal(targets.length, 4);
    assert.ok(targets.every((tag) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(tag)), `summary targets: ${targets}`);
    await assertAccessible(page, 'signal form with person errors');

    // Corrected, the person is filed as the only person.
    await second.getByLabel('Rol').selectOption('verdachte');
    await second.getByLabel('Geboortejaar').fill('1980');
    await second.getByLabel('Telefoonnummer').fill('0612345678');
    await page.getByLabel('Datum waarop u het zag (niet verplicht)').fill('');
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    assert.match(page.url(), /\?ontvangen=ja$/);
    await assertText(page.getByRole('main'), 'Mogelijke dader: Onbekende man, geboren 1980, tel. 0612345678');
    assert.equal(await page.getByRole('main').getByText(/slachtoffer/).count(), 0, 'no empty first person');
  } finally {
    await context.close();
  }
});
