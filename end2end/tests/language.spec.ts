import { expect, test } from '../fixtures';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { TEXT } from '../pages/texts';
import { anotherBrowserSignedIn } from '../pages/another-browser';

test('?lng= forces a language over the browser\'s', async ({ page }) => {
  await page.goto('/signin?lng=nl-NL');
  await expect(new SignInPage(page, 'nl-NL').heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');
  await page.goto('/signin?lng=sv');
  await expect(new SignInPage(page, 'sv-SE').heading).toBeVisible();
});

test.describe('a browser in an unsupported language', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to English', async ({ page }) => {
    await page.goto('/signin');
    await expect(new SignInPage(page, 'en').heading).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test('the switcher changes the language at once and survives a reload', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await page.getByLabel(TEXT.en.language).selectOption({ label: 'Svenska' });
  await expect(new SignInPage(page, 'sv-SE').heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');
  await page.reload();
  await expect(new SignInPage(page, 'sv-SE').heading).toBeVisible();
});

test('an error already shown follows a language switch', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.submit.click();
  await expect(page.getByText(TEXT.en.accountRequired)).toBeVisible();
  await page.getByLabel(TEXT.en.language).selectOption({ label: 'Nederlands' });
  await expect(page.getByText(TEXT['nl-NL'].accountRequired)).toBeVisible();
});

test('the choice is kept for the user, on another browser and a new sign-in', async ({ page, browser, user }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user);
  const info = new SecurityInfoPage(page);
  await expect(info.heading).toBeVisible();
  const saved = page.waitForResponse(r => r.url().endsWith('/api/me/locale') && r.request().method() === 'PUT');
  await info.chooseLanguage('Nederlands');
  await expect(new SecurityInfoPage(page, 'nl-NL').heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');
  expect((await saved).status()).toBe(204);

  // Another browser in English, nothing stored locally: the user's choice wins after sign-in.
  const { context: other, page: otherPage } = await anotherBrowserSignedIn(browser, user);
  await expect(new SecurityInfoPage(otherPage, 'nl-NL').heading).toBeVisible();
  await expect(otherPage.locator('html')).toHaveAttribute('lang', 'nl-NL');
  await other.close();
});

test('a language picked before signing in becomes the user\'s choice', async ({ page, browser, user }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await page.getByLabel(TEXT.en.language).selectOption({ label: 'Svenska' });
  await new SignInPage(page, 'sv-SE').signIn(user);
  await expect(new SecurityInfoPage(page, 'sv-SE').heading).toBeVisible();

  const other = await browser.newContext({ locale: 'en-US' });
  const otherPage = await other.newPage();
  await new SignInPage(otherPage).goto();
  await new SignInPage(otherPage).signIn(user);
  await expect(new SecurityInfoPage(otherPage, 'sv-SE').heading).toBeVisible();
  await other.close();
});

test('?lng= also shows a signed-in page in that language, and offers to keep it (defect 12)', async ({ page, makeUser, expectAccessible }) => {
  const user = await makeUser({ locale: 'en' });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await page.goto('/security-info?lng=sv-SE');
  await expect(new SecurityInfoPage(page, 'sv-SE').heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Den här sidan visas på: Svenska.' })).toBeVisible();
  await expectAccessible(page);
  // Not kept until asked: without ?lng= the stored English is back.
  await page.goto('/security-info');
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await page.goto('/security-info?lng=sv-SE');
  const saved = page.waitForResponse(r => r.url().endsWith('/api/me/locale') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Behåll Svenska som mitt språk' }).click();
  expect((await saved).status()).toBe(204);
  await expect(page.getByRole('button', { name: 'Behåll Svenska som mitt språk' })).toHaveCount(0);
  await page.goto('/security-info');
  await expect(new SecurityInfoPage(page, 'sv-SE').heading).toBeVisible();
});

test('?lng= on the sign-in page stays on every page it leads to: password reset, the page after signing in, its home link', async ({ page, makeUser }) => {
  const user = await makeUser({ locale: 'en' });
  const signIn = new SignInPage(page, 'sv-SE');
  await signIn.goto('?lng=sv-SE');
  // Home, for somebody signed out, is the sign-in page again: still in Swedish.
  await page.getByRole('banner').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/signin\?next=.*&lng=sv-SE$/);
  await expect(signIn.heading).toBeVisible();
  await signIn.goto('?lng=sv-SE');
  await page.getByRole('link', { name: 'Har du glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kom tillbaka till ditt konto' })).toBeVisible();
  await page.goBack();
  const entries = await page.evaluate(() => history.length);
  await signIn.signIn(user);
  const securityInfo = new SecurityInfoPage(page, 'sv-SE');
  await expect(securityInfo.heading).toBeFocused();
  await expect(page).toHaveURL(/\/security-info\?lng=sv-SE$/);
  // In place of the sign-in page: Back does not return to a form that has nothing left to do.
  expect(await page.evaluate(() => history.length)).toBe(entries);
});
