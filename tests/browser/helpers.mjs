// Shared helpers for the browser tests: a real server (tests/support/server.mjs), Debian's chromium
// through playwright-core, axe-core checks and the sign-in form. Not a test file itself.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import AxeBuilderModule from '@axe-core/playwright';
import { startServer } from '../support/server.mjs';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;

export const PASSWORD = 'demo-password';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const DESKTOP = { width: 1280, height: 900 };
export const ZOOMED = { width: 640, height: 900 }; // a 1280px screen at 200% zoom
export const SHOTS = '/tmp/shots';

/** Debian's chromium, headless, as every browser test uses it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** Starts a demo server and chromium; returns both plus a `close()` that stops them. */
export async function startEnvironment() {
  const server = await startServer({ demo: true });
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    server.cleanup();
    throw error;
  }
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      server.cleanup();
    },
  };
}

/** A fresh browser context (own cookies and cache) with a Dutch locale, and one page in it. */
export async function newPage(env, options = {}) {
  const context = await env.browser.newContext({ locale: 'nl-NL', viewport: DESKTOP, baseURL: env.url, ...options });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the sign-in form (labels, not ids) and checks that the start page follows. */
export async function signInWithForm(page, username, password = PASSWORD) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await assertText(page.getByRole('heading', { level: 1 }), `Welkom, ${username}`);
  assert.equal(await page.getByText(`Aangemeld als ${username}`).count(), 1);
}

/**
 * Signs in with the sign-in form's POST through the context's request API: the session cookie lands in
 * the browser context, but nothing is rendered or cached (for tests about other things).
 */
