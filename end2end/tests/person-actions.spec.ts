import type { APIRequestContext, Page } from '@playwright/test';
import { api, expect, test, uniqueNlMobile, type User } from '../fixtures';
import { addPhoneByText, signIn } from '../pages/security-info-flows';
import { SignInPage } from '../pages/sign-in-page';

// What an administrator or the help desk does for one person (S40): each
// action asked for in a dialog, said on the page once done with the cursor
// there, and in the person's activity with who did it.

/** An API session of `user`, for the set-up a test is not about. */
async function apiOf(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, user: User) {
  const context = await playwright.request.newContext({ baseURL });
  const signedIn = await api(context, baseURL, 'POST', '/api/session', { account_name: user.accountName, password: user.password });
  expect(signedIn.status()).toBe(200);
  return context;
}

async function idOf(admin: APIRequestContext, baseURL: string, user: User) {
  const found = await api(admin, baseURL, 'POST', '/api/admin/people/search', { query: user.accountName });
  return (await found.json()).people[0].id as string;
}

async function openPerson(page: Page, name: string) {
  await page.goto('/admin/people');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('the help desk requires re-registration for a person in nl-NL, who is signed out and asked to register at the next sign-in', async ({ page, browser, playwright, baseURL, makeUser, expectAccessible }) => {
  test.slow();
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  const desk = await makeUser({ organizationOf: admin, displayName: 'Diego Siciliani' });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois', locale: 'nl-NL' });
  const adminApi = await apiOf(playwright, baseURL!, admin);
  const role = await api(adminApi, baseURL!, 'PUT', `/api/admin/people/${await idOf(adminApi, baseURL!, desk)}/role`, { role: 'help-desk' });
  expect(role.status()).toBe(204);

  // The person, in Dutch, registers a phone.
  const theirs = await browser.newContext({ locale: 'nl-NL' });
  const personPage = await theirs.newPage();
  await signIn(personPage, person, 'nl-NL');
  await addPhoneByText(personPage, await theirs.newPage(), uniqueNlMobile(), 'nl-NL');
  // The organization now requires a method at sign-in.
  const policy = await (await api(adminApi, baseURL!, 'GET', '/api/admin/policy')).json();
  const saved = await api(adminApi, baseURL!, 'PUT', '/api/admin/policy', { ...policy, registration_required: 1 });
  expect(saved.status()).toBe(200);
  await adminApi.dispose();

  // The help desk (asked to register too, now) finds them and requires
  // re-registration.
  const deskSignIn = new SignInPage(page);
  await deskSignIn.goto();
  await deskSignIn.signIn(desk);
  await expect(page.getByRole('heading', { level: 1, name: 'More information required' })).toBeVisible();
  await openPerson(page, 'Zoë Dubois');
  await expect(page.getByRole('region', { name: 'Methods' })).toContainText('Phone');
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText('Chrome on Linux');
  const require = page.getByRole('button', { name: 'Require re-registration' });
  await require.click();
  const dialog = page.getByRole('dialog', { name: 'Require re-registration?' });
  await expect(dialog).toContainText('The next time they sign in');
  await expectAccessible(page);
  // Cancel gives the cursor back to the button.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(require).toBeFocused();
  await require.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Require re-registration' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Zoë Dubois is asked to register their methods the next time they sign in.' });
  await expect(done).toBeFocused();
  await expect(page.getByText('No methods registered.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText('Not signed in anywhere.');
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('listitem').first()).toContainText('Methods removed, to be registered again');
  await expect(activity.getByRole('listitem').first()).toContainText('by Diego Siciliani');
  await expectAccessible(page);

  // The person was signed out; signing in again, they are asked to register.
  await personPage.reload();
  const signInPage = new SignInPage(personPage, 'nl-NL');
  await expect(signInPage.heading).toBeVisible();
  await signInPage.signIn(person);
  await expect(personPage.getByRole('heading', { level: 1, name: 'Meer informatie vereist' })).toBeVisible();
  await theirs.close();
});

test('a disabled person cannot sign in until enabled; the page says so, and an administrator does not act on their own account here', async ({ page, browser, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois' });
  await signIn(page, admin);
  await openPerson(page, 'Zoë Dubois');
  await expect(page.getByText('Can sign in')).toBeVisible();
  await page.getByRole('button', { name: 'Disable account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable the account?' });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "Zoë Dubois's account is disabled." })).toBeFocused();
  await expect(page.getByText("Disabled: can't sign in")).toBeVisible();

  const theirs = await browser.newContext();
  const personPage = await theirs.newPage();
  const signInPage = new SignInPage(personPage);
  await signInPage.goto();
  await signInPage.signIn(person);
  await expect(personPage.getByText('Your account is disabled. Contact your help desk or administrator.')).toBeVisible();
  await expect(signInPage.account).toBeFocused();

  await page.getByRole('button', { name: 'Enable account' }).click();
  await page.getByRole('dialog', { name: 'Enable the account?' }).getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "Zoë Dubois's account is enabled." })).toBeFocused();
  await signInPage.signIn(person);
  await expect(personPage.getByRole('heading', { level: 1, name: 'Security info' })).toBeVisible();
  await theirs.close();

  // Their own account is not theirs to act on here (the server refuses
  // it too): the page says where it is managed.
  await openPerson(page, 'Megan Bowen');
  await expect(page.getByText('This is you: manage your own account from Security info and Change password.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disable account' })).toHaveCount(0);
});

