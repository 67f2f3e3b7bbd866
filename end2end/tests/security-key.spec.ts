import { LOCALES, expect, test } from '../fixtures';
import { signIn, startAdding } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { totp } from '../pages/totp';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

const WITH_KEYS = {
  methods: [
    { kind: 'authenticator-app', mfa: true, sspr: true },
    { kind: 'phone', mfa: true, sspr: true },
    { kind: 'security-key', mfa: true, sspr: true },
  ],
};

const T = {
  en: {
    add: 'Add method', addTitle: 'Add a method', addLabel: 'Which method would you like to add?', addButton: 'Add', key: 'Passkey or security key',
    app: 'Authenticator app', title: 'Set up a passkey or security key', name: 'Name', next: 'Next', updated: 'Your security info is updated',
    done: 'Done', deleteTitle: 'Delete passkey or security key', ok: 'OK', delete: 'Delete', nameRequired: 'Enter a name for your passkey or security key.', tryAgain: 'Try again',
  },
  'nl-NL': {
    add: 'Methode toevoegen', addTitle: 'Een methode toevoegen', addLabel: 'Welke methode wilt u toevoegen?', addButton: 'Toevoegen', key: 'Wachtwoordsleutel of beveiligingssleutel',
    app: 'Authenticator-app', title: 'Een wachtwoordsleutel of beveiligingssleutel instellen', name: 'Naam', next: 'Volgende', updated: 'Uw beveiligingsgegevens zijn bijgewerkt',
    done: 'Gereed', deleteTitle: 'Wachtwoordsleutel of beveiligingssleutel verwijderen', ok: 'OK', delete: 'Verwijderen', nameRequired: 'Voer een naam in voor uw wachtwoordsleutel of beveiligingssleutel.', tryAgain: 'Opnieuw proberen',
  },
  'sv-SE': {
    add: 'Lägg till metod', addTitle: 'Lägg till en metod', addLabel: 'Vilken metod vill du lägga till?', addButton: 'Lägg till', key: 'Nyckel eller säkerhetsnyckel',
    app: 'Authenticator-app', title: 'Konfigurera en nyckel eller säkerhetsnyckel', name: 'Namn', next: 'Nästa', updated: 'Din säkerhetsinformation har uppdaterats',
    done: 'Klar', deleteTitle: 'Ta bort nyckel eller säkerhetsnyckel', ok: 'OK', delete: 'Ta bort', nameRequired: 'Ange ett namn på din nyckel eller säkerhetsnyckel.', tryAgain: 'Försök igen',
  },
} as const;

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = T[locale];

    test('S22: a security key is offered after another method, registered with a virtual key, and deleted', async ({ page, makeUser, expectAccessible }) => {
      const user = await makeUser({ policy: WITH_KEYS });
      const key = await addVirtualSecurityKey(page);
      await signIn(page, user, locale);

      // No security key before another method exists (SPEC §6).
      await page.getByRole('button', { name: t.add }).click();
      const add = page.getByRole('dialog', { name: t.addTitle });
      await expect(add.getByLabel(t.addLabel).locator('option', { hasText: t.key })).toHaveCount(0);
      await add.getByLabel(t.addLabel).selectOption({ label: t.app });
      await add.getByRole('button', { name: t.addButton, exact: true }).click();
      await page.locator('button[aria-controls="authenticator-manual"]').click();
      const secret = (await page.locator('code.secret').textContent())!;
      await page.locator('#authenticator-code').fill(totp(secret));
      await page.getByRole('dialog').getByRole('button', { name: t.next }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.done }).click();

      await page.getByRole('button', { name: t.add }).click();
      await add.getByLabel(t.addLabel).selectOption({ label: t.key });
      await add.getByRole('button', { name: t.addButton, exact: true }).click();
      const wizard = page.getByRole('dialog', { name: t.title });
      const name = wizard.getByLabel(t.name, { exact: true });
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.nameRequired)).toBeVisible();
      await expect(name).toBeFocused();
      await expectAccessible(page);
      await expect(name).toHaveAttribute('maxlength', '64');
      await name.fill('Blue USB key');
      // The name is there now: the error goes, and the button still says Next
      // (Try again is for a prompt that failed, not for a missing name).
      await expect(wizard.getByText(t.nameRequired)).toHaveCount(0);
      await expect(wizard.getByRole('button', { name: t.tryAgain })).toHaveCount(0);
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.updated)).toBeVisible();
      await expectAccessible(page);
      expect(await key.credentials()).toHaveLength(1);
      await wizard.getByRole('button', { name: t.done }).click();
      const row = page.getByRole('listitem').filter({ hasText: 'Blue USB key' });
      await expect(row).toContainText(t.key);

      await page.getByRole('button', { name: `${t.delete}: ${t.key}` }).click();
      const confirm = page.getByRole('dialog', { name: t.deleteTitle });
      await expect(confirm).toContainText('Blue USB key');
      await expectAccessible(page);
      await confirm.getByRole('button', { name: t.ok }).click();
      await expect(row).toHaveCount(0);
    });
  });
}

