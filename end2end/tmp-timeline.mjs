import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, o) => { if (document.querySelector('button[type=submit]')) { window.__usable = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });
    addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
  });
  await page.goto(process.argv[2]);
  await page.locator('button[type=submit]').waitFor();
  const t = await page.evaluate(() => {
    const r = Object.fromEntries(performance.getEntriesByType('resource').map(e => [e.name.split('/').pop().slice(0, 22), [Math.round(e.startTime), Math.round(e.responseEnd)]]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { html: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), res: r, started: Math.round(window.__started), usable: Math.round(window.__usable) };
  });
  console.log(JSON.stringify(t));
  await context.close();
}
await browser.close();
