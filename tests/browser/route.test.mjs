// The whole meldroute in a browser: a melder files a signal (with a failed first attempt), the
// aandachtfunctionaris takes it through every step of the route on the case page using only the forms
// offered, and the melder sees the outcome. Every page state on the way is checked with axe-core and
// at 640px width. The tests in this file run in order and share one server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertFieldError, assertFieldValid, assertText, newPage, offeredSteps, screenshot, submit,
  signalIdFrom, signInWithForm, signOutWithForm, startEnvironment,
} from './helpers.mjs';

let env;
const shared = { signalId: '', caseId: '' };

const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
const inTenDays = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
const NARRATIVE = 'Bij de balie meldde zich een man met drie jonge vrouwen. Hij had hun paspoorten en deed het woord.';
const INDICATORS = ['ALG-01', 'ALG-12', 'SEK-02', 'ARB-04'];
const FEEDBACK = 'Dank voor uw melding. Wij hebben de zaak besproken met Moviera en de politie; er is hulp ingezet.';

before(async () => { env = await startEnvironment(); });
after(async () => { await env?.close(); });

test('a melder files a signal; a failed attempt shows errors at the fields and keeps the input', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'melder');
    await assertAccessible(page, 'start page (melder)');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe melding' }).click();
    await page.waitForURL('**/meldingen/nieuw');
    await assertAccessible(page, 'signal form');
    await screenshot(page, 'signal-form');

    // Everything filled in, except an empty narrative and a postcode that is not Dutch.
    await page.getByLabel('Hoe kwam het signaal binnen?').selectOption('telefoon');
    await page.getByLabel('Datum waarop u het zag (niet verplicht)').fill(yesterday);
    await page.getByLabel('Straat').fill('Kerkstraat');
    await page.getByLabel('Huisnummer').fill('7a');
    await page.getByLabel('Postcode').fill('ABC 12');
    await page.getByLabel('Plaats').fill('Zevenaar');
    const person = page.getByRole('group', { name: 'Betrokken persoon 1 (niet verplicht)' });
    await person.getByLabel('Rol').selectOption('slachtoffer');
    await person.getByLabel('Naam').fill('Anna K.');
    await person.getByLabel('Geboortejaar').fill('2003');
    await person.getByLabel('Nationaliteit').fill('Roemeens');
    await person.getByLabel('Telefoonnummer').fill('0612345678');
    for (const code of INDICATORS) await page.locator(`[id="${code}"]`).check();
    await submit(page, page.getByRole('button', { name: 'Melding versturen' }));

    // Still on the form, with the errors at the two fields and a summary linking to them.
    assert.equal(new URL(page.url()).pathname, '/meldingen/nieuw');
    assert.match(await page.title(), /^Fout: /, 'the title starts with "Fout: "');
    await assertFieldError(page, '#narrative', 'Beschrijf wat u hebt gezien of gehoord.');
    await assertFieldError(page, '#location-postcode', /postcode/i);
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading') });
    const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
    assert.deepEqual(links, ['#location-postcode', '#narrative']);
    // Only those two fields are invalid.
    assert.equal(await page.locator('main [aria-invalid="true"]').count(), 2);
    await assertFieldValid(page, '#location-street');
    await assertFieldValid(page, '#channel');

    // Everything else that was typed is still there.
    assert.equal(await page.locator('#channel').inputValue(), 'telefoon');
    assert.equal(await page.locator('#observedOn').inputValue(), yesterday);
    assert.equal(await page.locator('#location-street').inputValue(), 'Kerkstraat');
    assert.equal(await page.locator('#location-houseNumber').inputValue(), '7a');
    assert.equal(await page.locator('#location-postcode').inputValue(), 'ABC 12');
    assert.equal(await page.locator('#location-city').inputValue(), 'Zevenaar');
    assert.equal(await page.locator('#persons-0-role').inputValue(), 'slachtoffer');
    assert.equal(await page.locator('#persons-0-name').inputValue(), 'Anna K.');
    assert.equal(await page.locator('#persons-0-birthYear').inputValue(), '2003');
    assert.equal(await page.locator('#persons-0-nationality').inputValue(), 'Roemeens');
    assert.equal(await page.locator('#persons-0-phone').inputValue(), '0612345678');
    assert.equal(await page.locator('#persons-1-role').inputValue(), '');
    const checked = await page.locator('input[name="indicatorCodes"]:checked').evaluateAll((boxes) => boxes.map((box) => box.value));
    assert.deepEqual(checked.sort(), [...INDICATORS].sort());
    await assertAccessible(page, 'signal form with errors', { zoomedAxe: true });
    await screenshot(page, 'signal-form-errors');

    // The summary link moves focus to the field.
    await summary.getByRole('link', { name: /Beschrijf wat u/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'narrative');

    // Corrected, the signal is accepted and the confirmation shows what was filed.
    await page.getByLabel('Wat hebt u gezien of gehoord?').fill(NARRATIVE);
    await page.getByLabel('Postcode').fill('6901 AB');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.waitForURL(/\/meldingen\/[^/]+\?ontvangen=ja$/);
    shared.signalId = signalIdFrom(page.url().replace(/\?.*$/, ''));
    await assertText(page.getByRole('status'), 'Uw melding is ontvangen');
    const main = page.getByRole('main');
    await assertText(main, NARRATIVE);
    await assertText(main, 'telefoon');
    await assertText(main, 'Kerkstraat 7a 6901 AB Zevenaar');
    await assertText(main, 'Gemeld, nog niet opgepakt');
    await assertText(main, 'Mogelijk slachtoffer: Anna K., geboren 2003, Roemeens, tel. 0612345678');
    for (const code of INDICATORS) await assertText(main, `${code}:`);
    await assertText(main, 'Nog geen terugkoppeling');
    assert.equal(await main.getByRole('button', { name: 'Vastleggen als casus' }).count(), 0, 'a melder cannot record');
    await assertAccessible(page, 'signal confirmation');

    await page.goto('/mijn-meldingen');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/meldingen/${shared.signalId}"]`) });
    assert.equal(await row.count(), 1);
    await assertText(row, 'Gemeld, nog niet opgepakt');
    await assertText(row, 'nog niet');
    await signOutWithForm(page);
  } finally {
    await context.close();
  }
});

