import type { Page } from '@playwright/test';
import { api, expect, test, uniqueNlMobile, type Locale } from '../fixtures';
import { Handset } from '../pages/handset';
import { addSecurityKey } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { bootstrap, newOrganization } from '../pages/server-command';
import { totp } from '../pages/totp';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

// A new organization's first administrator: `secinfo-server bootstrap`
// prints a Temporary Access Pass, which signs in where the password goes
// (S33, S41).

/** Sets the organization's texts per address and hour high, as its administrator. */
async function raiseAddressLimit(page: Page) {
  const { csrf_token } = await (await page.request.get('/api/session')).json();
  const headers = { origin: 'http://localhost:8090', 'x-csrf-token': csrf_token };
  const policy = await (await page.request.get('/api/admin/policy')).json();
  policy.limits.per_address = 100000;
  const saved = await page.request.put('/api/admin/policy', { data: policy, headers });
  expect(saved.status()).toBe(200);
}

const PASS_TEXTS: Record<Locale, { use: string; label: string; signIn: string; account: string }> = {
  en: {
    use: 'Use a Temporary Access Pass', label: 'Temporary Access Pass', signIn: 'Sign in', account: 'Account',
  },
  'nl-NL': {
    use: 'Een tijdelijke toegangspas gebruiken', label: 'Tijdelijke toegangspas', signIn: 'Aanmelden', account: 'Account',
  },
  'sv-SE': {
    use: 'Använd ett tillfälligt åtkomstpass', label: 'Tillfälligt åtkomstpass', signIn: 'Logga in', account: 'Konto',
  },
};

