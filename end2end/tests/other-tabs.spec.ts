import { api, expect, test, uniqueNlMobile } from '../fixtures';
import { addAuthenticatorApp, addPhoneByText, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';

const CHANGED_ELSEWHERE = 'That method had already been changed or removed, perhaps in another tab or window. This is your security info as it is now.';

// Defect 7: a page left open acts on what another tab already changed.
test('a method deleted in another tab: the list is refreshed and the page says what happened', async ({ page, context, user, expectAccessible }) => {
  await signIn(page, user);
  const number = uniqueNlMobile();
  await addPhoneByText(page, await context.newPage(), number);
  await addAuthenticatorApp(page);
  // The same session in a second tab, showing the phone too.
  const other = await context.newPage();
  await other.goto('/security-info');
  const phoneRow = other.getByRole('listitem').filter({ hasText: number.display });
  await expect(phoneRow).toBeVisible();

  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  await page.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: number.display })).toHaveCount(0);

  await other.getByRole('button', { name: 'Delete: Phone' }).click();
  await other.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(other.getByRole('dialog')).toHaveCount(0);
  const notice = other.getByRole('status').filter({ hasText: CHANGED_ELSEWHERE });
  await expect(notice).toBeVisible();
  await expect(notice).toBeFocused();
  await expect(phoneRow).toHaveCount(0);
  await expect(other.getByText("We couldn't find what you were looking for")).toHaveCount(0);
  await expect(other.getByRole('listitem').filter({ hasText: 'Authenticator app' })).toBeVisible();
  await expectAccessible(other);
});

test('a phone changed from a tab after another tab deleted it: refreshed, and said', async ({ page, context, user }) => {
  await signIn(page, user);
  const number = uniqueNlMobile();
  await addPhoneByText(page, await context.newPage(), number);
  const other = await context.newPage();
  await other.goto('/security-info');
  await other.getByRole('button', { name: 'Change: Phone' }).click();
  const wizard = other.getByRole('dialog', { name: 'Change your phone' });
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(uniqueNlMobile().national);

  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  await page.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: number.display })).toHaveCount(0);

  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(other.getByRole('dialog')).toHaveCount(0);
  await expect(other.getByRole('status').filter({ hasText: CHANGED_ELSEWHERE })).toBeFocused();
  await expect(other.getByText("You haven't registered any security info yet.")).toBeVisible();
});

test('a session ended elsewhere: the page says so, clears what it showed and offers to sign in again', async ({ page, context, request, baseURL, user, expectAccessible }) => {
  await signIn(page, user);
  const number = uniqueNlMobile();
  await addPhoneByText(page, await context.newPage(), number);
  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete method' });
  await expect(dialog).toBeVisible();

  // Meanwhile, on another device: "Sign out everywhere".
  const signedIn = await api(request, baseURL!, 'POST', '/api/session', { account_name: user.accountName, password: user.password });
  expect(signedIn.status()).toBe(200);
  expect((await api(request, baseURL!, 'DELETE', '/api/me/sessions')).status()).toBe(204);

  await dialog.getByRole('button', { name: 'Yes' }).click();
  const signInPage = new SignInPage(page);
  await expect(signInPage.heading).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    "You've been signed out: you signed out somewhere else, or your session ended after a while without activity. Sign in again to continue.");
  await expectAccessible(page);
  // Nothing of the signed-in page stays on screen.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(number.display)).toHaveCount(0);
  await expect(new SecurityInfoPage(page).accountButton).toHaveCount(0);
  // Signing in again leads back, and the notice is gone.
  await expect(page).toHaveURL(/\/signin\?next=\/security-info$/);
  await signInPage.signIn(user);
  await expect(page).toHaveURL(/\/security-info$/);
  await expect(page.getByText("You've been signed out")).toHaveCount(0);
});

test('signing out here says nothing about a session that ended', async ({ page, user }) => {
  await signIn(page, user);
  await new SecurityInfoPage(page).signOut();
  await expect(new SignInPage(page).heading).toBeVisible();
  await expect(page.getByText("You've been signed out")).toHaveCount(0);
});
