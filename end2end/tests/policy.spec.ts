import { api, expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { addPhoneByText, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';

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
  // It can only go: no Change that would end in "not available" (defect 6).
  await expect(row.getByRole('button', { name: /^Change/ })).toHaveCount(0);
  await expect(row.getByRole('button', { name: /^Delete/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add method' }).click();
  const choices = page.getByRole('dialog').getByLabel('Which method would you like to add?').getByRole('option');
  await expect(choices).toHaveText(['Authenticator app']);
  await expect(page.getByRole('dialog').getByText("If some of these options are missing, it's most likely because your organization doesn't allow those methods.")).toBeVisible();
});

test('an admin changes the policy on its page, and a member sees the effect', async ({ page, browser, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true, policy: { registration_required: 0 } });
  const member = await makeUser({ organizationOf: admin });
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Organization policy' }).click();
  await expect(page.getByRole('heading', { name: 'Organization policy' })).toBeVisible();
  const phone = page.getByRole('group', { name: 'Phone', exact: true });
  await expect(phone.getByRole('checkbox', { name: 'Allowed' })).toBeChecked();
  // Email only resets a password: its two-step box cannot be ticked.
  const email = page.getByRole('group', { name: 'Email' });
  await email.getByRole('checkbox', { name: 'Allowed' }).check();
  await expect(email.getByRole('checkbox', { name: 'Two-step verification' })).toBeDisabled();
  await expect(email.getByRole('checkbox', { name: 'Password reset' })).toBeChecked();
  // Allowed but counting for nothing: refused at the method, nothing sent.
  await email.getByRole('checkbox', { name: 'Password reset' }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(email.getByText('An allowed method must count for two-step verification, password reset or both.')).toBeVisible();
  await expect(email.getByRole('checkbox', { name: 'Allowed' })).toBeFocused();
  await expect(page.getByText('The policy is saved.', { exact: false })).toHaveCount(0);
  await email.getByRole('checkbox', { name: 'Password reset' }).check();
  await phone.getByRole('checkbox', { name: 'Allowed' }).uncheck();
  await expect(phone.getByRole('checkbox', { name: 'Two-step verification' })).toBeDisabled();
  await page.getByLabel('Codes by text or email expire after').selectOption({ label: '5 minutes' });
  await page.getByLabel('Ask people to verify again after').selectOption({ label: '30 minutes' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The policy is saved.', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Codes by text or email expire after')).toHaveValue('5');
  await expect(page.getByLabel('Ask people to verify again after')).toHaveValue('30');
  await expect(page.getByRole('group', { name: 'Phone', exact: true }).getByRole('checkbox', { name: 'Allowed' })).not.toBeChecked();

  const other = await browser.newContext({ locale: 'en-US' });
  const memberPage = await other.newPage();
  await signIn(memberPage, member);
  await memberPage.getByRole('button', { name: 'Add method' }).click();
  const choices = memberPage.getByRole('dialog').getByLabel('Which method would you like to add?').getByRole('option');
  await expect(choices).toHaveText(['Authenticator app', 'Office phone', 'Email']);
  // A member has no policy page: the link is absent and the page says no.
  await memberPage.keyboard.press('Escape');
  await expect(memberPage.getByRole('link', { name: 'Organization policy' })).toHaveCount(0);
  // The closed dialog leaves its history entry (Back) a moment later: a
  // navigation started before that would be cut off by it.
  await memberPage.waitForFunction(() => history.state !== 'secinfo-dialog');
  await memberPage.goto('/admin/policy');
  // Nothing of the policy shows: not its title nor its introduction.
  await expect(memberPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(memberPage.getByRole('heading', { name: 'Organization policy' })).toHaveCount(0);
  await expect(memberPage).toHaveTitle(/Page not found/);
  await other.close();
});

test('when the policy no longer allows the only method, signing in says so and asks for another', async ({ page, context, playwright, baseURL, makeUser, expectAccessible }) => {
  const user = await makeUser({ policy: { registration_required: 1 } });
  const admin = await makeUser({ organizationOf: user, admin: true });
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(user);
  await page.getByRole('button', { name: 'Next' }).click();
  // Registration proposes the app first; the phone is the person's choice.
  await page.getByRole('button', { name: 'I want to set up a different method' }).click();
  await page.getByLabel('Which method would you like to add?').selectOption({ label: 'Phone' });
  const number = uniqueNlMobile();
  await page.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await page.getByLabel('Phone number').fill(number.national);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await new Handset(await context.newPage(), number.e164).lastCode());
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();

  // The admin allows only authenticator apps now.
  const adminApi = await playwright.request.newContext({ baseURL });
  await api(adminApi, baseURL!, 'POST', '/api/session', { account_name: admin.accountName, password: admin.password });
  const saved = await api(adminApi, baseURL!, 'PUT', '/api/admin/policy', {
    registration_required: 1,
    two_step_sign_in: false,
    methods: [{ kind: 'authenticator-app', mfa: true, sspr: true }],
  });
  expect(saved.status()).toBe(200);
  await adminApi.dispose();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'More information required' })).toBeVisible();
  await expect(page.getByText("Your organization no longer allows some of the methods you registered, so they can't verify you any more. Set up another one.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
});

test('an administrator bounds the lifetimes of Temporary Access Passes, in order, and names the help desk', async ({ page, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true });
  await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois' });
  await signIn(page, admin);
  await page.goto('/admin/policy');
  await expect(page.getByLabel('Temporary Access Pass: lifetime offered first')).toHaveValue('60');
  await page.getByLabel('Temporary Access Pass: shortest lifetime').selectOption({ label: '8 hours' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText("A Temporary Access Pass's shortest lifetime can't be longer than its default")).toBeVisible();
  await expect(page.getByText('The policy is saved.', { exact: false })).toHaveCount(0);
  await page.getByLabel('Temporary Access Pass: lifetime offered first').selectOption({ label: '8 hours' });
  await page.getByLabel('Temporary Access Pass: longest lifetime').selectOption({ label: '1 day' });
  await page.getByLabel('Help desk contact').fill('helpdesk@contoso.example');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The policy is saved.', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Help desk contact')).toHaveValue('helpdesk@contoso.example');

  // A pass is now given for 8 hours at least.
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Zoë Dubois' }).click();
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  const lifetime = page.getByRole('dialog').getByLabel('Valid for');
  await expect(lifetime).toHaveValue('480');
  await expect(lifetime.getByRole('option')).toHaveText(['8 hours', '1 day']);
});
