import { expect, test, uniqueNlMobile } from '../fixtures';
import { addAuthenticatorApp, openWizard, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';

const onDialogEntry = (page: import('@playwright/test').Page) => page.evaluate(() => history.state === 'secinfo-dialog');

// Defect 15: the browser's Back closes a dialog or wizard instead of leaving the app.
test("Back closes a dialog or a wizard step, and never leaves the page from one", async ({ page, user }) => {
  await signIn(page, user);
  const info = new SecurityInfoPage(page);
  await page.getByRole('button', { name: 'Add method' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a method' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(info.heading).toBeVisible();
  await expect(page).toHaveURL(/\/security-info$/);

  // Add method → the phone wizard share one entry: one Back closes it.
  const wizard = await openWizard(page);
  await wizard.getByLabel('Phone number').fill(uniqueNlMobile().national);
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(info.heading).toBeVisible();
  await expect(page).toHaveURL(/\/security-info$/);

  // Closed from inside, the dialog leaves no entry behind for Back to spend.
  await page.getByRole('button', { name: 'Add method' }).click();
  expect(await onDialogEntry(page)).toBe(true);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => onDialogEntry(page)).toBe(false);

  // Reload in the middle of a wizard keeps the person on the page.
  await openWizard(page);
  await page.reload();
  await expect(info.heading).toBeVisible();
  await expect(page).toHaveURL(/\/security-info$/);
});

test('focus returns to what opened a dialog, and goes to the list after a change', async ({ page, user }) => {
  await signIn(page, user);
  const add = page.getByRole('button', { name: 'Add method' });
  await add.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(add).toBeFocused();
  await add.click();
  await page.keyboard.press('Escape');
  await expect(add).toBeFocused();
  await add.click();
  await page.goBack();
  await expect(add).toBeFocused();

  // After a change the list is drawn anew: focus goes back to what opened the
  // dialog when the new list has it again (Add method)...
  await addAuthenticatorApp(page);
  await expect(add).toBeFocused();
  const del = page.getByRole('button', { name: 'Delete: Authenticator app' });
  await del.click();
  await page.getByRole('dialog').getByRole('button', { name: 'No' }).click();
  await expect(del).toBeFocused();
  // ...and to the list's heading, where the change shows, when it is gone.
  await del.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your methods' })).toBeFocused();
});
