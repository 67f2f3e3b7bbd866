import { expect, test } from '../fixtures';
import { Mailbox } from '../pages/mailbox';
import { signIn } from '../pages/security-info-flows';

const WITH_EMAIL = {
  methods: [
    { kind: 'authenticator-app', mfa: true, sspr: true },
    { kind: 'email', mfa: false, sspr: true },
  ],
};

// Defect 17: internationalized addresses.
test('an address at an internationalized domain is accepted, mailed in punycode and shown as written', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: WITH_EMAIL });
  await signIn(page, user);
  const local = `e2e-${Math.random().toString(36).slice(2, 10)}`;
  await page.getByRole('button', { name: 'Add method' }).click();
  await page.getByLabel('Which method would you like to add?').selectOption({ label: 'Email' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  const field = wizard.getByLabel('Email', { exact: true });

  // A letter beyond ASCII before the @ is said to be unsupported, at the field.
  await field.fill(`ädele@fabrikäm.example`);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText("Letters like ä or é before the @ aren't supported yet.", { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('ädele@fabrikäm.example');

  await field.fill(`${local}@Fabrikäm.example`);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(`${local}@fabrikäm.example`)).toBeVisible();
  // The mail went to the domain's ASCII form, as mail servers take it.
  const { code } = await new Mailbox(await context.newPage(), `${local}@xn--fabrikm-bxa.example`).lastMail();
  await wizard.getByLabel('Code', { exact: true }).fill(code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: `${local}@fabrikäm.example` })).toBeVisible();
});
