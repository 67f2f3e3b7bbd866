import { LOCALES, expect, test } from '../fixtures';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { TEXT } from '../pages/texts';

for (const locale of LOCALES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme });

      test('sign-in page, also with errors, has no axe violations', async ({ page, expectAccessible }) => {
        const signIn = new SignInPage(page, locale);
        await signIn.goto();
        await expectAccessible(page);
        await signIn.submit.click();
        await expect(page.getByText(TEXT[locale].accountRequired)).toBeVisible();
        await expectAccessible(page);
      });

      test('Security info page has no axe violations', async ({ page, user, expectAccessible }) => {
        const signIn = new SignInPage(page, locale);
        await signIn.goto();
        await signIn.signIn(user);
        const info = new SecurityInfoPage(page, locale);
        await expect(info.noMethods).toBeVisible();
        await expectAccessible(page);
      });
    });
  }
}

test.describe('on a 360-pixel-wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('pages fit without sideways scrolling', async ({ page, user }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await signIn.signIn(user);
    await expect(new SecurityInfoPage(page).heading).toBeVisible();
    expect(await fits()).toBe(true);
  });
});
