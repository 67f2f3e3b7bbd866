import { LOCALES, expect, test, uniqueNlMobile } from '../fixtures';
import type { Locale } from '../fixtures';
import { addAuthenticatorApp, addPhoneByText, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { TEXT } from '../pages/texts';

const OVERVIEW = { en: 'Overview', 'nl-NL': 'Overzicht', 'sv-SE': 'Översikt' } as const;

test('the header shows the organization and the person, and the same height signed out and in', async ({ page, makeUser }) => {
  const user = await makeUser({ displayName: 'Adele Vance', logo: true });
  const banner = page.getByRole('banner');
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  const signedOutHeight = (await banner.boundingBox())!.height;
  await signInPage.signIn(user);
  const info = new SecurityInfoPage(page);
  await expect(info.heading).toBeVisible();

  // The organization's logo (decorative: its name is beside it) and name.
  const logo = banner.locator('img.shell-organization-logo');
  await expect(logo).toHaveAttribute('src', /^\/api\/organizations\/[^/]+\/logo$/);
  await expect(logo).toHaveAttribute('alt', '');
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(banner.locator('.shell-organization')).toHaveText('Contoso');
  await expect(info.accountButton).toHaveAccessibleName('Adele Vance, account menu');
  await expect(info.accountButton.locator('.avatar')).toHaveAttribute('data-initials', 'AV');
  expect((await banner.boundingBox())!.height).toBe(signedOutHeight);
});

test('the account menu opens and closes with the keyboard, focus where the person looks', async ({ page, user, expectAccessible }) => {
  await signIn(page, user);
  const info = new SecurityInfoPage(page);
  await info.accountButton.focus();
  await page.keyboard.press('Enter');
  await expect(info.accountButton).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator('#account-menu-panel');
  await expect(panel).toContainText(user.accountName);
  await expectAccessible(page);
  // Its controls come next in the tab order: the language, then Sign out.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Language')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeFocused();
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(info.accountButton).toBeFocused();
  await expect(info.accountButton).toHaveAttribute('aria-expanded', 'false');
  // A click elsewhere closes it too.
  await info.accountButton.click();
  await expect(panel).toBeVisible();
  await info.heading.click();
  await expect(panel).toBeHidden();
  // Tabbing past its last control closes it.
  await info.accountButton.click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(panel).toBeHidden();

  await info.signOut();
  await expect(new SignInPage(page).heading).toBeVisible();
});

const APPLICATIONS: Record<Locale, string> = { en: 'Applications', 'nl-NL': 'Toepassingen', 'sv-SE': 'Program' };

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });
    test('the navigation marks the current page and leads to each', async ({ page, makeUser, expectAccessible }) => {
      const user = await makeUser({ admin: true, locale });
      await signIn(page, user, locale);
      const info = new SecurityInfoPage(page, locale);
      const nav = info.navigation;
      await expect(nav.getByRole('link', { name: TEXT[locale].securityInfo })).toHaveAttribute('aria-current', 'page');
      await nav.getByRole('link', { name: OVERVIEW[locale] }).click();
      await expect(page.getByRole('heading', { level: 1, name: OVERVIEW[locale] })).toBeVisible();
      await expect(page).toHaveURL(/\/overview$/);
      await expect(nav.getByRole('link', { name: OVERVIEW[locale] })).toHaveAttribute('aria-current', 'page');
      await expect(nav.getByRole('link', { name: TEXT[locale].securityInfo })).not.toHaveAttribute('aria-current');
      // Admins also find People, the policy and Applications there.
      await expect(nav.getByRole('link')).toHaveCount(6);
      await expect(nav.getByRole('link', { name: APPLICATIONS[locale] })).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test('the overview says who is signed in and whether their methods cover sign-in and reset', async ({ page, context, user, expectAccessible }) => {
  await signIn(page, user);
  await page.goto('/overview');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: user.displayName })).toBeVisible();
  await expect(main.getByText(user.accountName)).toBeVisible();
  await expect(main.getByText('Two-step verification: needs a method')).toBeVisible();
  await main.getByRole('link', { name: 'Update info' }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await addPhoneByText(page, await context.newPage(), uniqueNlMobile());
  await page.goto('/overview');
  await expect(main.getByText('Two-step verification: ready (1 method)')).toBeVisible();
  // Members have no policy card and no policy link.
  await expect(page.getByRole('link', { name: 'Organization policy' })).toHaveCount(0);
  await expectAccessible(page);
});

