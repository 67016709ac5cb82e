// The inbox a page at a time: 100 signals, newest first, and a "Volgende pagina" link to the older ones that
// works as a plain link without JavaScript, with a way back to the newest; a bad cursor is a 400 page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn } from '../support/server.mjs';
import { fileSignal } from '../support/route.mjs';
import { assertAccessible, assertText, newPage, signInWithForm, startEnvironment } from './helpers.mjs';

let env;
before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('without JavaScript: "Volgende pagina" leads from the 100 newest to the older signals and back', async () => {
  const melder = await signIn(env.url, 'melder');
  const oldest = await fileSignal(env.url, melder, { narrative: 'Inbox-pagina-test: de oudste van deze reeks.' });
  for (let number = 0; number < 100; number += 1) {
    await fileSignal(env.url, melder, { narrative: `Inbox-pagina-test: melding ${number}.` });
  }
  const { context, page } = await newPage(env, { javaScriptEnabled: false });
  try {
    await signInWithForm(page, 'af');
    await page.goto('/inbox');
    const rows = page.locator('table tbody tr');
    assert.equal(await rows.count(), 100, 'the first page holds 100');
    assert.equal(await page.locator(`a[href="/meldingen/${oldest.id}"]`).count(), 0, 'the oldest is not on it');
    const next = page.getByRole('link', { name: 'Volgende pagina: oudere meldingen' });
    assert.match(await next.getAttribute('href'), /^\/inbox\?voor=[0-9]+$/, 'only a position in the URL');

    await Promise.all([page.waitForURL(/\/inbox\?voor=[0-9]+$/), next.click()]);
    assert.equal(await page.locator(`a[href="/meldingen/${oldest.id}"]`).count(), 1, 'the oldest is on the next page');
    await assertText(page.locator('caption'), '(vervolg)');
    const nextPage = new URL(page.url()).pathname + new URL(page.url()).search;
    await Promise.all([page.waitForURL(/\/inbox$/),
      page.getByRole('link', { name: 'Terug naar de nieuwste meldingen' }).click()]);
    assert.equal(await rows.count(), 100);

    const refused = await page.goto('/inbox?voor=abc');
    assert.equal(refused.status(), 400);

    // Both pages pass axe-core (which needs JavaScript: a page of its own).
    const checked = await newPage(env);
    try {
      await signInWithForm(checked.page, 'af');
      await checked.page.goto('/inbox');
      await assertAccessible(checked.page, 'inbox, first page');
      await checked.page.goto(nextPage);
      await assertAccessible(checked.page, 'inbox, next page');
    } finally {
      await checked.context.close();
    }
  } finally {
    await context.close();
  }
});
