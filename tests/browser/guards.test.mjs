// Role guards as a browser sees them: the 403 page, redirects of anonymous visitors to the sign-in page,
// sign-in errors, sign-out (also server-side) and CSRF protection of the page forms.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible, assertText, newPage, PASSWORD, signInByRequest, signInWithForm, signOutWithForm, startEnvironment,
} from './helpers.mjs';

let env;
let demoCaseId = '';

before(async () => {
  env = await startEnvironment();
  const { context, page } = await newPage(env);
  await signInWithForm(page, 'af');
  await page.goto('/casussen');
  demoCaseId = new URL(await page.locator('main table a').first().evaluate((a) => a.href)).pathname.split('/').pop();
  await context.close();
});
after(async () => { await env?.close(); });

test('beleid opening /inbox gets the 403 page, still signed in', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'beleid');
    // The navigation offers beleid only what beleid may open.
    const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
    assert.deepEqual(nav, ['Start', 'Cijfers', 'Dashboard', 'Evaluatie', 'Jaarcijfers', 'Opleiding', 'Actieplan']);
    const response = await page.goto('/inbox');
    assert.equal(response.status(), 403);
    assert.equal(new URL(page.url()).pathname, '/inbox', 'no redirect: the page says why');
    await assertText(page.getByRole('heading', { level: 1 }), 'Geen toegang');
    await assertText(page.getByRole('main'), 'Uw rol geeft geen toegang tot deze pagina');
    assert.equal(await page.getByRole('main').getByRole('table').count(), 0, 'no inbox content');
    assert.equal(await page.getByText('Aangemeld als beleid').count(), 1, 'the header still shows who is signed in');
    await assertAccessible(page, '403 page (beleid)');
    // The figures page is beleid's.
    const figures = await page.goto('/cijfers');
    assert.equal(figures.status(), 200);
    await assertText(page.getByRole('heading', { level: 1 }), 'Cijfers');
    await assertAccessible(page, 'statistics (beleid)');
    await page.getByLabel('Jaar').fill('2024');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL('**/cijfers?jaar=2024');
    await assertText(page.getByRole('heading', { level: 1 }), 'Cijfers 2024');
  } finally {
    await context.close();
  }
});

test('every role gets exactly its own pages (status per page and role)', async () => {
  const training = ['/opleiding/import', '/opleiding/medewerkers', '/opleiding/medewerkers/nieuw', '/opleiding/doelen',
    '/opleiding/activiteiten/nieuw'];
  const plan = ['/actieplan', '/actieplan/voortgang'];
  const pages = ['/inbox', '/casussen', `/casussen/${demoCaseId}`, '/zoeken', '/terugkerende-adressen', '/avg-verzoeken',
    '/meldingen/nieuw', '/mijn-meldingen', '/cijfers', '/dashboard', '/evaluatie', '/jaarcijfers', '/audittrail',
    '/opleiding', ...training, '/aandachtfunctionarissen', ...plan, '/actieplan/acties/e-learning', '/beheer/signalenlijst',
    '/beheer/accounts'];
  // The pages in the main navigation; the others are reached from them.
  const navPages = new Set(['/inbox', '/casussen', '/zoeken', '/terugkerende-adressen', '/avg-verzoeken', '/meldingen/nieuw',
    '/mijn-meldingen', '/cijfers', '/dashboard', '/evaluatie', '/jaarcijfers', '/audittrail', '/opleiding',
    '/aandachtfunctionarissen', '/actieplan', '/beheer/signalenlijst', '/beheer/accounts']);
  const allowed = {
    melder: ['/meldingen/nieuw', '/mijn-meldingen'],
    melder2: ['/meldingen/nieuw', '/mijn-meldingen'],
    af: ['/inbox', '/casussen', `/casussen/${demoCaseId}`, '/zoeken', '/terugkerende-adressen', '/avg-verzoeken',
      '/meldingen/nieuw',
      '/cijfers', '/dashboard', '/evaluatie', ...plan],
    beleid: ['/cijfers', '/dashboard', '/evaluatie', '/jaarcijfers', '/opleiding', ...plan, '/actieplan/acties/e-learning'],
    beheer: ['/jaarcijfers', '/opleiding', ...training, '/aandachtfunctionarissen', ...plan, '/actieplan/acties/e-learning',
      '/beheer/signalenlijst', '/beheer/accounts'],
    auditor: ['/audittrail'],
  };
  for (const [role, mayOpen] of Object.entries(allowed)) {
    const { context, page } = await newPage(env);
    try {
      await signInByRequest(context, role);
      const got = {};
      const want = {};
      for (const path of pages) {
        // The context's request API sends the same session cookie without rendering the page.
        got[path] = (await context.request.get(path, { maxRedirects: 0 })).status();
        want[path] = mayOpen.includes(path) ? 200 : 403;
      }
      assert.deepEqual(got, want, `pages for ${role}`);
      await page.goto('/');
      const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')
        .evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
      assert.deepEqual(nav.filter((path) => path !== '/').sort(), mayOpen.filter((path) => navPages.has(path)).sort(),
        `the navigation of ${role} links to exactly its pages`);
    } finally {
      await context.close();
    }
  }
});

