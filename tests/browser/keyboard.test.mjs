// Keyboard only (Tab, Shift+Tab, Space, Enter, arrows, typing; no clicks) and without JavaScript: signing
// in and filing a signal, including the error round trip, must work both ways.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertFieldError, assertText, newPage, PASSWORD, signalIdFrom, signInWithForm, signOutWithForm, startEnvironment,
  submit,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

/** What has keyboard focus: a short description, and whether a focus indicator is drawn. */
async function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { description: 'body', visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      description: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.innerText || element.value || '').trim().slice(0, 40)}"`,
      id: element.id,
      text: (element.innerText || '').trim(),
      visible: outline || shadow,
    };
  });
}

/** Presses Tab until the element matching `selector` has focus; every stop on the way must show focus. */
async function tabTo(page, selector, { max = 120, backwards = false } = {}) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const state = await page.evaluate(async (sel) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const element = document.activeElement;
      const style = element ? getComputedStyle(element) : null;
      // Chromium puts the calendar button inside a date field in the Tab order; the field itself then does
      // not match :focus, and the browser draws its own ring around the button.
      const datePicker = element?.matches('input[type="date"]') && !element.matches(':focus');
      return {
        datePicker,
        hit: element?.matches(sel) ?? false,
        description: element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` : 'none',
        debug: style ? `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}` : '',
        visible: style !== null && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'),
      };
    }, selector);
    assert.ok(state.visible || state.datePicker, `keyboard focus is visible on ${state.description} (${state.debug})`);
    if (state.hit) return presses + 1;
  }
  assert.fail(`Tab did not reach ${selector} within ${max} presses`);
}

test('keyboard only: sign in, file a signal with a failed first attempt, sign out', async () => {
  const { context, page } = await newPage(env);
  try {
    await page.goto('/inloggen');
    // The first Tab stop is the skip link; following it, the next Tab stop is the first field in <main>.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Direct naar de inhoud');
    assert.ok((await focused(page)).visible, 'the skip link shows focus');
    const skipBox = await page.getByRole('link', { name: 'Direct naar de inhoud' }).boundingBox();
    assert.ok(skipBox && skipBox.width > 1 && skipBox.height > 1, 'the skip link is visible when focused');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'username', 'after the skip link, Tab goes to the first field');
    await page.keyboard.type('melder');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.keyboard.press('Enter')]);
    await assertText(page.getByRole('heading', { level: 1 }), 'Welkom, melder');

    // To the form through the main navigation.
    await tabTo(page, 'nav a[href="/meldingen/nieuw"]');
    await Promise.all([page.waitForURL('**/meldingen/nieuw'), page.keyboard.press('Enter')]);

    // Fill in some fields, tick indicators with Space, leave the narrative empty, submit with Enter.
    await tabTo(page, '#channel');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#channel').inputValue(), 'telefoon', 'the arrow keys choose an option');
    await tabTo(page, '#location-postcode');
    await page.keyboard.type('6901AB');
    await tabTo(page, '#persons-0-role');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#persons-0-role').inputValue(), 'slachtoffer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jonge vrouw, naam onbekend');
    for (const code of ['ALG-01', 'ALG-13', 'SEK-06']) {
      await tabTo(page, `[id="${code}"]`);
      await page.keyboard.press('Space');
      assert.equal(await page.locator(`[id="${code}"]`).isChecked(), true, `${code} ticked with Space`);
    }
    await tabTo(page, 'form[action="/meldingen/nieuw"] button[type="submit"]');
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
    await assertFieldError(page, '#narrative', 'Beschrijf wat u hebt gezien of gehoord.');

    // From the top of the page, the error summary's link is reached by keyboard and leads to the field.
    await page.keyboard.press('Tab'); // the first Tab of a loaded page starts at the top
    await tabTo(page, '.mr-error-summary a[href="#narrative"]');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'narrative', 'the error link moves focus to the field');
    await page.keyboard.type('Aan de balie stond een jonge vrouw die niet zelf mocht praten.');
    assert.equal(await page.locator('[id="SEK-06"]').isChecked(), true, 'the ticks survived the round trip');
    await tabTo(page, 'form[action="/meldingen/nieuw"] button[type="submit"]');
    await Promise.all([page.waitForURL(/\/meldingen\/[^/]+\?ontvangen=ja$/), page.keyboard.press('Enter')]);
    await assertText(page.getByRole('status'), 'Uw melding is ontvangen');
    const main = page.getByRole('main');
    await assertText(main, 'Aan de balie stond een jonge vrouw die niet zelf mocht praten.');
    await assertText(main, 'telefoon');
    await assertText(main, '6901AB');
    await assertText(main, 'Jonge vrouw, naam onbekend');
    for (const code of ['ALG-01', 'ALG-13', 'SEK-06']) await assertText(main, `${code}:`);

    // Sign out with the keyboard.
    await tabTo(page, 'form[action="/uitloggen"] button', { backwards: true });
    await Promise.all([page.waitForURL('**/inloggen'), page.keyboard.press('Enter')]);
    assert.equal(await page.getByText(/Aangemeld als/).count(), 0);
  } finally {
    await context.close();
  }
});

test('without JavaScript: sign in, file a signal after an error, record and enrich it, sign out', async () => {
  const reporter = await newPage(env, { javaScriptEnabled: false });
  let signalId;
  try {
    const { page } = reporter;
    await page.goto('/inloggen');
    assert.equal(await page.locator('script').count(), 0, 'the pages carry no scripts at all');
    await signInWithForm(page, 'melder2');
    await page.goto('/meldingen/nieuw');
    await page.getByLabel('Hoe kwam het signaal binnen?').selectOption('persoonlijk');
    await page.getByLabel('Postcode').fill('12');
    await page.locator('[id="ARB-02"]').check();
    await page.locator('[id="CRI-04"]').check();
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));
    await assertFieldError(page, '#narrative', /\S/);
    await assertFieldError(page, '#location-postcode', /postcode/i);
    assert.equal(await page.locator('#channel').inputValue(), 'persoonlijk');
    const checked = await page.locator('input[name="indicatorCodes"]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
    assert.deepEqual(checked.sort(), ['ARB-02', 'CRI-04']);
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill('Busje met arbeiders, elke ochtend om vijf uur opgehaald.');
    await page.getByLabel('Postcode').fill('');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.waitForURL(/\/meldingen\/[^/]+\?ontvangen=ja$/);
    signalId = signalIdFrom(page.url().replace(/\?.*$/, ''));
    await assertText(page.getByRole('status'), 'Uw melding is ontvangen');
    await signOutWithForm(page);
  } finally {
    await reporter.context.close();
  }

  const officer = await newPage(env, { javaScriptEnabled: false });
  try {
    const { page } = officer;
    await signInWithForm(page, 'af');
    await page.goto('/inbox');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/meldingen/${signalId}"]`) });
    await row.getByRole('button', { name: /Vastleggen/ }).click();
    await page.waitForURL(/\/casussen\/[^/#]+$/);
    const enrich = page.getByRole('region', { name: 'Verrijken met informatie uit gemeentelijke systemen' });
    await enrich.getByLabel('Bron').selectOption({ index: 1 });
    await enrich.getByLabel('Doel van de raadpleging').fill('Adres controleren');
    await enrich.getByLabel('Wat u vond').fill('Niets gevonden.');
    await submit(page, enrich.getByRole('button', { name: 'Verrijking vastleggen' }));
    await assertText(page.locator('main dl').first(), 'Verrijkt');
    assert.ok(await page.getByRole('region', { name: 'Wegen: hoe urgent, welke vorm' }).count() === 1, 'weighing is offered next');
    await signOutWithForm(page);
  } finally {
    await officer.context.close();
  }
});
