// The figures pages: the dashboard (yearly overview with inline SVG charts, each with a data table beside it;
// the officer's own work), the figures of a year, the care evaluation and the yearly figures from before
// meldroute. axe-core at desktop width and at 640px, and the beleid flows by keyboard only without JavaScript.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertText, newPage, screenshot, signInWithForm, startEnvironment, submit, tabTo,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('beleid: dashboard, figures, evaluation and yearly figures are accessible, charts named and tabulated', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
    assert.deepEqual(nav, ['Start', 'Cijfers', 'Dashboard', 'Evaluatie', 'Jaarcijfers', 'Opleiding', 'Actieplan']);
    for (const [path, heading] of [['/dashboard', 'Dashboard'], ['/dashboard?afgeschermd=ja', 'Dashboard'],
      ['/cijfers', 'Cijfers'], ['/cijfers?afgeschermd=ja', 'Cijfers'], ['/evaluatie', 'Evaluatie zorgtrajecten'],
      ['/evaluatie?afgeschermd=ja', 'Evaluatie zorgtrajecten'], ['/jaarcijfers', 'Jaarcijfers']]) {
      const response = await page.goto(path);
      assert.equal(response.status(), 200, path);
      await assertText(page.getByRole('heading', { level: 1 }), heading);
      await assertAccessible(page, `${path} (beleid)`, { zoomedAxe: !path.includes('afgeschermd') });
    }
    await page.goto('/dashboard');
    await screenshot(page, 'dashboard-beleid');
    // Every chart is an image with a name and a description, and sits beside a table with its numbers.
    const charts = await page.locator('svg.mr-chart').evaluateAll((svgs) => svgs.map((svg) => ({
      role: svg.getAttribute('role'),
      title: svg.querySelector('title')?.textContent ?? '',
      desc: svg.querySelector('desc')?.textContent ?? '',
      tables: svg.closest('.mr-chart-pair')?.querySelectorAll('table').length ?? 0,
    })));
    assert.ok(charts.length >= 5, `charts: ${charts.length}`);
    for (const chart of charts) {
      assert.equal(chart.role, 'img');
      assert.ok(chart.title.length > 0 && chart.desc.length > 0, JSON.stringify(chart));
      assert.equal(chart.tables, 1, `a data table beside "${chart.title}"`);
    }
    // The seed's table is there: 110 meldingen in the region in 2023.
    const regionChart = page.getByRole('img', { name: /Meldingen in de regio/ });
    assert.equal(await regionChart.count(), 1);
    await assertText(page.getByRole('table', { name: /Meldingen in de regio.*tabel/ }), '110');
    await assertText(page.getByRole('table', { name: /Jaaroverzicht/ }), '2019');
    assert.equal(await page.getByText('Uw werk').count(), 0, 'beleid has no work overview');
  } finally {
    await context.close();
  }
});

test('beleid by keyboard only: enters a year of figures and sees them in the overview', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    await page.goto('/jaarcijfers');
    await tabTo(page, '#year');
    await page.keyboard.type('2018');
    await tabTo(page, '#regionSignals');
    await page.keyboard.type('veel');
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^Fout: /);
    await assertText(page.getByRole('alert'), 'Geef een aantal in cijfers');
    assert.equal(await page.locator('#regionSignals').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'yearly figures with errors');
    await page.locator('#regionSignals').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('41');
    await tabTo(page, '#source');
    await page.keyboard.type('Regionale rapportage 2018');
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL('**/jaarcijfers?opgeslagen=2018'), page.keyboard.press('Enter')]);
    await assertText(page.getByRole('status'), 'Opgeslagen');
    await assertText(page.getByRole('table', { name: 'Ingevoerde jaarcijfers' }), 'Regionale rapportage 2018');
    await page.goto('/dashboard');
    await assertText(page.getByRole('table', { name: /Jaaroverzicht/ }), '2018');

    // The figures of a year, with small counts suppressed, chosen by keyboard.
    await page.goto('/cijfers');
    await tabTo(page, '#afgeschermd');
    await page.keyboard.press('Space');
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/afgeschermd=ja/), page.keyboard.press('Enter')]);
    await assertText(page.getByRole('status'), 'Afgeschermd');
    await assertText(page.getByRole('table', { name: 'Meldingen per kanaal' }), '< 5');
  } finally {
    await context.close();
  }
});

test('without JavaScript: the charts, tables and the figures form work as plain HTML', async () => {
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInWithForm(page, 'beleid');
    await page.goto('/dashboard');
    assert.ok(await page.getByRole('img', { name: /Zorgtrajecten in de regio/ }).count() === 1, 'a chart without script');
    await page.goto('/evaluatie');
    await assertText(page.getByRole('table', { name: /naar stand/ }), 'Totaal gestart');
    await page.goto('/jaarcijfers');
    await page.getByRole('textbox', { name: 'Jaar' }).fill('2017');
    await page.getByLabel('Aantal voor Zevenaar').fill('0');
    await page.getByLabel('Bron').fill('Jaarverslag 2017');
    await submit(page, page.getByRole('button', { name: 'Opslaan' }));
    await assertText(page.getByRole('status'), 'de cijfers van 2017');
  } finally {
    await context.close();
  }
});

test('the officer: the dashboard shows the own work beside the yearly overview', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await assertText(page.getByRole('main'), 'Terugkoppeling aan melders nog te geven');
    await page.goto('/dashboard');
    await assertText(page.getByRole('heading', { level: 2 }).first(), 'Uw werk');
    await assertText(page.getByRole('main'), 'Wachten op terugkoppeling van een partner');
    const attention = page.getByRole('table', { name: 'Casussen die aandacht vragen' });
    assert.ok(await attention.getByRole('link', { name: /^Casus / }).count() >= 1, 'cases that need attention');
    await assertAccessible(page, 'dashboard (af)', { zoomedAxe: true });
    await screenshot(page, 'dashboard-af');
  } finally {
    await context.close();
  }
});
