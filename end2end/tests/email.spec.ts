import { LOCALES, expect, test } from '../fixtures';
import { Mailbox } from '../pages/mailbox';
import { signIn, startAdding } from '../pages/security-info-flows';

/** Email is not in the default policy: these organizations allow it. */
const WITH_EMAIL = {
  methods: [
    { kind: 'authenticator-app', mfa: true, sspr: true },
    { kind: 'phone', mfa: true, sspr: true },
    { kind: 'email', mfa: false, sspr: true },
  ],
};

const T = {
  en: {
    add: 'Add method', addTitle: 'Add a method', addLabel: 'Which method would you like to add?', addButton: 'Add', email: 'Email',
    title: 'Set up your email', address: 'Email', next: 'Next', code: 'Code', updated: 'Your security info is updated', done: 'Done',
    sent: (a: string) => `We just sent a 6-digit code to ${a}. Enter the code below.`,
    subject: 'Your secinfo verification code', body: 'Use this code to verify your email address for password reset',
    ownDomain: "This email address can't be your work or school email.",
  },
  'nl-NL': {
    add: 'Methode toevoegen', addTitle: 'Een methode toevoegen', addLabel: 'Welke methode wilt u toevoegen?', addButton: 'Toevoegen', email: 'E-mail',
    title: 'Uw e-mail instellen', address: 'E-mail', next: 'Volgende', code: 'Code', updated: 'Uw beveiligingsgegevens zijn bijgewerkt', done: 'Gereed',
    sent: (a: string) => `We hebben zojuist een code van 6 cijfers naar ${a} gestuurd. Voer de code hieronder in.`,
    subject: 'Uw verificatiecode voor secinfo', body: 'Gebruik deze code om uw e-mailadres te verifiëren',
    ownDomain: 'Dit mag niet het e-mailadres van uw werk of school zijn.',
  },
  'sv-SE': {
    add: 'Lägg till metod', addTitle: 'Lägg till en metod', addLabel: 'Vilken metod vill du lägga till?', addButton: 'Lägg till', email: 'E-post',
    title: 'Konfigurera din e-post', address: 'E-post', next: 'Nästa', code: 'Kod', updated: 'Din säkerhetsinformation har uppdaterats', done: 'Klar',
    sent: (a: string) => `Vi har just skickat en kod med 6 siffror till ${a}. Ange koden nedan.`,
    subject: 'Din verifieringskod för secinfo', body: 'Använd den här koden för att verifiera din e-postadress',
    ownDomain: 'Den här e-postadressen kan inte vara din e-postadress till arbetet eller skolan.',
  },
} as const;

function personalAddress() {
  return `e2e-${Math.random().toString(36).slice(2, 10)}@fabrikam.example`;
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = T[locale];

    test('an email address is added with the code from the dev mailbox', async ({ page, context, makeUser, expectAccessible }) => {
      const user = await makeUser({ policy: WITH_EMAIL });
      await signIn(page, user, locale);
      await page.getByRole('button', { name: t.add }).click();
      const add = page.getByRole('dialog', { name: t.addTitle });
      await add.getByLabel(t.addLabel).selectOption({ label: t.email });
      await add.getByRole('button', { name: t.addButton, exact: true }).click();

      const wizard = page.getByRole('dialog', { name: t.title });
      const field = wizard.getByLabel(t.address, { exact: true });
      // The organization's own domain is refused at the field, in this language.
      await field.fill(user.accountName);
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.ownDomain)).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toBeFocused();
      await expect(field).toHaveValue(user.accountName);
      await expectAccessible(page);

      const address = personalAddress();
      await field.fill(address);
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.sent(address))).toBeVisible();
      await expectAccessible(page);

      const inbox = await context.newPage();
      const mail = await new Mailbox(inbox, address).lastMail();
      expect(mail.subject).toBe(t.subject);
      expect(mail.body).toContain(t.body);
      await inbox.close();

      await wizard.getByLabel(t.code, { exact: true }).fill(mail.code);
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.updated)).toBeVisible();
      await expectAccessible(page);
      await wizard.getByRole('button', { name: t.done }).click();
      await expect(page.getByRole('listitem').filter({ hasText: address })).toBeVisible();
    });
  });
}

