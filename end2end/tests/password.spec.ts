import { expect, test } from '../fixtures';
import { signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';

const STRONG = 'violet anchor maple drizzle 42';

test('a password is changed: too common is refused at the field, the strength shows, other sessions end', async ({ page, browser, user, expectAccessible }) => {
  // Another browser signed in as the same person: it is signed out by the change.
  const other = await browser.newContext({ locale: 'en-US' });
  const otherPage = await other.newPage();
  await signIn(otherPage, user);

  await signIn(page, user);
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
  await expect(page).toHaveTitle('Change password – secinfo');
  await expect(page.getByText('At least 12 characters.', { exact: false })).toBeVisible();

  const current = page.getByLabel('Current password', { exact: true });
  const fresh = page.getByLabel('New password', { exact: true });
  const confirm = page.getByLabel('Confirm new password', { exact: true });
  await current.fill(user.password);
  await fresh.fill('password1234');
  await expect(page.getByText(/^Password strength: (very weak|weak|fair)$/)).toBeVisible();
  await confirm.fill('password1234');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This password is too common or too easy to guess.', { exact: false })).toBeVisible();
  await expect(fresh).toBeFocused();
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');
  // What was typed elsewhere is kept.
  await expect(current).toHaveValue(user.password);
  await expectAccessible(page);

  await fresh.fill(STRONG);
  await expect(page.getByText(/^Password strength: (strong|very strong)$/)).toBeVisible();
  await confirm.fill(`${STRONG}!`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText("The passwords don't match.")).toBeVisible();
  await expect(confirm).toBeFocused();

  await confirm.fill(STRONG);
  await page.getByRole('button', { name: 'Change password' }).click();
  const changed = page.getByText('Your password was changed.', { exact: false });
  await expect(changed).toBeVisible();
  // No blank where the strength was (walk issue, item 14): the line says
  // where it will show, and the meter spans the field.
  await expect(page.getByText('Its strength shows as you type.')).toBeVisible();
  const meterWidth = await page.locator('.strength meter').evaluate((m) => m.getBoundingClientRect().width);
  expect(meterWidth).toBeGreaterThan((await fresh.boundingBox())!.width * 0.9);
  await expect(changed).toBeFocused();

  await otherPage.reload();
  await expect(new SignInPage(otherPage).heading).toBeVisible();
  await other.close();

  await new SecurityInfoPage(page).signOut();
  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn({ accountName: user.accountName, password: STRONG });
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test.describe('in sv-SE', () => {
  test.use({ locale: 'sv-SE' });

  test('the rules are told in Swedish, at the field', async ({ page, makeUser }) => {
    const user = await makeUser({ locale: 'sv-SE' });
    await signIn(page, user, 'sv-SE');
    await page.getByRole('link', { name: 'Ändra lösenord' }).click();
    await page.getByLabel('Nuvarande lösenord', { exact: true }).fill(user.password);
    const fresh = page.getByLabel('Nytt lösenord', { exact: true });
    await fresh.fill('kort');
    await page.getByLabel('Bekräfta nytt lösenord', { exact: true }).fill('kort');
    await page.getByRole('button', { name: 'Ändra lösenord' }).click();
    await expect(page.getByText('Lösenordet är för kort.')).toBeVisible();
    await expect(fresh).toBeFocused();
  });
});

test('the form keeps still when the strength arrives: the confirmation and the button stay where they were', async ({ page, user }) => {
  await signIn(page, user);
  await page.getByRole('link', { name: 'Change password' }).click();
  const confirm = page.getByLabel('Confirm new password', { exact: true });
  const save = page.getByRole('button', { name: 'Change password' });
  await expect(save).toBeVisible();
  const before = [(await confirm.boundingBox())!.y, (await save.boundingBox())!.y];
  await page.getByLabel('New password', { exact: true }).fill(STRONG);
  await expect(page.getByText(/^Password strength: (strong|very strong)$/)).toBeVisible();
  const after = [(await confirm.boundingBox())!.y, (await save.boundingBox())!.y];
  expect(after).toEqual(before);
});
