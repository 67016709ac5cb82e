// Two officers on one case page: the first records an enrichment; the second, whose page still shows the old
// state, submits the same form and is told that the case changed meanwhile, sees the new state with their own
// text kept, and nothing of theirs is recorded until they submit again. Checked with axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, isoDate, signIn } from '../support/server.mjs';
import { assertAccessible, assertText, newPage, signInWithForm, startEnvironment, submit } from './helpers.mjs';

let env;
let caseId;

before(async () => {
  env = await startEnvironment();
  const melder = await signIn(env.url, 'melder');
  const af = await signIn(env.url, 'af');
  const filed = await api(env.url, 'POST', '/api/v1/signals', {
    token: melder,
    body: { channel: 'persoonlijk', narrative: 'Twee collega\'s openen tegelijk deze casus.', indicatorCodes: ['ARB-02'], observedOn: isoDate(-1) },
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const created = await api(env.url, 'POST', '/api/v1/cases', { token: af, body: { signalIds: [filed.body.id] } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  caseId = created.body.id;
});
after(async () => { await env?.close(); });

async function enrich(page, content) {
  const section = page.getByRole('region', { name: 'Verrijken met informatie uit gemeentelijke systemen' });
  await section.getByLabel('Bron').selectOption({ index: 1 });
  await section.getByLabel('Doel van de raadpleging').fill('Nagaan wie er woont');
  await section.getByLabel('Wat u vond').fill(content);
  await submit(page, section.getByRole('button', { name: 'Verrijking vastleggen' }));
}

test('a step on a case that changed meanwhile is refused with a message, and the page shows the new state', async () => {
  const first = await newPage(env);
  const second = await newPage(env);
  try {
    await signInWithForm(first.page, 'af');
    await signInWithForm(second.page, 'af');
    await first.page.goto(`/casussen/${caseId}`);
    await second.page.goto(`/casussen/${caseId}`);

    await enrich(first.page, 'Eerste collega: drie personen ingeschreven.');
    assert.match(first.page.url(), /#tijdlijn$/);

    await enrich(second.page, 'Tweede collega: zelf ook gekeken.');
    const { page } = second;
    assert.match(await page.title(), /^Fout: /);
    await assertText(page.getByRole('alert').first(), /Iemand anders heeft deze casus intussen gewijzigd/);
    // The page now shows the colleague's enrichment, and the second officer's own text is still in the form.
    await assertText(page.locator('main'), 'Eerste collega: drie personen ingeschreven.');
    const mentions = page.getByText('Tweede collega: zelf ook gekeken.', { exact: true });
    assert.deepEqual(await mentions.evaluateAll((elements) => elements.map((element) => element.tagName)), ['TEXTAREA'],
      'the refused enrichment is only in the form, not on the case');
    const section = page.getByRole('region', { name: 'Verrijken met informatie uit gemeentelijke systemen' });
    assert.equal(await section.getByLabel('Wat u vond').inputValue(), 'Tweede collega: zelf ook gekeken.');
    await assertAccessible(page, 'case page, changed meanwhile');

    // Submitting again, now from the new state, records it.
    await submit(page, section.getByRole('button', { name: 'Verrijking vastleggen' }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.locator('main'), 'Tweede collega: zelf ook gekeken.');
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