test('the aandachtfunctionaris takes the signal through the whole route with the forms offered', async () => {
  assert.ok(shared.signalId, 'the signal of the first test');
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    await assertAccessible(page, 'start page (af)');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL('**/inbox');
    await assertAccessible(page, 'inbox', { zoomedAxe: true });
    await screenshot(page, 'inbox');

    // The signal is in the inbox; its page shows the details; record it from the inbox row.
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/meldingen/${shared.signalId}"]`) });
    assert.equal(await row.count(), 1, 'the new signal is in the inbox');
    await assertText(row, 'melder (telefoon)');
    await assertText(row, String(INDICATORS.length));
    await row.getByRole('link').click();
    await page.waitForURL(`**/meldingen/${shared.signalId}`);
    await assertText(page.getByRole('main'), NARRATIVE);
    await assertAccessible(page, 'signal page (af)');
    await page.goBack();
    await row.getByRole('button', { name: /Vastleggen/ }).click();
    await page.waitForURL(/\/casussen\/[^/#]+$/);
    shared.caseId = new URL(page.url()).pathname.split('/').pop();
    const main = page.getByRole('main');
    await assertText(page.getByRole('heading', { level: 1 }), `Casus ${shared.caseId.slice(-8)}`);
    await assertText(page.locator('main dl').first(), 'Vastgelegd');
    await assertText(main, NARRATIVE);

    // Before enriching: no weighing, referring, feedback or closing.
    const expectSteps = async (expected, label) => {
      assert.deepEqual(await offeredSteps(page), [...expected].sort(), `steps offered ${label}`);
    };
    await expectSteps(['koppelen', 'verrijken'], 'when recorded');
    await assertAccessible(page, 'case page, recorded');

    const section = (name) => page.getByRole('region', { name });

    // Enrich: first without anything filled in.
    const enrich = section('Verrijken met informatie uit gemeentelijke systemen');
    await submit(page, enrich.getByRole('button', { name: 'Verrijking vastleggen' }));
    assert.match(await page.title(), /^Fout: /);
    await assertFieldError(page, enrich.getByLabel('Bron'), 'Kies een bron uit de lijst.');
    await assertFieldError(page, enrich.getByLabel('Doel van de raadpleging'), 'Schrijf op waarom u deze bron raadpleegt.');
    await assertFieldError(page, enrich.getByLabel('Wat u vond'), 'Schrijf op wat u vond, ook als dat niets is.');
    await expectSteps(['koppelen', 'verrijken'], 'after a failed enrichment');
    await assertAccessible(page, 'case page, enrichment errors');
    await enrich.getByLabel('Bron').selectOption({ index: 1 });
    await enrich.getByLabel('Doel van de raadpleging').fill('Inschrijving van de betrokkene controleren');
    await enrich.getByLabel('Wat u vond').fill('Niets gevonden in de BRP.');
    await submit(page, enrich.getByRole('button', { name: 'Verrijking vastleggen' }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.locator('main dl').first(), 'Verrijkt');
    await assertText(main, 'Niets gevonden in de BRP.');
    await expectSteps(['koppelen', 'verrijken', 'wegen'], 'when enriched');

    // Weigh: missing urgency, forms and rationale first.
    const assess = section('Wegen: hoe urgent, welke vorm');
    await submit(page, assess.getByRole('button', { name: 'Weging vastleggen' }));
    assert.match(await page.title(), /^Fout: /);
    for (const option of ['Acuut — partnercontact vandaag', 'Hoog', 'Normaal']) {
      await assertFieldError(page, assess.getByRole('radio', { name: option }), /acuut, hoog of normaal/);
    }
    await assertFieldError(page, assess.getByRole('checkbox', { name: 'Seksuele uitbuiting' }), /vorm/);
    await assertFieldError(page, assess.getByLabel('Onderbouwing'), 'Schrijf op waarom u tot deze weging komt.');
    // The summary's links lead to the first option of each group and to the text field.
    const targets = await assess.getByRole('alert').getByRole('link').evaluateAll(
      (links) => links.map((link) => document.querySelector(link.getAttribute('href'))?.getAttribute('name')).sort());
    assert.deepEqual(targets, ['forms', 'rationale', 'urgency']);
    await assertAccessible(page, 'case page, weighing errors', { zoomedAxe: true });
    await screenshot(page, 'case-errors');
    await assess.getByRole('radio', { name: 'Hoog' }).check();
    await assess.getByRole('checkbox', { name: 'Seksuele uitbuiting' }).check();
    await assess.getByRole('checkbox', { name: 'Arbeidsuitbuiting' }).check();
    await assess.getByLabel('Onderbouwing').fill('Paspoorten afgenomen en iemand anders voert het woord.');
    await submit(page, assess.getByRole('button', { name: 'Weging vastleggen' }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.locator('main dl').first(), 'Gewogen');
    await assertText(page.locator('main dl').first(), 'hoog');
    await assertText(page.locator('main dl').first(), 'seksueel, arbeid');
    await expectSteps(['doorzetten', 'koppelen', 'verrijken', 'wegen'], 'when weighed');
    await assertAccessible(page, 'case page, weighed');

    // Refer: a date in the past is refused next to the date field; the rest is kept.
    const refer = section('Doorzetten naar een partner');
    await refer.getByLabel('Partner').selectOption('moviera');
    await refer.getByLabel('Terugkoppeling verwacht uiterlijk').fill('2020-01-01');
    await submit(page, refer.getByRole('button', { name: 'Doorzetten' }));
    await assertFieldError(page, refer.getByLabel('Terugkoppeling verwacht uiterlijk'), /verleden/);
    await assertFieldValid(page, refer.getByLabel('Partner'));
    assert.equal(await refer.getByLabel('Partner').inputValue(), 'moviera', 'the chosen partner is kept');
    await assertAccessible(page, 'case page, referral errors');
    await refer.getByLabel('Partner').selectOption('');
    await refer.getByLabel('Terugkoppeling verwacht uiterlijk').fill(inTenDays);
    await submit(page, refer.getByRole('button', { name: 'Doorzetten' }));
    await assertFieldError(page, refer.getByLabel('Partner'), 'Kies een partner uit de lijst.');
    await refer.getByLabel('Partner').selectOption('moviera');
    await refer.getByLabel('Terugkoppeling verwacht uiterlijk').fill(inTenDays);
    await submit(page, refer.getByRole('button', { name: 'Doorzetten' }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.locator('main dl').first(), 'Doorgezet naar partners');
    const referral = page.getByRole('region', { name: /^Moviera/ });
    const [y, m, d] = inTenDays.split('-');
    await assertText(referral, `Terugkoppeling verwacht uiterlijk ${d}-${m}-${y}`);
    await expectSteps(['doorzetten', 'koppelen', 'partnerterugkoppeling', 'terugkoppelen', 'verrijken', 'wegen'],
      'when referred');
    await assertAccessible(page, 'case page, referred');

    // Partner feedback, recorded at the referral: empty first.
    await submit(page, referral.getByRole('button', { name: /Terugkoppeling vastleggen/ }));
    const summaryField = page.getByRole('region', { name: /^Moviera/ }).getByLabel('Terugkoppeling van de partner');
    await assertFieldError(page, summaryField, 'Schrijf op wat de partner heeft teruggekoppeld.');
    const partnerError = page.getByRole('region', { name: /^Moviera/ }).getByRole('alert');
    assert.equal(await partnerError.getByRole('link').getAttribute('href'), `#${await summaryField.getAttribute('id')}`,
      'the error summary at the referral links to its field');
    await assertAccessible(page, 'case page, partner feedback errors');
    await summaryField.fill('Moviera heeft contact gelegd; twee vrouwen zijn in zorg genomen.');
    await submit(page, page.getByRole('region', { name: /^Moviera/ }).getByRole('button', { name: /Terugkoppeling vastleggen/ }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.getByRole('region', { name: /^Moviera/ }), 'twee vrouwen zijn in zorg genomen');
    await assertText(page.locator('main dl').first(), 'Doorgezet naar partners');
    await expectSteps(['doorzetten', 'koppelen', 'partnerterugkoppeling', 'terugkoppelen', 'verrijken', 'wegen'],
      'after partner feedback');

    // Feedback to the reporter: empty first.
    const tell = section('Terugkoppelen aan de melder');
    await submit(page, tell.getByRole('button', { name: 'Terugkoppeling versturen' }));
    await assertFieldError(page, tell.getByLabel('Bericht aan de melder'), 'Schrijf een bericht aan de melder.');
    await assertAccessible(page, 'case page, reporter feedback errors');
    await tell.getByLabel('Bericht aan de melder').fill(FEEDBACK);
    await submit(page, tell.getByRole('button', { name: 'Terugkoppeling versturen' }));
    assert.match(page.url(), /#tijdlijn$/);
    await assertText(page.locator('main dl').first(), 'Teruggekoppeld aan melder');
    await assertText(main, FEEDBACK);
    await expectSteps(['afsluiten', 'doorzetten', 'koppelen', 'partnerterugkoppeling', 'terugkoppelen', 'verrijken',
      'wegen'], 'when the reporter was told');
    await assertAccessible(page, 'case page, reporter told');
    await screenshot(page, 'case');

    // Close: without an outcome first.
    const close = section('Casus afsluiten');
    await submit(page, close.getByRole('button', { name: 'Afsluiten' }));
    await assertFieldError(page, close.getByLabel('Uitkomst'), 'Kies een uitkomst uit de lijst.');
    await assertFieldValid(page, close.getByLabel('Toelichting (niet verplicht)'));
    await assertAccessible(page, 'case page, closing errors');
    await close.getByLabel('Uitkomst').selectOption({ index: 1 });
    const outcomeLabel = (await close.getByLabel('Uitkomst').locator('option:checked').innerText()).trim();
    await close.getByLabel('Toelichting (niet verplicht)').fill('Zorgtraject loopt via Moviera.');
    await submit(page, close.getByRole('button', { name: 'Afsluiten' }));
    assert.match(page.url(), /#tijdlijn$/);
    const details = page.locator('main dl').first();
    await assertText(details, 'Afgesloten');
    await assertText(details, outcomeLabel);
    await assertText(details, 'Zorgtraject loopt via Moviera.');
    await expectSteps(['heropenen'], 'when closed: only reopening');
    await assertText(main, 'Deze casus is afgesloten.');
    // The timeline lists every step in order.
    const timeline = await page.locator('#tijdlijn + ol > li').allInnerTexts();
    const order = ['Vastleggen', 'Verrijken', 'Wegen', 'Doorzetten naar partner', 'Terugkoppeling partner vastleggen',
      'Terugkoppelen aan melder', 'Afsluiten'];
    const positions = order.map((label) => timeline.findIndex((line) => line.includes(`— ${label} (af)`)));
    assert.ok(positions.every((position) => position >= 0), `every step in the timeline: ${timeline.join(' | ')}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'timeline in route order');
    await assertAccessible(page, 'case page, closed');
    await screenshot(page, 'case-closed');

    // The case list shows it closed; the inbox no longer has the signal.
    await page.goto('/casussen');
    const caseRow = page.getByRole('row').filter({ has: page.locator(`a[href="/casussen/${shared.caseId}"]`) });
    await assertText(caseRow, 'Afgesloten');
    await assertAccessible(page, 'case list');
    await screenshot(page, 'cases');
    await page.goto('/inbox');
    assert.equal(await page.locator(`a[href="/meldingen/${shared.signalId}"]`).count(), 0);
    await signOutWithForm(page);
  } finally {
    await context.close();
  }
});

test('the melder sees the status and the feedback; another melder cannot open the signal', async () => {
  assert.ok(shared.caseId, 'the case of the previous test');
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'melder');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn meldingen' }).click();
    await page.waitForURL('**/mijn-meldingen');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/meldingen/${shared.signalId}"]`) });
    await assertText(row, 'Afgesloten');
    await assertText(row, '1 bericht');
    await assertAccessible(page, 'my signals with feedback');
    await row.getByRole('link').click();
    await page.waitForURL(`**/meldingen/${shared.signalId}`);
    const main = page.getByRole('main');
    await assertText(main, 'Afgesloten');
    await assertText(main, FEEDBACK);
    assert.equal(await main.getByText('Nog geen terugkoppeling').count(), 0);
    // Need-to-know: the melder does not see the case, the partner's answer or the link to the case.
    assert.equal(await main.getByText('twee vrouwen zijn in zorg genomen').count(), 0);
    assert.equal(await page.locator(`a[href="/casussen/${shared.caseId}"]`).count(), 0);
    await assertAccessible(page, 'signal page with feedback (melder)');
    await screenshot(page, 'signal-feedback');
    await signOutWithForm(page);
  } finally {
    await context.close();
  }

  const other = await newPage(env);
  try {
    await signInWithForm(other.page, 'melder2');
    const response = await other.page.goto(`/meldingen/${shared.signalId}`);
    assert.equal(response.status(), 404);
    await assertText(other.page.getByRole('heading', { level: 1 }), 'Pagina niet gevonden');
    assert.equal(await other.page.getByText(NARRATIVE).count(), 0, 'nothing of the signal leaks');
    assert.equal(await other.page.getByText(FEEDBACK).count(), 0);
    await assertAccessible(other.page, '404 page (melder2)');
    await other.page.goto('/mijn-meldingen');
    assert.equal(await other.page.locator(`a[href="/meldingen/${shared.signalId}"]`).count(), 0);
  } finally {
    await other.context.close();
  }
});
