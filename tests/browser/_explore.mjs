import { chromium } from 'playwright-core';
import AxeBuilderMod from '@axe-core/playwright';
import { startServer } from '/work/main/tests/support/server.mjs';
const AxeBuilder = AxeBuilderMod.default ?? AxeBuilderMod;
const server = await startServer({ demo: true });
console.log(server.url);
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run']});
const ctx = await browser.newContext();
const page = await ctx.newPage();
async function axe(name) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
  console.log(name, r.violations.map(v => `${v.id}: ${v.nodes.length} ${v.nodes.slice(0,3).map(n=>n.target.join(' ')).join(' | ')}`));
}
await page.goto(server.url + '/'); await axe('/');
await page.goto(server.url + '/inloggen'); await axe('/inloggen');
await page.fill('#username', 'melder'); await page.fill('#password', 'demo-password');
await page.click('button:has-text("Inloggen")');
console.log(page.url());
await axe('home melder');
await page.goto(server.url + '/meldingen/nieuw'); await axe('nieuw');
await page.screenshot({path: '/tmp/shots/form.png', fullPage: true});
await page.fill('#location-postcode', 'xx');
await page.click('button:has-text("Melding versturen")');
console.log(page.url(), await page.title());
await axe('nieuw errors');
console.log(await page.locator('main').innerHTML().then(s=>s.slice(0,3000)));
await browser.close(); await server.stop(); server.cleanup();
