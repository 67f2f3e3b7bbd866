// Cold loads of a page in headless Chromium: bytes transferred and the time
// from navigation until the sign-in form can be used, read in the page (the
// moment its account field and Sign in button are both in the document, from
// the navigation's start) and as Playwright sees it (its own round trips to
// the browser included). Prints figures only.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const runs = 7;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
const inPage = [];
let bytes = 0;
let prefetchedBytes = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('input[autocomplete~="username"]') && document.querySelector('button[type=submit]')) {
        window.__usable = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // The whole application's files, which the page prefetches once its form is shown,
  // are counted apart: they are not the sign-in page's load.
  let transferred = 0;
  let prefetched = 0;
  const wholeApp = new Set();
  cdp.on('Network.requestWillBeSent', e => {
    if (new URL(e.request.url).pathname.startsWith('/secinfo-app-')) wholeApp.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', e => {
    if (wholeApp.has(e.requestId)) prefetched += e.encodedDataLength;
    else transferred += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
  await page.getByLabel('Account', { exact: true }).waitFor({ state: 'visible' });
  times.push(Date.now() - start);
  inPage.push(Math.round(await page.evaluate(() => window.__usable)));
  await page.waitForLoadState('networkidle');
  bytes = transferred;
  prefetchedBytes = prefetched;
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
inPage.sort((a, b) => a - b);
console.log(`bytes transferred (cold, with headers): ${bytes}; the whole application, prefetched once the form was shown: ${prefetchedBytes}`);
console.log(`time until the form is usable, in the page: median ${inPage[Math.floor(runs / 2)]} ms (min ${inPage[0]}, max ${inPage[runs - 1]})`);
console.log(`the same as Playwright waits for it: median ${times[Math.floor(runs / 2)]} ms (min ${times[0]}, max ${times[runs - 1]}, ${runs} loads)`);
