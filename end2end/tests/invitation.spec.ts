import { expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { Mailbox } from '../pages/mailbox';
import { signIn } from '../pages/security-info-flows';
import { SignInPage } from '../pages/sign-in-page';

// Invitations (S41): an administrator adds a person with an email that
// carries a link; the person chooses a password there, once, and goes on
// to register their methods.

test('an invitation email from the dev mailbox leads to a password and a registration, and its link works once', async ({ page, browser, makeUser, expectAccessible }) => {
  test.slow();
  const admin = await makeUser({
    admin: true,
    displayName: 'Megan Bowen',
    policy: { registration_required: 1, methods: [{ kind: 'phone', mfa: true, sspr: true }, { kind: 'authenticator-app', mfa: true, sspr: true }] },
  });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(admin);
  await expect(page.getByRole('heading', { level: 1, name: 'More information required' })).toBeVisible();

  await page.goto('/admin/people');
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  const id = Math.random().toString(36).slice(2, 10);
  const account = `zoe.${id}@contoso.example`;
  const address = `zoe.${id}@fabrikam.example`;
  await dialog.getByLabel('Account', { exact: true }).fill(account);
  await dialog.getByLabel('Name', { exact: true }).fill('Zoë Dubois');
  await dialog.getByRole('radio', { name: 'An invitation by email' }).check();
  await expect(dialog.getByLabel('Valid for')).toHaveCount(0);
  // A mistyped address is told at its field; nothing typed is lost.
  await dialog.getByLabel('Email address for the invitation').fill('zoe at fabrikam');
  await dialog.getByRole('button', { name: 'Add and send invitation' }).click();
  await expect(dialog.getByLabel('Email address for the invitation')).toBeFocused();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Zoë Dubois');
  await dialog.getByLabel('Email address for the invitation').fill(address);
  await dialog.getByRole('button', { name: 'Add and send invitation' }).click();
  const sent = dialog.getByRole('status');
  await expect(sent).toHaveText(`An invitation is on its way to Zoë Dubois at ${address}. The link works once, for 7 days.`);
  await expect(sent).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Dubois' })).toBeVisible();
  await expect(page.getByText('No password:')).toBeVisible();

  // Zoë reads the email and follows its link.
  const theirs = await browser.newContext();
  const inbox = await theirs.newPage();
  const mail = await new Mailbox(inbox, address).lastLink('/invitation#');
  expect(mail.subject).toContain('Contoso');
  expect(mail.body).toContain(`Your account is ${account}.`);
  const zoe = await theirs.newPage();
  await zoe.goto(mail.link);
  await expect(zoe.getByRole('heading', { level: 1, name: 'Welcome, Zoë Dubois' })).toBeVisible();
  expect(new URL(zoe.url()).hash, 'the token leaves the address bar').toBe('');
  await expectAccessible(zoe);
  await zoe.getByLabel('New password', { exact: true }).fill('Tulip-Harbor-Quiet-47');
  await zoe.getByLabel('Confirm new password').fill('Tulip-Harbor-Quiet-74');
  await zoe.getByRole('button', { name: 'Save password and continue' }).click();
  await expect(zoe.getByLabel('Confirm new password')).toBeFocused();
  await zoe.getByLabel('Confirm new password').fill('Tulip-Harbor-Quiet-47');
  await zoe.getByRole('button', { name: 'Save password and continue' }).click();

  // Signed in, Zoë registers the method the organization requires.
  await expect(zoe.getByRole('heading', { level: 1, name: 'More information required' })).toBeVisible();
  await zoe.getByRole('button', { name: 'Next' }).click();
  await expect(zoe.getByRole('heading', { name: 'Set up your phone' })).toBeVisible();
  const phone = uniqueNlMobile();
  await zoe.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await zoe.getByLabel('Phone number').fill(phone.national);
  await zoe.getByRole('button', { name: 'Next' }).click();
  await zoe.getByLabel('Code', { exact: true }).fill(await new Handset(await theirs.newPage(), phone.e164).lastCode());
  await zoe.getByRole('button', { name: 'Next' }).click();
  await expect(zoe.getByText('Your security info is updated')).toBeVisible();
  await zoe.getByRole('button', { name: 'Done' }).click();
  await expect(zoe.getByRole('heading', { name: 'Success!' })).toBeVisible();
  await zoe.getByRole('button', { name: 'Done' }).click();
  await expect(zoe.getByRole('listitem').filter({ hasText: 'Phone' })).toBeVisible();

  // The link worked once.
  const again = await theirs.newPage();
  await again.goto(mail.link);
  await expect(again.getByRole('alert')).toContainText('This invitation link no longer works');
  await expect(again.getByRole('heading', { level: 1, name: 'Your invitation' })).toBeFocused();
  await theirs.close();
});

test('a person whose password was removed is sent a new invitation from their page, and chooses a password with it', async ({ page, browser, makeUser, expectAccessible }) => {
  const admin = await makeUser({ admin: true });
  const person = await makeUser({ organizationOf: admin, displayName: 'Zoë Dubois' });
  await signIn(page, admin);
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Zoë Dubois' }).click();
  await expect(page.getByRole('button', { name: 'Send an invitation' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove password' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove password' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Zoë Dubois's password is removed." })).toBeFocused();

  const send = page.getByRole('button', { name: 'Send an invitation' });
  await send.click();
  const dialog = page.getByRole('dialog', { name: 'Send an invitation' });
  await expect(dialog).toContainText('It works once, for 7 days');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByText('Enter your email address.')).toBeVisible();
  await expect(dialog.getByLabel('Email address for the invitation')).toBeFocused();
  const address = `zoe.${Math.random().toString(36).slice(2, 10)}@fabrikam.example`;
  await dialog.getByLabel('Email address for the invitation').fill(address);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'An invitation is on its way to Zoë Dubois.' })).toBeFocused();

  const theirs = await browser.newContext();
  const inbox = await theirs.newPage();
  const mail = await new Mailbox(inbox, address).lastLink('/invitation#');
  expect(mail.body).toContain(`Your account is ${person.accountName}.`);
  const zoe = await theirs.newPage();
  await zoe.goto(mail.link);
  await zoe.getByLabel('New password', { exact: true }).fill('Tulip-Harbor-Quiet-47');
  await zoe.getByLabel('Confirm new password').fill('Tulip-Harbor-Quiet-47');
  await zoe.getByRole('button', { name: 'Save password and continue' }).click();
  await expect(zoe.getByRole('heading', { level: 1, name: 'Security info' })).toBeVisible();
  await theirs.close();
});
