// Cold loads of a page in headless Chromium: bytes transferred and the time
// from navigation until the sign-in form can be used. Prints figures only.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const runs = 7;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let transferred = 0;
  cdp.on('Network.loadingFinished', e => { transferred += e.encodedDataLength; });
  const start = Date.now();
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
  await page.getByLabel('Account', { exact: true }).waitFor({ state: 'visible' });
  times.push(Date.now() - start);
  await page.waitForLoadState('networkidle');
  bytes = transferred;
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`bytes transferred (cold, with headers): ${bytes}`);
console.log(`time until the form is usable: median ${times[Math.floor(runs / 2)]} ms (min ${times[0]}, max ${times[runs - 1]}, ${runs} loads)`);
