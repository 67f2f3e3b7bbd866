import { api, expect, test, uniqueNlMobile } from '../fixtures';
import { addPhoneByText, signIn } from '../pages/security-info-flows';

test('the coverage line changes as methods are added', async ({ page, context, user }) => {
  await signIn(page, user);
  await expect(page.getByText('Two-step verification: needs a method')).toBeVisible();
  await expect(page.getByText('Password reset: needs 1 more method')).toBeVisible();
  await addPhoneByText(page, await context.newPage(), uniqueNlMobile());
  await expect(page.getByText('Two-step verification: ready (1 method)')).toBeVisible();
  await expect(page.getByText('Password reset: ready (1 method)')).toBeVisible();
});

test('a policy that disables a method hides it and marks the one registered', async ({ page, context, playwright, baseURL, makeUser }) => {
  const user = await makeUser();
  const admin = await makeUser({ organizationOf: user, admin: true });
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), uniqueNlMobile());

  // The admin allows only authenticator apps now.
  const adminApi = await playwright.request.newContext({ baseURL });
  await api(adminApi, baseURL!, 'POST', '/api/session', { account_name: admin.accountName, password: admin.password });
  const saved = await api(adminApi, baseURL!, 'PUT', '/api/admin/policy', {
    registration_required: 0,
    methods: [{ kind: 'authenticator-app', mfa: true, sspr: true }],
  });
  expect(saved.status()).toBe(200);
  await adminApi.dispose();

  await page.reload();
  const row = page.getByRole('listitem').filter({ hasText: 'Phone' });
  await expect(row).toContainText('Not usable: your organization no longer allows this method.');
  await page.getByRole('button', { name: 'Add method' }).click();
  const choices = page.getByRole('dialog').getByLabel('Which method would you like to add?').getByRole('option');
  await expect(choices).toHaveText(['Authenticator app']);
  await expect(page.getByRole('dialog').getByText("If some of these options are missing, it's most likely because your organization doesn't allow those methods.")).toBeVisible();
});