export async function signInByRequest(context, username, password = PASSWORD) {
  const form = await context.request.get('/inloggen');
  const csrf = (await form.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  assert.ok(csrf, 'a CSRF token on the sign-in form');
  const response = await context.request.post('/inloggen', { form: { csrf, username, password }, maxRedirects: 0 });
  assert.equal(response.status(), 303, `sign-in of ${username}`);
}

/** Signs out with the button in the header. */
export async function signOutWithForm(page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((url) => url.pathname === '/inloggen');
}

/** Asserts that a locator's text (whitespace collapsed) contains `expected`. */
export async function assertText(locator, expected) {
  const text = (await locator.innerText()).replace(/\s+/g, ' ').trim();
  if (expected instanceof RegExp) assert.match(text, expected);
  else assert.ok(text.includes(expected), `expected "${expected}" in "${text}"`);
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and fails with a readable list of violations. */
export async function assertNoAxeViolations(page, label) {
  // Legacy mode runs axe.run in the page itself; the default opens an extra page per check to merge frame
  // results, which costs seconds and buys nothing here (meldroute pages have no frames).
  // Only violations are reported; collecting the passes as well costs time and is not used.
  // axe runs as a script in the page, so it never returns in a context with JavaScript disabled: fail instead of
  // hanging (run the accessibility checks of a page in a context with JavaScript on).
  let timer;
  const stalled = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish on ${label} within 30 s (JavaScript disabled?)`)), 30000);
  });
  const results = await Promise.race([
    new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze(),
    stalled,
  ]).finally(() => clearTimeout(timer));
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ` +
      violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n    '),
  );
  assert.deepEqual(summary, [], `axe violations on ${label} (${page.url()}):\n  ${summary.join('\n  ')}`);
  return results;
}

/** At a 640px-wide viewport (≈200% zoom) the document itself must not scroll sideways. */
export async function assertNoHorizontalScroll(page, label) {
  const original = page.viewportSize();
  await page.setViewportSize(ZOOMED);
  try {
    const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
      const root = document.documentElement;
      // Name the element that sticks out furthest, for a useful failure message.
      let widest = '';
      let right = root.clientWidth;
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > right + 0.5) {
          right = box.right;
          widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} (${Math.round(box.right)}px)`;
        }
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
    });
    assert.ok(scrollWidth <= clientWidth,
      `${label}: document scrolls sideways at 640px (scrollWidth ${scrollWidth} > clientWidth ${clientWidth}); widest: ${widest}`);
  } finally {
    await page.setViewportSize(original ?? DESKTOP);
  }
}

/**
 * The page checks: unique ids, axe at desktop width, no sideways scrolling at 640px and, with
 * `zoomedAxe`, axe again at 640px (for the main pages; axe costs a second or two per run).
 */
export async function assertAccessible(page, label, { zoomedAxe = false } = {}) {
  await assertUniqueIds(page, label);
  await assertNoAxeViolations(page, label);
  await assertNoHorizontalScroll(page, label);
  if (zoomedAxe) {
    await page.setViewportSize(ZOOMED);
    try {
      await assertNoAxeViolations(page, `${label} at 640px`);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }
}

/**
 * Asserts that the control (a selector or a locator) is marked invalid and that its aria-describedby (for
 * an option of a group: the group's) names a visible error message in the same form field or group.
 */
export async function assertFieldError(page, target, expectedMessage) {
  const control = typeof target === 'string' ? page.locator(target) : target;
  const label = typeof target === 'string' ? target : String(target);
  assert.equal(await control.count(), 1, `one control ${label}`);
  assert.equal(await control.getAttribute('aria-invalid'), 'true', `${label} has aria-invalid="true"`);
  const { describedBy, found } = await control.evaluate((element) => {
    // A radio button or checkbox in a group: the fieldset carries the message (docs/ui-components.md).
    const group = ['radio', 'checkbox'].includes(element.type) ? element.closest('fieldset') : null;
    const field = group ?? element.closest('.utrecht-form-field');
    const ids = [element.getAttribute('aria-describedby'), group?.getAttribute('aria-describedby')]
      .filter(Boolean).join(' ');
    return {
      describedBy: ids,
      found: ids.split(/\s+/).filter(Boolean).map((id) => {
        const targets = document.querySelectorAll(`[id="${id}"]`);
        const message = targets[0] ?? null;
        return {
          id,
          count: targets.length,
          text: message?.textContent.trim() ?? '',
          isError: message?.classList.contains('utrecht-form-field-error-message') ?? false,
          nearby: message !== null && field !== null && field.contains(message),
          visible: message !== null && message.getBoundingClientRect().height > 0,
        };
      }),
    };
  });
  for (const entry of found) assert.equal(entry.count, 1, `${label}: aria-describedby id "${entry.id}" exists once`);
  const errors = found.filter((entry) => entry.isError);
  assert.equal(errors.length, 1, `${label}: aria-describedby (${describedBy}) points at one error message`);
  const [error] = errors;
  assert.ok(error.nearby, `${label}: the error message is inside the same form field`);
  assert.ok(error.visible, `${label}: the error message is visible`);
  if (expectedMessage instanceof RegExp) assert.match(error.text, expectedMessage);
  else if (expectedMessage) assert.equal(error.text, expectedMessage);
  return error.text;
}

/** Asserts that the control (a selector or a locator) is not marked invalid and points at no error message. */
export async function assertFieldValid(page, target) {
  const control = typeof target === 'string' ? page.locator(target) : target;
  assert.equal(await control.getAttribute('aria-invalid'), null, `${target} is not aria-invalid`);
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  assert.ok(!/-fout\b/.test(describedBy), `${target} points at no error (${describedBy})`);
}

/** Every id on the page is unique (labels, aria-describedby and the error summary's links rely on it). */
export async function assertUniqueIds(page, label) {
  const duplicates = await page.evaluate(() => {
    const seen = new Map();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  });
  assert.deepEqual(duplicates, [], `${label}: duplicate ids`);
}

/** Saves a full-page screenshot to /tmp/shots/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The id of a signal from its page URL (/meldingen/{id}). */
export function signalIdFrom(url) {
  const match = new URL(url).pathname.match(/^\/meldingen\/([^/]+)$/);
  assert.ok(match, `a signal page URL: ${url}`);
  return match[1];
}

/**
 * The step forms of the route the case page offers, by the last segment of their action (verrijken, wegen, …),
 * sorted. The legal hold's forms are not steps of the route and are left out.
 */
export async function offeredSteps(page) {
  const actions = await page.locator('main form[method="post"]').evaluateAll(
    (forms) => forms.map((form) => new URL(form.action).pathname),
  );
  return actions.map((action) => action.split('/').pop()).filter((step) => !step.startsWith('bewaarplicht')).sort();
}

/**
 * Clicks a submit button and waits until the page that the form's response leads to has loaded (a
 * waitForURL alone would match the page we are still on when it already had the same URL).
 */
export async function submit(page, button) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await button.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Presses Tab until the element matching `selector` has focus (at most `limit` presses). */
export async function tabTo(page, selector, limit = 200) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
