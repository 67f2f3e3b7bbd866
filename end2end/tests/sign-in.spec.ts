import { LOCALES, expect, test } from '../fixtures';
import { addAuthenticatorApp, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { TEXT } from '../pages/texts';
import { anotherBrowserSignedIn } from '../pages/another-browser';

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    // The browser's own language decides: no ?lng=, no stored choice.
    test.use({ locale });

    test('signs in and out with translated text', async ({ page, makeUser }) => {
      const user = await makeUser({ displayName: 'Björn Ångström' });
      const signIn = new SignInPage(page, locale);
      await signIn.goto();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(`${TEXT[locale].signIn} – secinfo`);
      await signIn.signIn(user);

      const info = new SecurityInfoPage(page, locale);
      await expect(info.heading).toBeVisible();
      await expect(page).toHaveURL(/\/security-info$/);
      // The header names the person (initials and name) on the account button.
      await expect(info.accountButton).toHaveAccessibleName(/^Björn Ångström, /);
      await expect(info.accountButton.locator('.avatar')).toHaveAttribute('data-initials', 'BÅ');
      await expect(info.defaultMethod).toBeVisible();
      await expect(info.noMethods).toBeVisible();

      await info.signOut();
      await expect(signIn.heading).toBeVisible();
      await page.goto('/security-info');
      await expect(signIn.heading).toBeVisible();
    });

    test('a wrong password is explained at the field, keeping the account name', async ({ page, user }) => {
      const signIn = new SignInPage(page, locale);
      await signIn.goto();
      await signIn.signIn({ accountName: user.accountName, password: 'not-the-password' });
      await expect(page.getByText(TEXT[locale].wrongPassword)).toBeVisible();
      await expect(signIn.account).toHaveValue(user.accountName);
      await expect(signIn.password).toHaveAttribute('aria-invalid', 'true');
      await expect(signIn.password).toBeFocused();
      await expect(signIn.password).toHaveAccessibleDescription(TEXT[locale].wrongPassword);
    });
  });
}

test('an empty account name is caught before anything is sent', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  let posted = false;
  page.on('request', r => { if (r.method() === 'POST') posted = true; });
  await signIn.submit.click();
  await expect(page.getByText(TEXT.en.accountRequired)).toBeVisible();
  await expect(signIn.account).toBeFocused();
  expect(posted).toBe(false);
});

test('too many wrong passwords are throttled, even with the right one', async ({ page, user }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  for (let i = 0; i < 3; i++) {
    await signIn.signIn({ accountName: user.accountName, password: `wrong-${i}` });
    await expect(page.getByText(TEXT.en.wrongPassword)).toBeVisible();
  }
  await signIn.signIn(user);
  await expect(signIn.alert).toHaveText(TEXT.en.tooMany);
  await expect(signIn.account).toHaveValue(user.accountName);
});

test('a deep link while signed out leads to sign-in and back', async ({ page, user }) => {
  await page.goto('/security-info');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await expect(page).toHaveURL(/\/signin\?next=\/security-info$/);
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await expect(page).toHaveURL(/\/security-info$/);
});

test('the sign-in page asks who is signed in once, beside its own download', async ({ page, user }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/session') asked.push(request.method());
  });
  await page.goto('/signin');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  // The page's preload is the client's own call: one GET, not two.
  expect(asked).toEqual(['GET']);
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('the sign-in page fetches the whole application once its form is shown, for the page after signing in', async ({ page, user }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('button[type=submit]')) {
        (window as unknown as { formShown: number }).formShown = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const prefetched = page.waitForRequest((r) => /\/secinfo-app-[0-9a-f]+_bg\.wasm$/.test(r.url()));
  await page.goto('/signin');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await prefetched;
  // Not while the page itself loads: it would compete with the sign-in page's own files.
  const order = await page.waitForFunction(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => /\/secinfo-app-[0-9a-f]+_bg\.wasm$/.test(e.name));
    return wasm && { asked: wasm.startTime, formShown: (window as unknown as { formShown: number }).formShown };
  });
  const { asked, formShown } = await order.jsonValue() as { asked: number; formShown: number };
  expect(asked).toBeGreaterThanOrEqual(formShown);
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('the form is there before the session answers, and a sign-in sent meanwhile waits for it', async ({ page, user }) => {
  // The session's answer comes late (a slow network): the form does not wait for it.
  let answer: () => void = () => {};
  const answered = new Promise<void>((resolve) => { answer = resolve; });
  await page.route('**/api/session', async (route) => {
    if (route.request().method() === 'GET') await answered;
    await route.continue();
  });
  await page.goto('/signin', { waitUntil: 'commit' });
  const signIn = new SignInPage(page);
  await expect(signIn.account).toBeVisible();
  await signIn.account.fill(user.accountName);
  await signIn.password.fill(user.password);
  await signIn.submit.click();
  // Sent only with the CSRF token the session's answer brings.
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
  answer();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('a return path that would leave the site leads to Security info instead', async ({ page, user, baseURL }) => {
  // A TAB between the slashes: URL parsers drop it and "//host" remains (F9).
  await page.goto('/signin?next=%2F%09%2Fevil.example%2Fphish');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page).toHaveURL(/\/security-info$/);
});

test('sign-in works with the keyboard alone', async ({ page, user }) => {
  await page.goto('/signin');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  // From the top of the page: skip link, brand, language, then the form.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Language')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(signIn.account).toBeFocused();
  await page.keyboard.type(user.accountName);
  await page.keyboard.press('Tab');
  await expect(signIn.password).toBeFocused();
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/signin');
  await new SignInPage(page).heading.waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('an unknown page says so and links home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Security info' })).toHaveAttribute('href', '/security-info');
});

test('Sign out everywhere asks first, ends the sessions of every browser and says so', async ({ page, browser, user, expectAccessible }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user);
  const { context: other, page: otherPage } = await anotherBrowserSignedIn(browser, user);
  await expect(new SecurityInfoPage(otherPage).heading).toBeVisible();

  const lost = page.getByRole('button', { name: 'Lost device? Sign out everywhere' });
  await lost.click();
  const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
  await expect(dialog).toContainText('every other browser and app');
  await expectAccessible(page);
  // Cancel changes nothing, and the cursor is back where it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(lost).toBeFocused();
  await otherPage.reload();
  await expect(new SecurityInfoPage(otherPage).heading).toBeVisible();

  await lost.click();
  await dialog.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You were signed out everywhere.' })).toBeVisible();
  await otherPage.reload();
  await expect(new SignInPage(otherPage).heading).toBeVisible();
  await other.close();
});

test('a session that must verify first is asked to, never refused (no 403 on the way)', async ({ page, makeUser }) => {
  const user = await makeUser();
  await signIn(page, user);
  await addAuthenticatorApp(page);
  await new SecurityInfoPage(page).signOut();

  const refused: string[] = [];
  page.on('response', response => {
    if (response.status() === 403) refused.push(response.url());
  });
  const again = new SignInPage(page);
  await again.heading.waitFor();
  await again.signIn(user);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
  // Reloading asks the session again: still the step-up, still no refusal.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
  await page.goto('/password');
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
  expect(refused).toEqual([]);
});