test('an anonymous visitor is sent to the sign-in page', async () => {
  const { context, page } = await newPage(env);
  try {
    for (const path of ['/casussen', '/inbox', `/casussen/${demoCaseId}`, '/meldingen/nieuw', '/mijn-meldingen',
      '/cijfers', '/dashboard', '/evaluatie', '/jaarcijfers', '/cijfers/csv/by-channel', '/evaluatie/2024/evaluatie.pdf',
      '/audittrail', '/opleiding', '/opleiding/medewerkers', '/aandachtfunctionarissen', '/actieplan',
      '/beheer/signalenlijst']) {
      const response = await page.goto(path);
      assert.equal(new URL(page.url()).pathname, '/inloggen', `${path} redirects to /inloggen`);
      const redirect = response.request().redirectedFrom();
      assert.ok(redirect, `${path}: a redirect`);
      assert.ok([302, 303, 307].includes((await redirect.response()).status()), `${path}: redirect status`);
      await assertText(page.getByRole('heading', { level: 1 }), 'Inloggen');
    }
    // The public pages stay public.
    assert.equal((await page.goto('/')).status(), 200);
    await assertText(page.getByRole('heading', { level: 1 }), 'Mensenhandel herkennen en melden');
    assert.equal((await page.goto('/toegankelijkheidsverklaring')).status(), 200);
    // An unknown page is a 404 page.
    const missing = await page.goto('/bestaat-niet');
    assert.equal(missing.status(), 404);
    await assertText(page.getByRole('heading', { level: 1 }), 'Pagina niet gevonden');
    await assertAccessible(page, '404 page (anonymous)');
  } finally {
    await context.close();
  }
});

test('a wrong password shows an error on the sign-in form', async () => {
  const { context, page } = await newPage(env);
  try {
    await page.goto('/inloggen');
    await page.getByLabel('Gebruikersnaam').fill('melder2');
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/inloggen');
    assert.match(await page.title(), /^Fout: /);
    const alert = page.getByRole('main').getByRole('alert');
    assert.ok((await alert.innerText()).trim().length > 0, 'an error message');
    assert.equal(await page.getByLabel('Gebruikersnaam').inputValue(), 'melder2', 'the user name is kept');
    assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '', 'the password is not sent back');
    assert.equal(await page.getByLabel('Gebruikersnaam').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByText(/Aangemeld als/).count(), 0, 'not signed in');
    await assertAccessible(page, 'sign-in page with an error');
    // The right password still works afterwards.
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await assertText(page.getByRole('heading', { level: 1 }), 'Welkom, melder2');
  } finally {
    await context.close();
  }
});

test('signing out ends the session on the server too', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'af');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'meldroute_sessie');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    await page.goto('/inbox');
    await signOutWithForm(page);
    await assertText(page.getByRole('heading', { level: 1 }), 'Inloggen');
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0);
    await page.goto('/inbox');
    assert.equal(new URL(page.url()).pathname, '/inloggen', 'signed out');

    // The old session token no longer works, even when a browser still sends it.
    const replay = await newPage(env);
    try {
      await replay.context.addCookies([session]);
      await replay.page.goto('/inbox');
      assert.equal(new URL(replay.page.url()).pathname, '/inloggen', 'the old token is refused');
    } finally {
      await replay.context.close();
    }
  } finally {
    await context.close();
  }
});

test('a page form without the CSRF token is refused and changes nothing', async () => {
  const { context, page } = await newPage(env);
  try {
    await signInWithForm(page, 'melder2');
    const narrative = 'Deze melding zonder csrf-token mag niet worden opgeslagen.';
    const response = await context.request.post('/meldingen/nieuw', {
      form: { narrative, channel: 'formulier' },
      maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /Het formulier is verlopen/);
    const wrong = await context.request.post('/meldingen/nieuw', {
      form: { csrf: 'onjuist', narrative, channel: 'formulier' },
      maxRedirects: 0,
    });
    assert.equal(wrong.status(), 403);
    await page.goto('/mijn-meldingen');
    assert.equal(await page.getByText(narrative.slice(0, 40)).count(), 0);
    assert.equal(await page.getByRole('main').getByRole('table').count(), 1, 'melder2 still sees the own demo signal');
    assert.equal(await page.getByRole('main').getByRole('row').count(), 2, 'and only that one');
  } finally {
    await context.close();
  }
});