test('bootstrap: the first administrator signs in with the printed pass, registers methods, allows passkeys and registers one, sets a password and deletes the pass', async ({ page, context, expectAccessible }) => {
  test.slow();
  const org = newOrganization();
  const done = bootstrap(['--organization', 'Fabrikam', '--domain', org.domain, '--admin', org.admin, '--display-name', org.displayName]);
  expect(done.output).toContain('Organization created.');
  expect(done.pass).toMatch(/^[A-Za-z2-9]{12}$/);
  expect(done.signInAddress).toBe('http://localhost:8090/signin');

  // Running it again changes nothing and says why.
  expect(() => bootstrap(['--organization', 'Fabrikam', '--domain', org.domain, '--admin', org.admin, '--display-name', org.displayName]))
    .toThrow(/exists already/);

  // The browser has a key (for the passkey registered further on).
  const key = await addVirtualSecurityKey(page);
  await page.goto(done.signInAddress);
  await page.getByLabel('Account', { exact: true }).fill(org.admin);
  await page.getByRole('button', { name: 'Use a Temporary Access Pass' }).click();
  const passField = page.getByLabel('Temporary Access Pass', { exact: true });
  await expect(passField).toBeFocused();
  await expectAccessible(page);
  await passField.fill(done.pass);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // No method yet: registration comes first (an administrator registers two).
  await expect(page.getByRole('heading', { name: 'More information required' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Method 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: "Can't scan image?" }).click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.getByLabel('Code', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Method 2 of 2')).toBeVisible();
  // Every test texts from 127.0.0.1: the administrator lifts the new
  // organization's default limit per address (30 an hour) first.
  await raiseAddressLimit(page);
  const phone = uniqueNlMobile();
  await page.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await page.getByLabel('Phone number').fill(phone.national);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await new Handset(await context.newPage(), phone.e164).lastCode());
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  // Security info shows the pass until it is deleted.
  const security = new SecurityInfoPage(page);
  await expect(security.heading).toBeVisible();
  const notice = page.getByRole('region', { name: 'Temporary Access Pass' });
  await expect(notice).toContainText('You have a Temporary Access Pass until');
  await expect(notice).toContainText('It signs in once.');
  await expect(notice).toContainText('You signed in with it');
  await expectAccessible(page);

  // The administrator allows passkeys in the new organization's policy,
  // and registers one with the browser's key.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization policy' }).click();
  const keys = page.getByRole('group', { name: 'Passkey or security key', exact: true });
  await keys.getByRole('checkbox', { name: 'Allowed' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The policy is saved.', { exact: false })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security info' }).click();
  await expect(security.heading).toBeVisible();
  // The handset's page came to the front to show the code; a browser asks
  // a key only for the page in front.
  await page.bringToFront();
  await addSecurityKey(page, 'Desk key');
  expect(await key.credentials()).toHaveLength(1);

  // No password yet: the password page sets a first one, without a current one.
  await page.goto('/password');
  await expect(page.getByRole('heading', { name: 'Set a password' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveCount(0);
  const password = 'violet anchor maple drizzle 42';
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password is set.')).toBeFocused();
  await expectAccessible(page);

  // Deleting the pass ends the session it began.
  await page.goto('/security-info');
  await notice.getByRole('button', { name: 'Delete pass' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your Temporary Access Pass?' });
  await expect(dialog).toContainText('deleting it signs you out here');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // The password now signs in, and its second step follows.
  await page.getByLabel('Account', { exact: true }).fill(org.admin);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
});

test('signed in with a pass, a person is offered a passkey first where the policy allows one, and registers it with the browser\'s key', async ({ page, playwright, baseURL, makeUser, expectAccessible }) => {
  const admin = await makeUser({
    admin: true,
    policy: { registration_required: 1, methods: [{ kind: 'security-key', mfa: true, sspr: false }, { kind: 'phone', mfa: true, sspr: true }] },
  });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois' });
  const adminApi = await playwright.request.newContext({ baseURL });
  expect((await api(adminApi, baseURL!, 'POST', '/api/session', { account_name: admin.accountName, password: admin.password })).status()).toBe(200);
  const found = await (await api(adminApi, baseURL!, 'POST', '/api/admin/people/search', { query: person.accountName })).json();
  const issued = await api(adminApi, baseURL!, 'POST', `/api/admin/people/${found.people[0].id}/temporary-access-pass`, { one_time: true });
  expect(issued.status()).toBe(200);
  const { pass } = await issued.json();
  await adminApi.dispose();

  const key = await addVirtualSecurityKey(page);
  await page.goto('/signin');
  await page.getByLabel('Account', { exact: true }).fill(person.accountName);
  await page.getByRole('button', { name: 'Use a Temporary Access Pass' }).click();
  await page.getByLabel('Temporary Access Pass', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'More information required' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Method 1 of 1')).toBeVisible();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expectAccessible(page);
  await name.fill('Desk key');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  expect(await key.credentials()).toHaveLength(1);
  // A passkey does not reset a password: a phone is asked for next.
  await expect(page.getByText('Method 2 of 2')).toBeVisible();
  const phone = uniqueNlMobile();
  await page.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await page.getByLabel('Phone number').fill(phone.national);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await new Handset(await page.context().newPage(), phone.e164).lastCode());
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Desk key' })).toBeVisible();
});

for (const locale of ['nl-NL', 'sv-SE'] as Locale[]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('a pass signs in where the password goes, named in the language of the page', async ({ page }) => {
      const t = PASS_TEXTS[locale];
      const org = newOrganization();
      const done = bootstrap(['--organization', 'Fabrikam', '--domain', org.domain, '--admin', org.admin, '--display-name', org.displayName]);
      await page.goto(`/signin?lng=${locale}`);
      await page.getByLabel(t.account, { exact: true }).fill(org.admin);
      await page.getByRole('button', { name: t.use }).click();
      const passField = page.getByLabel(t.label, { exact: true });
      await expect(passField).toBeFocused();
      await passField.fill(done.pass);
      await page.getByRole('button', { name: t.signIn, exact: true }).click();
      // Signed in: registration first, and the pass is there behind it.
      await expect(page).toHaveURL(/\/security-info/);
      const response = await page.request.get('/api/me/temporary-access-pass');
      const view = await response.json();
      expect(view.this_session).toBe(true);
      expect(view.one_time).toBe(true);
    });
  });
}

test('a spent one-time pass signs in no more, and says so as a wrong password would', async ({ page }) => {
  const org = newOrganization();
  const done = bootstrap(['--organization', 'Fabrikam', '--domain', org.domain, '--admin', org.admin, '--display-name', org.displayName]);
  const other = await page.context().browser()!.newContext();
  const first = await other.newPage();
  await first.goto('/signin');
  await first.getByLabel('Account', { exact: true }).fill(org.admin);
  await first.getByLabel('Password', { exact: true }).fill(done.pass);
  await first.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(first.getByRole('heading', { name: 'More information required' })).toBeVisible();
  await other.close();

  await page.goto('/signin');
  await page.getByLabel('Account', { exact: true }).fill(org.admin);
  await page.getByRole('button', { name: 'Use a Temporary Access Pass' }).click();
  await page.getByLabel('Temporary Access Pass', { exact: true }).fill(done.pass);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Your account or password is incorrect.')).toBeVisible();
  await expect(page.getByLabel('Temporary Access Pass', { exact: true })).toBeFocused();

  // --new-pass: a fresh one for the locked-out administrator.
  const again = bootstrap(['--admin', org.admin, '--new-pass']);
  expect(again.output).toContain('A new Temporary Access Pass was issued');
  await page.getByLabel('Temporary Access Pass', { exact: true }).fill(again.pass);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'More information required' })).toBeVisible();
});