test('each method row has its icon, hidden from screen readers, its date, and the default is marked', async ({ page, context, user }) => {
  await signIn(page, user);
  const number = uniqueNlMobile();
  await addPhoneByText(page, await context.newPage(), number);
  await addAuthenticatorApp(page);
  const rows = page.locator('.method-list > li');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row.locator('.method-icon svg')).toHaveAttribute('aria-hidden', 'true');
    await expect(row).toContainText(/Added [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  }
  const phone = page.getByRole('listitem').filter({ hasText: number.display });
  await expect(phone).toContainText('Default');
  await expect(page.getByRole('listitem').filter({ hasText: 'Authenticator app' })).not.toContainText('Default');
  // One line: the default, then its Change.
  const line = page.locator('.default-method');
  await expect(line.getByRole('term')).toHaveText('Default sign-in method');
  await expect(line).toContainText(`Phone - text ${number.display}`);
  await expect(line.getByRole('button', { name: 'Change: Default sign-in method' })).toBeVisible();

  // The Add method dialog shows the chosen kind's icon, and the wizard's title has it too.
  await page.getByRole('button', { name: 'Add method' }).click();
  const add = page.getByRole('dialog', { name: 'Add a method' });
  await add.getByLabel('Which method would you like to add?').selectOption({ label: 'Office phone' });
  await expect(add.locator('.field-with-icon .method-icon svg')).toHaveAttribute('aria-hidden', 'true');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'Set up your office phone' });
  await expect(wizard.locator('h2 .method-icon svg')).toHaveAttribute('aria-hidden', 'true');
});

test.describe('on a 360-pixel-wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the navigation folds into a menu that closes once a page is chosen', async ({ page, user, expectAccessible }) => {
    await signIn(page, user);
    const info = new SecurityInfoPage(page);
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
    await expect(info.navigation).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(info.navigation).toBeVisible();
    await expectAccessible(page);
    await info.navigation.getByRole('link', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
    await expect(info.navigation).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // Who is signed in stays one tap away, and the header does not wrap.
    await expect(info.accountButton).toBeVisible();
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(72);
  });
});

for (const [locale, title] of [['nl-NL', 'Beveiligingsgegevens'], ['sv-SE', 'Säkerhetsinformation'], ['en', 'Security info']] as const) {
  test.describe(`on a 360-pixel-wide phone, in ${locale}`, () => {
    test.use({ viewport: { width: 360, height: 740 }, locale });
    test(`the page title "${title}" fits whole, never broken inside the word`, async ({ page, makeUser }) => {
      const user = await makeUser({ locale });
      await signIn(page, user, locale);
      const heading = page.getByRole('heading', { level: 1, name: title });
      await expect(heading).toBeVisible();
      const { lines, overflows } = await heading.evaluate((h) => {
        const range = document.createRange();
        range.selectNodeContents(h);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { lines: tops.size, overflows: h.scrollWidth > h.clientWidth };
      });
      expect(lines).toBe(1);
      expect(overflows).toBe(false);
    });
  });
}

test.describe('on a 360-pixel-wide phone, signing in', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('both ways to sign in are buttons of the full width', async ({ page }) => {
    await page.goto('/signin');
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    const passkey = page.getByRole('button', { name: 'Sign in with a passkey' });
    await expect(passkey).toBeVisible();
    const [a, b] = [(await signIn.boundingBox())!, (await passkey.boundingBox())!];
    expect(Math.round(b.width)).toBe(Math.round(a.width));
    expect(Math.round(b.x)).toBe(Math.round(a.x));
  });
});

test.describe('on a 360-pixel-wide phone, one panel at a time', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('Escape closes the menu, the account menu closes it, and Tab out of the account menu closes that', async ({ page, user }) => {
    await signIn(page, user);
    const info = new SecurityInfoPage(page);
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
    await toggle.click();
    await expect(info.navigation).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(info.navigation).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await toggle.click();
    await expect(info.navigation).toBeVisible();
    await info.accountButton.click();
    await expect(page.locator('#account-menu-panel')).toBeVisible();
    await expect(info.navigation).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    // Tab through the account menu and out of it: it closes behind the focus.
    for (let n = 0; n < 8; n++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('.account-menu'));
      if (!inside) break;
    }
    expect(await page.evaluate(() => !!document.activeElement?.closest('.account-menu'))).toBe(false);
    await expect(page.locator('#account-menu-panel')).toBeHidden();
  });
});