test('an administrator renames a person and sets their language, removes their password, and deletes a person added by mistake', async ({ page, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true });
  await makeUser({ organizationOf: admin, displayName: 'Zoe Dubios' });
  await signIn(page, admin);
  await openPerson(page, 'Zoe Dubios');
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText("Enter the person's name.")).toBeVisible();
  await expect(name).toBeFocused();
  await name.fill('Zoë Dubois');
  const language = page.getByRole('region', { name: 'Name and language' }).getByLabel('Language', { exact: true });
  await language.selectOption({ label: 'Svenska' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "Zoë Dubois's name and language are saved." })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Dubois' })).toBeVisible();
  await expect(language).toHaveValue('sv-SE');

  await expect(page.getByText('Has a password')).toBeVisible();
  await page.getByRole('button', { name: 'Remove password' }).click();
  await page.getByRole('dialog', { name: 'Remove the password?' }).getByRole('button', { name: 'Remove password' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Zoë Dubois's password is removed." })).toBeFocused();
  await expect(page.getByText('No password:')).toBeVisible();
  await expectAccessible(page);

  // Someone added by mistake is deleted: People no longer has them.
  await page.goto('/admin/people');
  await page.getByRole('button', { name: 'Add a person' }).click();
  const adding = page.getByRole('dialog', { name: 'Add a person' });
  const id = Math.random().toString(36).slice(2, 10);
  await adding.getByLabel('Account', { exact: true }).fill(`mistake.${id}@contoso.example`);
  await adding.getByLabel('Name', { exact: true }).fill(`Mistake ${id}`);
  await adding.getByRole('button', { name: 'Add and issue pass' }).click();
  await adding.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Mistake ${id}` })).toBeVisible();
  await page.getByRole('button', { name: 'Delete account' }).click();
  const deleting = page.getByRole('dialog', { name: 'Delete the account?' });
  await expect(deleting).toContainText("This can't be undone.");
  await expectAccessible(page);
  await deleting.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Mistake ${id}` })).toHaveCount(0);
});

test('the help desk gives a person a temporary password, shown once; signed in with it in sv-SE, the person chooses their own before anything else', async ({ page, browser, playwright, baseURL, makeUser, expectAccessible }) => {
  test.slow();
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  const desk = await makeUser({ organizationOf: admin, displayName: 'Diego Siciliani' });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois', locale: 'sv-SE' });
  const adminApi = await apiOf(playwright, baseURL!, admin);
  const role = await api(adminApi, baseURL!, 'PUT', `/api/admin/people/${await idOf(adminApi, baseURL!, desk)}/role`, { role: 'help-desk' });
  expect(role.status()).toBe(204);
  await adminApi.dispose();

  await signIn(page, desk);
  await openPerson(page, 'Zoë Dubois');
  const give = page.getByRole('button', { name: 'Give a temporary password' });
  await give.click();
  const dialog = page.getByRole('dialog', { name: 'Give a temporary password?' });
  await expect(dialog).toContainText('Zoë Dubois is signed out everywhere');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Give a temporary password' }).click();
  const shown = dialog.locator('.person-issued');
  await expect(shown).toBeFocused();
  await expect(shown).toContainText('Give this temporary password to Zoë Dubois. It won\'t be shown again.');
  const temporary = (await shown.locator('code').textContent())!;
  expect(temporary).toMatch(/^[A-Za-z2-9]{16,}$/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zoë Dubois has a temporary password and chooses their own at their next sign-in.' })).toBeFocused();
  await expect(page.getByText('A temporary password: they choose their own')).toBeVisible();
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('listitem').first()).toContainText('Temporary password given');
  await expect(activity.getByRole('listitem').first()).toContainText('by Diego Siciliani');

  // The person's own password no longer signs in; the temporary one does,
  // to one page only.
  const theirs = await browser.newContext({ locale: 'sv-SE' });
  const personPage = await theirs.newPage();
  const signInPage = new SignInPage(personPage, 'sv-SE');
  await signInPage.goto();
  await signInPage.signIn(person);
  await expect(personPage.getByText('Ditt konto eller lösenord är felaktigt.')).toBeVisible();
  await signInPage.signIn({ accountName: person.accountName, password: temporary });
  const choose = personPage.getByRole('heading', { level: 1, name: 'Välj ett eget lösenord' });
  await expect(choose).toBeVisible();
  await expect(personPage.getByRole('link', { name: 'Tillbaka' })).toHaveCount(0);
  await expectAccessible(personPage);
  await personPage.goto('/security-info');
  await expect(choose).toBeVisible();
  await personPage.getByLabel('Tillfälligt lösenord', { exact: true }).fill(temporary);
  await personPage.getByLabel('Nytt lösenord', { exact: true }).fill('Tulip-Harbor-Quiet-47');
  await personPage.getByLabel('Bekräfta nytt lösenord', { exact: true }).fill('Tulip-Harbor-Quiet-47');
  await personPage.getByRole('button', { name: 'Ändra lösenord' }).click();
  await expect(personPage.getByText('Ditt lösenord har ändrats.')).toBeFocused();
  await personPage.getByRole('link', { name: 'Tillbaka' }).click();
  await expect(personPage.getByRole('heading', { level: 1, name: 'Säkerhetsinformation' })).toBeVisible();
  await theirs.close();
});

for (const locale of ['nl-NL', 'sv-SE'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('a person\'s page with its account, sessions and activity has no axe violations, light and dark', async ({ page, makeUser, expectAccessible }) => {
      const admin = await makeUser({ admin: true, locale });
      await makeUser({ organizationOf: admin, displayName: 'Björn Ångström' });
      await signIn(page, admin, locale);
      await openPerson(page, 'Björn Ångström');
      await expect(page.locator('.person-account')).toBeVisible();
      await expectAccessible(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectAccessible(page);
    });
  });
}