test('a wrong code is refused, the email can be changed and deleted, and it is never the default', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: WITH_EMAIL });
  await signIn(page, user);
  const first = personalAddress();
  await startAdding(page, 'Email');
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  await wizard.getByLabel('Email', { exact: true }).fill(first);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const inbox = await context.newPage();
  const { code } = await new Mailbox(inbox, first).lastMail();
  const wrong = code === '000000' ? '111111' : '000000';
  const codeField = wizard.getByLabel('Code', { exact: true });
  await codeField.fill(wrong);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText("That code isn't right. Check it and try again.")).toBeVisible();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  // "Change email" goes back with the address kept.
  await wizard.getByRole('button', { name: 'Change email' }).click();
  await expect(wizard.getByLabel('Email', { exact: true })).toHaveValue(first);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: first })).toHaveCount(0);

  // Another address (the first is within its resend cooldown).
  const second = personalAddress();
  await startAdding(page, 'Email');
  await wizard.getByLabel('Email', { exact: true }).fill(second);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await codeField.fill((await new Mailbox(inbox, second).lastMail()).code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('listitem').filter({ hasText: second });
  await expect(row).toBeVisible();
  // Password reset only: no default sign-in method comes from it (S5).
  await expect(page.getByRole('definition').filter({ hasText: 'None yet' })).toBeVisible();

  // Change: the old address stays listed until the new one is verified.
  const third = personalAddress();
  await page.getByRole('button', { name: 'Change: Email' }).click();
  // Titled for what it does, and saying what is registered now (defect 6).
  const change = page.getByRole('dialog', { name: 'Change your email' });
  await expect(change.getByText(`Your current address is ${second}.`)).toBeVisible();
  await change.getByLabel('Email', { exact: true }).fill(third);
  await change.getByRole('button', { name: 'Next' }).click();
  await change.getByLabel('Code', { exact: true }).fill((await new Mailbox(inbox, third).lastMail()).code);
  await change.getByRole('button', { name: 'Next' }).click();
  await change.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: third })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: second })).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete: Email' }).click();
  await page.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: third })).toHaveCount(0);
  await inbox.close();
});

test('the email wizard can be finished with the keyboard alone', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: WITH_EMAIL });
  const address = personalAddress();
  await signIn(page, user);
  await page.getByRole('button', { name: 'Add method' }).focus();
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Add a method' });
  await expect(add.getByLabel('Which method would you like to add?')).toBeFocused();
  await page.keyboard.type('Email');
  await expect(add.getByLabel('Which method would you like to add?')).toHaveValue('email');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(add.getByRole('button', { name: 'Add', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  await expect(wizard.getByLabel('Email', { exact: true })).toBeFocused();
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
  await expect(wizard.getByText(`We just sent a 6-digit code to ${address}.`, { exact: false })).toBeVisible();
  const { code } = await new Mailbox(await context.newPage(), address).lastMail();
  await page.bringToFront();
  await wizard.getByLabel('Code', { exact: true }).focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(wizard.getByRole('button', { name: 'Done' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: address })).toBeVisible();
});

test('a new email code can be asked for once the wait is over', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: { ...WITH_EMAIL, limits: { resend_cooldown_seconds: 0 } } });
  const address = personalAddress();
  await signIn(page, user);
  await startAdding(page, 'Email');
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  await wizard.getByLabel('Email', { exact: true }).fill(address);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const inbox = new Mailbox(await context.newPage(), address);
  const first = await inbox.lastMail();
  await wizard.getByRole('button', { name: 'Resend code' }).click();
  await expect(wizard.getByText('We sent a new code.')).toBeVisible();
  let second = first;
  await expect(async () => {
    second = await inbox.lastMail();
    expect(second.body).not.toBe(first.body);
  }).toPass({ timeout: 10_000 });
  await wizard.getByLabel('Code', { exact: true }).fill(second.code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: address })).toBeVisible();
});
