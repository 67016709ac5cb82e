// Heropenen on the case page: a closed case offers only "Casus heropenen" with a reason field; an empty reason
// comes back with a Dutch error next to the field; a good one sends the case back to "Vastgelegd" with the
// earlier closure listed. By keyboard only and without JavaScript, with axe-core on every state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, signIn } from '../support/server.mjs';
import { buildCase, fileSignal } from '../support/route.mjs';
import {
  assertAccessible, assertFieldError, assertText, assertUniqueIds, newPage, offeredSteps, screenshot, signInWithForm,
  startEnvironment, tabTo,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

/** A case walked to afgesloten over the API. */
async function closedCase(narrative) {
  const melder = await signIn(env.url, 'melder');
  const af = await signIn(env.url, 'af');
  const signal = await fileSignal(env.url, melder, { narrative });
  return (await buildCase(env.url, af, [signal.id], 'afgesloten')).caseId;
}

test('by keyboard only: a closed case is reopened with a reason, a missing reason is named at the field', async () => {
  const caseId = await closedCase('Heropen-browsertest: twee vrouwen wonen boven de nagelstudio.');
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await page.goto(`/casussen/${caseId}`);
    assert.deepEqual(await offeredSteps(page), ['heropenen'], 'a closed case offers only reopening');
    await assertText(page.getByRole('heading', { name: 'Casus heropenen' }), 'Casus heropenen');
    await assertAccessible(page, 'closed case with the reopen form');
    await assertUniqueIds(page, 'closed case');

    // Submitted without a reason: the page comes back with the error at the field and in a summary.
    await tabTo(page, 'form[action$="/heropenen"] button[type="submit"]');
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, '#heropenen-reason', 'Geef aan waarom de casus opnieuw wordt geopend.');
    await assertText(page.getByRole('alert').filter({ has: page.getByRole('heading') }), 'opnieuw wordt geopend');
    await assertAccessible(page, 'reopen form with an error');
    await screenshot(page, 'case-reopen-error');
    await assertText(page.locator('dl').first(), 'Afgesloten');

    // With a reason, by keyboard: back to Vastgelegd, the earlier closure and the reason on the page.
    await page.locator('#heropenen-reason').focus();
    await page.keyboard.type('Nieuwe melding over dezelfde nagelstudio.');
    await tabTo(page, 'form[action$="/heropenen"] button[type="submit"]');
    await Promise.all([page.waitForURL(`**/casussen/${caseId}#tijdlijn`), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    await assertText(page.locator('dl').first(), 'Vastgelegd');
    await assertText(page.locator('dl').first(), '1 keer');
    await assertText(page.getByRole('heading', { name: 'Eerdere afsluitingen' }), 'Eerdere afsluitingen');
    await assertText(page.locator('main'), 'Nieuwe melding over dezelfde nagelstudio.');
    const offered = await offeredSteps(page);
    assert.ok(offered.includes('verrijken'), `the route runs again from enriching: ${offered}`);
    assert.ok(!offered.includes('heropenen') && !offered.includes('wegen') && !offered.includes('afsluiten'), `${offered}`);
    await assertAccessible(page, 'reopened case');
    await screenshot(page, 'case-reopened');

    // The case list marks it.
    await page.goto('/casussen');
    await assertText(page.getByRole('table', { name: 'Alle casussen' }), '(heropend)');
  } finally {
    await context.close();
  }
});

test('without JavaScript: the reopen form posts and answers as plain HTML', async () => {
  const caseId = await closedCase('Heropen-browsertest zonder script: busje bij de loods.');
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInWithForm(page, 'af');
    await page.goto(`/casussen/${caseId}`);
    const form = page.locator('form[action$="/heropenen"]');
    assert.equal(await form.getAttribute('method'), 'post');
    assert.equal(await form.locator('input[name="csrf"]').count(), 1);
    await form.getByLabel('Reden om te heropenen').fill('x'.repeat(1001));
    await Promise.all([page.waitForEvent('framenavigated'), form.getByRole('button', { name: 'Heropenen' }).click()]);
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^Fout: /);
    await assertText(page.locator('#heropenen-reason-fout'), 'hoogstens 1000 tekens');
    await page.locator('form[action$="/heropenen"]').getByLabel('Reden om te heropenen').fill('Partner meldt nieuwe feiten.');
    await Promise.all([page.waitForURL(`**/casussen/${caseId}#tijdlijn`),
      page.locator('form[action$="/heropenen"]').getByRole('button', { name: 'Heropenen' }).click()]);
    await assertText(page.locator('dl').first(), 'Vastgelegd');
    assert.equal(await page.locator('form[action$="/heropenen"]').count(), 0, 'no reopen form on an open case');
  } finally {
    await context.close();
  }
  // What the page did is what the API sees.
  const af = await signIn(env.url, 'af');
  const file = (await api(env.url, 'GET', `/api/v1/cases/${caseId}`, { token: af })).body;
  assert.equal(file.status, 'vastgelegd');
  assert.deepEqual(file.reopenings.map((r) => r.reason), ['Partner meldt nieuwe feiten.']);
});
