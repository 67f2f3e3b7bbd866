import { expect, test } from '../fixtures';
import { Mailbox } from '../pages/mailbox';
import { signIn, startAdding } from '../pages/security-info-flows';

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
  await startAdding(page, 'Email');
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  const field = wizard.getByLabel('Email', { exact: true });

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

// Walk issue, item 11: Swedish letters before the @ are an address (the
// development mailbox takes them as an SMTPUTF8 server would).
test.describe('in sv-SE', () => {
  test.use({ locale: 'sv-SE' });

  test('an address with å and ö before the @ is registered as written', async ({ page, context, makeUser }) => {
    const user = await makeUser({ policy: WITH_EMAIL });
    const earlier = page;
    await signIn(earlier, user, 'sv-SE');
    const local = `åsa.öberg-${Math.random().toString(36).slice(2, 8)}`;
    await page.getByRole('button', { name: 'Lägg till metod' }).click();
    await page.getByLabel('Vilken metod vill du lägga till?').selectOption({ label: 'E-post' });
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel('E-post', { exact: true }).fill(`${local}@fabrikam.example`);
    await wizard.getByRole('button', { name: 'Nästa' }).click();
    await expect(wizard.getByText(`${local}@fabrikam.example`)).toBeVisible();
    const { code } = await new Mailbox(await context.newPage(), `${local}@fabrikam.example`).lastMail();
    await wizard.getByLabel('Kod', { exact: true }).fill(code);
    await wizard.getByRole('button', { name: 'Nästa' }).click();
    await wizard.getByRole('button', { name: 'Klar' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: `${local}@fabrikam.example` })).toBeVisible();
  });
});
