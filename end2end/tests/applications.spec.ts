import { expect, test } from '../fixtures';
import { registerApplication } from '../pages/apache';
import { signIn } from '../pages/security-info-flows';

// Applications (OpenID Connect): an administrator registers one from the
// navigation, keyboard and focus as everywhere; the secret is shown once.
test.describe('in nl-NL', () => {
test.use({ locale: 'nl-NL' });

test('an administrator registers an application (a refusal at its field first), gives it a new secret, disables and enables it', async ({ page, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true, locale: 'nl-NL' });
  await signIn(page, admin, 'nl-NL');
  await page.getByRole('link', { name: 'Toepassingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toepassingen' })).toBeFocused();
  await expect(page.getByText('Er meldt zich nog geen toepassing via secinfo aan.')).toBeVisible();
  await expectAccessible(page);

  const name = page.getByLabel('Naam', { exact: true });
  const uris = page.getByLabel('Omleidingsadressen', { exact: true });
  await name.fill('Salarisadministratie');
  await uris.fill('http://payroll.contoso.example/callback');
  await page.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByText('Voer maximaal 10 volledige adressen in')).toBeVisible();
  await expect(uris).toBeFocused();
  await expect(uris).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue('Salarisadministratie');

  // It requires two steps, and may not act while the person is away.
  await page.getByLabel('Vereiste aanmelding').selectOption({ label: 'Verificatie in twee stappen' });
  // Its tokens signed RS256, which the hint says to choose only if it must.
  const signing = page.getByLabel('Handtekening van het ID-token');
  await expect(signing).toHaveAccessibleDescription('Houd ES256 aan, tenzij de toepassing alleen RS256 kan controleren.');
  await expect(signing.locator('option:checked')).toHaveText('ES256 (aanbevolen)');
  await signing.selectOption({ label: 'RS256, voor een toepassing die ES256 niet kan controleren' });
  await page.getByLabel('Toegang terwijl de persoon afwezig is (offline_access)').uncheck();
  await uris.fill('https://payroll.contoso.example/callback');
  await uris.focus();
  // Where it signs people out, and where it is told they signed out.
  const logout = page.getByLabel('Afmeldadressen', { exact: true });
  await page.keyboard.press('Tab');
  await expect(logout).toBeFocused();
  await page.keyboard.type('https://payroll.contoso.example/signed-out');
  await page.keyboard.press('Tab');
  const backchannel = page.getByLabel('Adres voor back-channel-afmelding', { exact: true });
  await expect(backchannel).toBeFocused();
  await page.keyboard.type('https://payroll.contoso.example/backchannel');
  await page.keyboard.press('Enter');
  const shown = page.getByText('Geregistreerd. Kopieer het clientgeheim nu naar de toepassing');
  await expect(shown).toBeVisible();
  await expect(page.locator('.person-issued')).toBeFocused();
  const secret = await page.locator('.person-issued dd code').nth(1).textContent();
  expect(secret!.length).toBeGreaterThanOrEqual(43);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Gereed' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Salarisadministratie' })).toBeVisible();
  await expect(page.getByText('Vertrouwelijk: met een geheim')).toBeVisible();
  // The secret is not shown again.
  await expect(page.getByText(secret!)).toHaveCount(0);
  await expect(page.getByText('https://payroll.contoso.example/signed-out')).toBeVisible();
  await expect(page.getByText('https://payroll.contoso.example/backchannel')).toBeVisible();
  await expect(page.locator('.application dd', { hasText: 'Verificatie in twee stappen' })).toBeVisible();
  await expect(page.locator('.application dd code', { hasText: /^openid profile email$/ })).toBeVisible();
  await expect(page.locator('.application dd code', { hasText: /^RS256$/ })).toBeVisible();

  // A new secret, shown this once, the cursor on it; the old one is gone.
  await page.getByRole('button', { name: 'Nieuw geheim voor Salarisadministratie' }).click();
  await expect(page.getByText('Een nieuw geheim. Kopieer het nu naar de toepassing')).toBeVisible();
  await expect(page.locator('.person-issued')).toBeFocused();
  const renewed = await page.locator('.person-issued dd code').nth(1).textContent();
  expect(renewed).not.toEqual(secret);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Gereed' }).click();
  await expect(page.getByRole('button', { name: 'Nieuw geheim voor Salarisadministratie' })).toBeFocused();

  // Disabled, and enabled again: the button stays where the cursor is.
  const disable = page.getByRole('button', { name: 'Salarisadministratie uitschakelen' });
  await disable.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Uitgeschakeld: niemand kan zich er via secinfo bij aanmelden')).toBeVisible();
  const enable = page.getByRole('button', { name: 'Salarisadministratie inschakelen' });
  await expect(enable).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('In gebruik')).toBeVisible();
  await expect(disable).toBeFocused();
});
});

test('a member has no Applications page', async ({ page, user }) => {
  await signIn(page, user);
  await expect(page.getByRole('link', { name: 'Applications' })).toHaveCount(0);
  await page.goto('/admin/applications');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toHaveCount(0);
});

test.describe('on a 360-pixel-wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  // A name of one long word is what made them overflow.
  test("an application's buttons stay inside its card", async ({ page, makeUser, playwright, baseURL }) => {
    const admin = await makeUser({ admin: true });
    const request = await playwright.request.newContext({ baseURL });
    await registerApplication(request, baseURL!, admin, {
      name: 'Salarisadministratie', redirectUris: ['https://payroll.contoso.example/callback'],
    });
    await request.dispose();
    await signIn(page, admin);
    await page.goto('/admin/applications');
    const card = page.locator('section.card', { has: page.locator('.application') });
    const right = (await card.boundingBox())!;
    for (const name of ['New secret for Salarisadministratie', 'Disable Salarisadministratie']) {
      const button = (await page.getByRole('button', { name }).boundingBox())!;
      expect(button.x + button.width, name).toBeLessThanOrEqual(right.x + right.width);
    }
  });
});
