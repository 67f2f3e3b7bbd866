import { LOCALES, expect, test, uniqueNlMobile } from '../fixtures';
import { addPhoneByText, signIn } from '../pages/security-info-flows';

// People (administrators): finding a person who lost their methods and
// getting them back in with a Temporary Access Pass (S33).

test('an administrator finds a person, issues a pass shown once, the person signs in with it in sv-SE and registers a phone, and the pass is revoked', async ({ page, browser, makeUser, expectAccessible }) => {
  test.slow();
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois', locale: 'sv-SE' });
  await signIn(page, admin);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expectAccessible(page);
  const search = page.getByLabel('Find by name or account');
  await search.fill('zoe');
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: person.accountName });
  await expect(row).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Active');
  await expect(row).toContainText('Two-step: not yet');
  await expect(row).toContainText('Never');
  await row.getByRole('link', { name: 'Zoë Dubois' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Dubois' })).toBeVisible();
  await expect(page.getByText('No methods registered.')).toBeVisible();
  await expect(page.getByText('No Temporary Access Pass.')).toBeVisible();
  await expectAccessible(page);
  const issue = page.getByRole('button', { name: 'Issue a Temporary Access Pass' });
  await issue.click();
  const dialog = page.getByRole('dialog', { name: 'Issue a Temporary Access Pass' });
  await expect(dialog.getByLabel('Valid for')).toHaveValue('60');
  await expect(dialog.getByLabel('One-time use (the pass signs in once)')).toBeChecked();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Issue pass' }).click();
  const shown = dialog.getByText('Give this pass to Zoë Dubois. It won\'t be shown again.');
  await expect(shown).toBeVisible();
  await expect(dialog.locator('.person-issued')).toBeFocused();
  const pass = (await dialog.locator('code').textContent())!;
  expect(pass).toMatch(/^[A-Za-z2-9]{12}$/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('A Temporary Access Pass works until')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue a Temporary Access Pass' })).toBeFocused();

  // The person, in Swedish, signs in with it and registers a phone.
  const theirs = await browser.newContext({ locale: 'sv-SE' });
  const personPage = await theirs.newPage();
  await personPage.goto('/signin');
  await personPage.getByLabel('Konto', { exact: true }).fill(person.accountName);
  await personPage.getByRole('button', { name: 'Använd ett tillfälligt åtkomstpass' }).click();
  await personPage.getByLabel('Tillfälligt åtkomstpass', { exact: true }).fill(pass);
  await personPage.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(personPage.getByRole('heading', { level: 1, name: 'Säkerhetsinformation' })).toBeVisible();
  await expect(personPage.getByRole('region', { name: 'Tillfälligt åtkomstpass' })).toContainText('Du har ett tillfälligt åtkomstpass till');
  await addPhoneByText(personPage, await theirs.newPage(), uniqueNlMobile(), 'sv-SE');

  // The administrator sees the phone, then revokes the pass: the person's
  // session, begun with it, ends.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Dubois' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Methods' })).toContainText('Phone');
  await page.getByRole('button', { name: 'Revoke pass' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke the Temporary Access Pass?' });
  await expectAccessible(page);
  await revoke.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByText('No Temporary Access Pass.')).toBeVisible();
  await personPage.reload();
  await expect(personPage.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await theirs.close();
});

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('the People page is named in the page\'s language and has no axe violations, light and dark', async ({ page, makeUser, expectAccessible }) => {
      const admin = await makeUser({ admin: true, locale });
      await makeUser({ organizationOf: admin, displayName: 'Björn Ångström' });
      await signIn(page, admin, locale);
      await page.goto('/admin/people');
      const title = { en: 'People', 'nl-NL': 'Personen', 'sv-SE': 'Personer' }[locale];
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Björn Ångström' })).toBeVisible();
      await expectAccessible(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectAccessible(page);
    });
  });
}

test.describe('on a 360-pixel-wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('people read as a list without sideways scrolling', async ({ page, makeUser }) => {
    const admin = await makeUser({ admin: true });
    await makeUser({ organizationOf: admin, displayName: 'Björn Ångström' });
    await signIn(page, admin);
    await page.goto('/admin/people');
    await expect(page.getByRole('link', { name: 'Björn Ångström' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test('a member has no People page, and no link to it', async ({ page, user }) => {
  await signIn(page, user);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toHaveCount(0);
});

test('an administrator adds a person: mistakes are told at their field, the first pass is shown once, and it signs the person in', async ({ page, browser, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true });
  await signIn(page, admin);
  await page.goto('/admin/people');
  const add = page.getByRole('button', { name: 'Add a person' });
  await add.click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Add and issue pass' }).click();
  await expect(dialog.getByText('Enter your account name.')).toBeVisible();
  await expect(dialog.getByLabel('Account', { exact: true })).toBeFocused();
  const id = Math.random().toString(36).slice(2, 10);
  await dialog.getByLabel('Account', { exact: true }).fill(`zoe.${id}@fabrikam.example`);
  await dialog.getByLabel('Name', { exact: true }).fill('Zoë Dubois');
  await dialog.getByRole('button', { name: 'Add and issue pass' }).click();
  await expect(dialog.getByText("Use an account in your organization's domain.")).toBeVisible();
  await expect(dialog.getByLabel('Account', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Zoë Dubois');
  const account = `zoe.${id}@contoso.example`;
  await dialog.getByLabel('Account', { exact: true }).fill(account);
  await dialog.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await dialog.getByRole('button', { name: 'Add and issue pass' }).click();
  await expect(dialog.locator('.person-issued')).toBeFocused();
  const pass = (await dialog.locator('code').textContent())!;
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Dubois' })).toBeVisible();
  await expect(page.getByText('A Temporary Access Pass works until')).toBeVisible();

  const theirs = await browser.newContext();
  const personPage = await theirs.newPage();
  await personPage.goto('/signin');
  await personPage.getByLabel('Account', { exact: true }).fill(account);
  await personPage.getByLabel('Password', { exact: true }).fill(pass);
  await personPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Their language is the one chosen for them.
  await expect(personPage.getByRole('heading', { level: 1, name: 'Beveiligingsgegevens' })).toBeVisible();
  await theirs.close();
});

test('an administrator makes a member help desk, who gives members a pass but cannot act for an administrator; the last administrator stays one', async ({ page, browser, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  const desk = await makeUser({ organizationOf: admin, displayName: 'Diego Siciliani' });
  const member = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois' });
  await signIn(page, admin);
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Diego Siciliani' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diego Siciliani' })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Help desk' });
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByText('The role is saved.')).toBeVisible();
  await expect(page.getByText(`${desk.accountName} · Help desk`)).toBeVisible();
  await expectAccessible(page);

  // The last administrator cannot step down.
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Megan Bowen' }).click();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByText('Your organization needs at least one administrator')).toBeVisible();

  // The help desk: People, but no policy and no Add a person.
  const theirs = await browser.newContext();
  const deskPage = await theirs.newPage();
  await signIn(deskPage, desk);
  const nav = deskPage.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Organization policy' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(deskPage.getByRole('button', { name: 'Add a person' })).toHaveCount(0);
  await deskPage.getByRole('link', { name: 'Megan Bowen' }).click();
  await expect(deskPage.getByText('Only an administrator can give this person a pass')).toBeVisible();
  await expect(deskPage.getByRole('button', { name: 'Issue a Temporary Access Pass' })).toHaveCount(0);
  await expect(deskPage.getByRole('button', { name: 'Save role' })).toHaveCount(0);
  await deskPage.goto('/admin/people');
  await deskPage.getByRole('link', { name: 'Zoë Dubois' }).click();
  await deskPage.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await deskPage.getByRole('dialog').getByRole('button', { name: 'Issue pass' }).click();
  await expect(deskPage.getByText('Give this pass to Zoë Dubois.')).toBeVisible();
  expect(member.accountName).toContain('@');
  await theirs.close();
});