test('S22: an unanswered prompt can be cancelled, a new sign-in steps up with the key, and only its owner can delete it', async ({ page, makeUser, playwright, baseURL, expectAccessible }) => {
  const user = await makeUser({ policy: WITH_KEYS });
  const key = await addVirtualSecurityKey(page);
  await signIn(page, user);
  await startAdding(page, 'Authenticator app');
  await page.locator('button[aria-controls="authenticator-manual"]').click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.locator('#authenticator-code').fill(totp(secret));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  // The person does not touch the key: the wizard waits and can be cancelled.
  await key.stopResponding();
  await startAdding(page, 'Passkey or security key');
  const wizard = page.getByRole('dialog', { name: 'Set up a passkey or security key' });
  await wizard.getByLabel('Name', { exact: true }).fill('Desk key');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('status')).toContainText("Follow your browser's instructions");
  await expectAccessible(page);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await key.startResponding();
  await startAdding(page, 'Passkey or security key');
  await wizard.getByLabel('Name', { exact: true }).fill('Desk key');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Desk key' })).toBeVisible();
  const [registered] = await key.credentials();
  const countAfterRegistering = registered.signCount;

  // A new session must verify; the key does it without typing.
  await new SecurityInfoPage(page).signOut();
  const again = new SignInPage(page);
  await again.goto();
  await again.signIn(user);
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await page.getByRole('radio', { name: 'Use my passkey or security key' }).check();
  await page.getByRole('button', { name: 'Use my passkey or security key' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Desk key' })).toBeVisible();
  const [used] = await key.credentials();
  expect(used.signCount).toBeGreaterThan(countAfterRegistering);

  // Someone else, signed in to the same organization, cannot delete it.
  const info = await (await page.request.get('/api/me/security-info')).json();
  const keyId = info.methods.find((m: { kind: string }) => m.kind === 'security-key').id;
  const intruder = await makeUser({ organizationOf: user });
  const other = await playwright.request.newContext({ baseURL });
  const session = await (await other.get('/api/session')).json();
  const headers = { origin: baseURL!, 'x-csrf-token': session.csrf_token };
  const signedIn = await other.post('/api/session', { headers, data: { account_name: intruder.accountName, password: intruder.password } });
  expect(signedIn.status()).toBe(200);
  const token = (await signedIn.json()).csrf_token;
  const refused = await other.delete(`/api/me/methods/${keyId}`, { headers: { ...headers, 'x-csrf-token': token } });
  expect(refused.status()).toBe(404);
  await other.dispose();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Desk key' })).toBeVisible();
});

test('the security key wizard can be finished with the keyboard alone', async ({ page, makeUser }) => {
  const user = await makeUser({ policy: { ...WITH_KEYS, methods: [...WITH_KEYS.methods, { kind: 'security-questions', mfa: false, sspr: true }] } });
  await addVirtualSecurityKey(page);
  await signIn(page, user);
  // Another method first: security questions.
  await startAdding(page, 'Security questions');
  const questions = page.getByRole('dialog');
  for (const [n, answer] of ['Amsterdam', 'Minoes', 'Saab 900'].entries()) {
    await questions.locator(`#question-${n}`).selectOption({ index: n + 1 });
    await questions.locator(`#answer-${n}`).fill(answer);
  }
  await questions.getByRole('button', { name: 'Save' }).click();
  await questions.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Add method' }).focus();
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Add a method' });
  await expect(add.getByLabel('Which method would you like to add?')).toBeFocused();
  await page.keyboard.type('Passkey');
  await expect(add.getByLabel('Which method would you like to add?')).toHaveValue('security-key');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: 'Set up a passkey or security key' });
  await expect(wizard.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Keyring key');
  await page.keyboard.press('Enter');
  await expect(wizard.getByRole('button', { name: 'Done' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Keyring key' })).toBeVisible();
});

test('a security key can become the default sign-in method', async ({ page, makeUser }) => {
  const user = await makeUser({ policy: WITH_KEYS });
  await addVirtualSecurityKey(page);
  await signIn(page, user);
  await startAdding(page, 'Authenticator app');
  await page.locator('button[aria-controls="authenticator-manual"]').click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.locator('#authenticator-code').fill(totp(secret));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await startAdding(page, 'Passkey or security key');
  await page.getByLabel('Name', { exact: true }).fill('Desk key');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Change: Default sign-in method' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change default method' });
  const choice = dialog.getByLabel('Which method would you like to use to sign in?');
  await expect(choice.getByRole('option', { name: 'Passkey or security key - Desk key' })).toBeAttached();
  await choice.selectOption({ label: 'Passkey or security key - Desk key' });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Passkey or security key - Desk key' })).toBeVisible();
});
