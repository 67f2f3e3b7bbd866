import { LOCALES, expect, test } from '../fixtures';
import { SecurityInfoPage } from '../pages/security-info-page';
import { addAuthenticatorApp, signIn, startAdding } from '../pages/security-info-flows';
import { totp } from '../pages/totp';
import { anotherBrowserSignedIn } from '../pages/another-browser';

const T = {
  en: { add: 'Add method', addTitle: 'Add a method', addLabel: 'Which method would you like to add?', addButton: 'Add', app: 'Authenticator app',
        title: 'Set up your authenticator app', cantScan: "Can't scan image?", secret: 'Secret key', account: 'Account name', code: 'Code', next: 'Next',
        updated: 'Your security info is updated', done: 'Done' },
  'nl-NL': { add: 'Methode toevoegen', addTitle: 'Een methode toevoegen', addLabel: 'Welke methode wilt u toevoegen?', addButton: 'Toevoegen', app: 'Authenticator-app',
        title: 'Uw Authenticator-app instellen', cantScan: 'Kunt u de afbeelding niet scannen?', secret: 'Geheime sleutel', account: 'Accountnaam', code: 'Code', next: 'Volgende',
        updated: 'Uw beveiligingsgegevens zijn bijgewerkt', done: 'Gereed' },
  'sv-SE': { add: 'Lägg till metod', addTitle: 'Lägg till en metod', addLabel: 'Vilken metod vill du lägga till?', addButton: 'Lägg till', app: 'Authenticator-app',
        title: 'Konfigurera din Authenticator-app', cantScan: 'Kan du inte skanna bilden?', secret: 'Hemlig nyckel', account: 'Kontonamn', code: 'Kod', next: 'Nästa',
        updated: 'Din säkerhetsinformation har uppdaterats', done: 'Klar' },
} as const;

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = T[locale];

    test('an authenticator app is added with the code computed from the shown secret', async ({ page, user, expectAccessible }) => {
      await signIn(page, user, locale);
      await page.getByRole('button', { name: t.add }).click();
      const add = page.getByRole('dialog', { name: t.addTitle });
      await add.getByLabel(t.addLabel).selectOption({ label: t.app });
      await add.getByRole('button', { name: t.addButton, exact: true }).click();

      const wizard = page.getByRole('dialog', { name: t.title });
      await expect(wizard.getByRole('img')).toBeVisible();
      await wizard.getByRole('button', { name: t.cantScan }).click();
      await expect(wizard.getByRole('button', { name: t.cantScan })).toHaveAttribute('aria-expanded', 'true');
      await expect(wizard.getByText(user.accountName)).toBeVisible();
      const secret = (await wizard.locator('code.secret').textContent())!;
      expect(secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      await expectAccessible(page);
      await wizard.getByLabel(t.code, { exact: true }).fill(totp(secret));
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.updated)).toBeVisible();
      await wizard.getByRole('button', { name: t.done }).click();
      await expect(page.getByRole('listitem').filter({ hasText: t.app })).toBeVisible();
    });
  });
}

test('a new session steps up with the authenticator app, and the app can be deleted', async ({ page, browser, user }) => {
  await signIn(page, user);
  await startAdding(page, 'Authenticator app');
  await page.getByRole('button', { name: "Can't scan image?" }).click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.getByLabel('Code', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Default sign-in method')).toBeVisible();

  const { context: other, page: otherPage } = await anotherBrowserSignedIn(browser, user);
  await expect(otherPage.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await otherPage.getByRole('radio', { name: 'Use a code from my authenticator app' }).check();
  await otherPage.getByRole('button', { name: 'Next' }).click();
  const code = otherPage.getByLabel('Code', { exact: true });
  // The next step's code (accepted with one step of skew): the current one
  // was spent on registering and is refused (S9, proven in the API tests).
  await code.fill(totp(secret, Date.now() + 30_000));
  await otherPage.getByRole('button', { name: 'Verify' }).click();
  await expect(new SecurityInfoPage(otherPage).heading).toBeVisible();

  await otherPage.getByRole('button', { name: 'Delete: Authenticator app' }).click();
  await otherPage.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(otherPage.getByRole('listitem').filter({ hasText: 'Authenticator app' })).toHaveCount(0);
  await other.close();
});

test('a second app is named, so that the two are told apart', async ({ page, user, expectAccessible }) => {
  await signIn(page, user);
  await addAuthenticatorApp(page);
  // The second: named by the person.
  await startAdding(page, 'Authenticator app');
  await page.getByRole('button', { name: "Can't scan image?" }).click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.getByLabel('Code', { exact: true }).fill(totp(secret));
  await page.getByLabel('Name (optional)').fill('Work phone');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  const named = page.getByRole('listitem').filter({ hasText: 'Work phone' });
  await expect(named).toContainText('Authenticator app');
  await expect(named.getByRole('button', { name: 'Delete: Authenticator app "Work phone"' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete: Authenticator app', exact: true })).toHaveCount(1);
});
