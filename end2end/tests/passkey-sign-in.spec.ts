import { Locale, LOCALES, expect, test } from '../fixtures';
import { addAuthenticatorApp, addSecurityKey, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

// Sign in with a passkey (S32): a discoverable credential with user
// verification signs in without an account name, and counts for both
// factors, so no second step and no step-up follow.

const WITH_KEYS = {
  two_step_sign_in: true,
  methods: [
    { kind: 'security-key', mfa: true, sspr: true },
    { kind: 'authenticator-app', mfa: true, sspr: true },
  ],
};

const T: Record<Locale, { passkey: string; refused: string }> = {
  en: { passkey: 'Sign in with a passkey', refused: "We couldn't sign you in with that passkey." },
  'nl-NL': { passkey: 'Aanmelden met een wachtwoordsleutel', refused: 'We konden u niet aanmelden met die wachtwoordsleutel.' },
  'sv-SE': { passkey: 'Logga in med en nyckel', refused: 'Vi kunde inte logga in dig med den nyckeln.' },
};

test('a passkey signs in without an account name, and no second step follows', async ({ page, makeUser, expectAccessible }) => {
  const user = await makeUser({ policy: WITH_KEYS });
  const key = await addVirtualSecurityKey(page);
  await signIn(page, user);
  // A key needs another method first.
  await addAuthenticatorApp(page);
  await addSecurityKey(page, 'Laptop');
  // Kept on the key itself: it can name its owner (a resident credential).
  const [credential] = await key.credentials();
  expect(credential.isResidentCredential).toBe(true);
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  // The account field also offers passkeys in its autofill, where the browser can.
  await expect(signInPage.account).toHaveAttribute('autocomplete', 'username webauthn');
  await expectAccessible(page);
  await page.getByRole('button', { name: T.en.passkey }).click();
  // Both factors at once: the Security info page opens, no step-up.
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toHaveCount(0);
  const [used] = await key.credentials();
  expect(used.signCount).toBeGreaterThan(credential.signCount);
});

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('a passkey nobody registered is refused with one message', async ({ page, expectAccessible }) => {
      // A key that holds a credential of another site's making: nothing here knows it.
      const key = await addVirtualSecurityKey(page);
      await page.goto('/signin');
      await page.evaluate(async () => {
        const id = new Uint8Array(16);
        crypto.getRandomValues(id);
        await navigator.credentials.create({
          publicKey: {
            challenge: new Uint8Array(32),
            rp: { id: 'localhost', name: 'elsewhere' },
            user: { id, name: 'stranger', displayName: 'Stranger' },
            pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
            authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
          },
        });
      });
      expect(await key.credentials()).toHaveLength(1);
      await page.getByRole('button', { name: T[locale].passkey }).click();
      await expect(page.getByRole('alert')).toContainText(T[locale].refused);
      await expect(page.getByRole('button', { name: T[locale].passkey })).toBeEnabled();
      // Back on the button once it is enabled again (walk issue, item 4).
      await expect(page.getByRole('button', { name: T[locale].passkey })).toBeFocused();
      await expectAccessible(page);
    });
  });
}
