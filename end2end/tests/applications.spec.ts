import { expect, test } from '../fixtures';
import { signIn } from '../pages/security-info-flows';

// Applications (OpenID Connect): an administrator registers one from the
// navigation, keyboard and focus as everywhere; the secret is shown once.
test.describe('in nl-NL', () => {
test.use({ locale: 'nl-NL' });

test('an administrator registers an application, a refusal at its field first', async ({ page, makeUser, expectAccessible }) => {
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

  await uris.fill('https://payroll.contoso.example/callback');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
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
});
});

test('a member has no Applications page', async ({ page, user }) => {
  await signIn(page, user);
  await expect(page.getByRole('link', { name: 'Applications' })).toHaveCount(0);
  await page.goto('/admin/applications');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toHaveCount(0);
});
