import type { BrowserContext, Page } from '@playwright/test';
import { LOCALES, Locale, expect, test, uniqueNlMobile } from '../fixtures';
import type { User } from '../fixtures';
import { Handset } from '../pages/handset';
import { PHONE } from '../pages/phone-texts';
import { addAuthenticatorApp, addPhoneByText, signIn, startAdding } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { totp } from '../pages/totp';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

// Two-step verification at sign-in (S27): after the right password the
// default method starts at once; "Sign in another way" lists the others.
// Each test registers a phone by text and signs in again at once: no
// cooldown, or the sign-in's text would wait for the registration's.
const TWO_STEP = { two_step_sign_in: true, limits: { resend_cooldown_seconds: 0 } };

const T: Record<Locale, { verify: string; anotherWay: string; cantUse: string; cantUseHelp: RegExp; app: string; next: string; verifyButton: string }> = {
  en: { verify: 'Verify your identity', anotherWay: 'Sign in another way', cantUse: "I can't use any of these methods",
        cantUseHelp: /Ask your help desk for a Temporary Access Pass/, app: 'Use a code from my authenticator app', next: 'Next', verifyButton: 'Verify' },
  'nl-NL': { verify: 'Uw identiteit verifiëren', anotherWay: 'Op een andere manier aanmelden', cantUse: 'Ik kan geen van deze methoden gebruiken',
        cantUseHelp: /Vraag uw helpdesk om een tijdelijke toegangspas/, app: 'Een code uit mijn Authenticator-app gebruiken', next: 'Volgende', verifyButton: 'Verifiëren' },
  'sv-SE': { verify: 'Verifiera din identitet', anotherWay: 'Logga in på ett annat sätt', cantUse: 'Jag kan inte använda någon av de här metoderna',
        cantUseHelp: /Be din supportavdelning om ett tillfälligt åtkomstpass/, app: 'Använd en kod från min Authenticator-app', next: 'Nästa', verifyButton: 'Verifiera' },
};

/** "+31 612••••78": how a number the person registered is shown before they are signed in. */
function masked(e164: string): string {
  const national = e164.slice(3);
  return `+31 ${national.slice(0, 3)}${'•'.repeat(national.length - 5)}${national.slice(-2)}`;
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('the password alone is not enough: the default phone is texted at once and its code signs in', async ({ page, context, makeUser, expectAccessible }) => {
      const t = T[locale];
      const user = await makeUser({ policy: TWO_STEP, locale });
      const number = uniqueNlMobile();
      const handsetPage = await context.newPage();
      // Nothing registered yet: the password signs in, and a phone is added.
      await signIn(page, user, locale);
      await addPhoneByText(page, handsetPage, number, locale);
      await new SecurityInfoPage(page, locale).signOut();

      const signInPage = new SignInPage(page, locale);
      await signInPage.heading.waitFor();
      await signInPage.signIn(user);
      await expect(page.getByRole('heading', { level: 1, name: t.verify })).toBeVisible();
      // Nothing else is open until the second step is done: the page comes
      // back to the second step (which texts the phone anew).
      await page.goto('/security-info');
      await expect(page.getByRole('heading', { level: 1, name: t.verify })).toBeVisible();

      await expect(page.getByText(PHONE[locale].sentTo(masked(number.e164)))).toBeVisible();
      const code = page.getByLabel(PHONE[locale].codeLabel, { exact: true });
      await expect(code).toBeFocused();
      await expectAccessible(page);
      await code.fill(await new Handset(handsetPage, number.e164).lastCode());
      await page.getByRole('button', { name: PHONE[locale].next }).click();
      // Signed in, and the Security info page opens without a second prompt.
      await expect(new SecurityInfoPage(page, locale).heading).toBeVisible();
      await expect(page.getByRole('heading', { name: t.verify })).toHaveCount(0);
    });
  });
}

/** A person with a phone (the default, registered first) and an authenticator app, signed out. */
async function phoneThenApp(page: Page, context: BrowserContext, makeUser: (options: { policy: typeof TWO_STEP }) => Promise<User>) {
  const user = await makeUser({ policy: TWO_STEP });
  const number = uniqueNlMobile();
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), number);
  const secret = await addAuthenticatorApp(page);
  await new SecurityInfoPage(page).signOut();
  return { user, number, secret };
}

test('sign in another way: an authenticator app instead of the default phone', async ({ page, context, makeUser, expectAccessible }) => {
  const t = T.en;
  const { user, number, secret } = await phoneThenApp(page, context, makeUser);

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  // The default (the phone, registered first) is texted at once...
  await expect(page.getByText(PHONE.en.sentTo(masked(number.e164)))).toBeVisible();
  // ...and the person chooses the app instead.
  await page.getByRole('button', { name: t.anotherWay }).click();
  const first = page.getByRole('radio').first();
  await expect(first).toBeFocused();
  await expectAccessible(page);
  // The button says what choosing does.
  await expect(page.getByRole('button', { name: 'Send code' })).toBeVisible();
  await page.getByRole('radio', { name: /^Call / }).check();
  await expect(page.getByRole('button', { name: 'Call me' })).toBeVisible();
  await page.getByRole('radio', { name: t.app }).check();
  await page.getByRole('button', { name: t.next }).click();
  const code = page.getByLabel('Code', { exact: true });
  await expect(code).toBeFocused();
  // The next time step's code: the current one was spent on registering (S9).
  await code.fill(totp(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: t.verifyButton }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('sign in another way while the default\'s code is still being sent: the late code does not take the choice away', async ({ page, context, makeUser }) => {
  const t = T.en;
  const { user, number, secret } = await phoneThenApp(page, context, makeUser);

  // The text to the default phone is held on its way until the person has chosen the app.
  let release = () => {};
  const held = new Promise<void>(resolve => { release = resolve; });
  await page.route('**/api/me/step-up', async route => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await page.getByRole('button', { name: t.anotherWay }).click();
  await expect(page.getByRole('radio').first()).toBeFocused();
  await page.getByRole('radio', { name: t.app }).check();
  await page.getByRole('button', { name: t.next }).click();
  const code = page.getByLabel('Code', { exact: true });
  await expect(code).toBeFocused();

  const sent = page.waitForResponse(r => r.url().endsWith('/api/me/step-up') && r.request().method() === 'POST');
  release();
  expect((await sent).status()).toBe(201);
  // The answer is in, and the app's step stays as it was.
  await page.evaluate(() => new Promise(r => setTimeout(r, 200)));
  await expect(page.getByText(PHONE.en.sentTo(masked(number.e164)))).toHaveCount(0);
  await expect(code).toBeFocused();
  await code.fill(totp(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: t.verifyButton }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test("I can't use any of these methods says what to do and whom to ask, and signing out ends the waiting sign-in", async ({ page, context, makeUser, expectAccessible }) => {
  const t = T.en;
  const user = await makeUser({ policy: { ...TWO_STEP, support_contact: 'helpdesk@contoso.example, +31 20 123 4567' } });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();
  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(page.getByRole('heading', { level: 1, name: t.verify })).toBeVisible();

  const cantUse = page.getByRole('button', { name: t.cantUse });
  await cantUse.click();
  await expect(cantUse).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(t.cantUseHelp)).toBeVisible();
  await expect(page.getByText('Your help desk: helpdesk@contoso.example, +31 20 123 4567')).toBeVisible();
  await expectAccessible(page);

  // The header's Cancel ends the waiting sign-in (it has no account menu).
  await page.getByRole('banner').getByRole('button', { name: 'Cancel' }).click();
  await expect(signInPage.heading).toBeVisible();
  await page.goto('/security-info');
  await expect(signInPage.heading).toBeVisible();
});

test('the whole two-step sign-in can be done with the keyboard alone', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: TWO_STEP });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.account.focus();
  await page.keyboard.type(user.accountName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  const code = page.getByLabel('Code', { exact: true });
  await expect(code).toBeFocused();
  await page.keyboard.type(await new Handset(handsetPage, number.e164).lastCode());
  await page.keyboard.press('Enter');
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('recovery codes: generated once, downloaded, and one of them signs in', async ({ page, context, makeUser, expectAccessible }) => {
  const methods = ['authenticator-app', 'phone', 'alternate-phone', 'office-phone', 'recovery-codes']
    .map(kind => ({ kind, mfa: true, sspr: kind !== 'alternate-phone' && kind !== 'recovery-codes' }));
  const user = await makeUser({ policy: { ...TWO_STEP, methods } });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);

  await startAdding(page, 'Recovery codes');
  const dialog = page.getByRole('dialog', { name: 'Recovery codes' });
  await dialog.getByRole('button', { name: 'Generate codes' }).click();
  const shownOnce = dialog.getByText("Save these codes now. You won't be able to see them again.");
  await expect(shownOnce).toBeFocused();
  const list = dialog.getByRole('list', { name: 'Your recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const codes = (await list.getByRole('listitem').allTextContents()).map(c => c.trim());
  for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('secinfo-recovery-codes.txt');
  const stream = await download.createReadStream();
  let saved = '';
  for await (const chunk of stream) saved += chunk;
  expect(saved).toContain(`Recovery codes for ${user.accountName}.`);
  for (const code of codes) expect(saved).toContain(code);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Recovery codes' })).toContainText('10 codes left');
  await new SecurityInfoPage(page).signOut();

  // The phone is "lost": sign in with a recovery code instead.
  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await page.getByRole('button', { name: T.en.anotherWay }).click();
  const options = page.getByRole('radio');
  await expect(options.last()).toHaveAccessibleName('Use a recovery code');
  await options.last().check();
  await page.getByRole('button', { name: T.en.next }).click();
  const field = page.getByLabel('Recovery code', { exact: true });
  await expect(field).toBeFocused();
  await field.fill(codes[0].toLowerCase());
  await page.getByRole('button', { name: T.en.verifyButton }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Recovery codes' })).toContainText('9 codes left');
});

test('a security key as the default: the browser asks for it at once and nothing is typed', async ({ page, makeUser }) => {
  const methods = ['authenticator-app', 'phone', 'security-key'].map(kind => ({ kind, mfa: true, sspr: true }));
  const user = await makeUser({ policy: { ...TWO_STEP, methods } });
  const key = await addVirtualSecurityKey(page);
  await signIn(page, user);
  await addAuthenticatorApp(page);
  await startAdding(page, 'Passkey or security key');
  await page.getByLabel('Name', { exact: true }).fill('Desk key');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Change: Default sign-in method' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change default method' });
  await dialog.getByLabel('Which method would you like to use to sign in?').selectOption({ label: 'Passkey or security key - Desk key' });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Passkey or security key - Desk key' })).toBeVisible();
  const [registered] = await key.credentials();
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
  const [used] = await key.credentials();
  expect(used.signCount).toBeGreaterThan(registered.signCount);
});

test('a phone call as the default: answering and pressing # signs in', async ({ page, context, makeUser }) => {
  // A call waits on the handset page and a once-a-second poll: slow by nature.
  test.slow();
  const user = await makeUser({ policy: TWO_STEP });
  const number = uniqueNlMobile();
  await signIn(page, user);
  // Registered by call, the phone's default way is a call.
  await startAdding(page, 'Phone');
  const wizard = page.getByRole('dialog');
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('radio', { name: 'Call me' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  const handset = new Handset(await context.newPage(), number.e164);
  await handset.answer();
  await handset.press('#');
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('definition').filter({ hasText: PHONE.en.defaultCall(number.display) })).toBeVisible();
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(page.getByText(PHONE.en.calling(masked(number.e164)))).toBeVisible();
  await handset.answer();
  await handset.press('#');
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('an authenticator app as the default: its code is asked for at once', async ({ page, makeUser, expectAccessible }) => {
  const t = T.en;
  const user = await makeUser({ policy: TWO_STEP });
  await signIn(page, user);
  const secret = await addAuthenticatorApp(page);
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(page.getByRole('heading', { level: 1, name: t.verify })).toBeVisible();
  // Nothing to send: the app's code field is there, with the cursor in it.
  await expect(page.getByText(t.app)).toBeVisible();
  const code = page.getByLabel('Code', { exact: true });
  await expect(code).toBeFocused();
  await expectAccessible(page);
  // A wrong code is refused at the field; the right one signs in.
  const current = totp(secret, Date.now() + 30_000);
  await code.fill(current === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: t.verifyButton }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill(current);
  await page.getByRole('button', { name: t.verifyButton }).click();
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});

test('a sign-in waiting for its second step shows who is signing in and a way to cancel, not the account menu', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: TWO_STEP });
  const number = uniqueNlMobile();
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), number);
  await new SecurityInfoPage(page).signOut();

  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(page.getByRole('heading', { level: 1, name: T.en.verify })).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner.getByText(`Signing in as ${user.accountName}`)).toBeVisible();
  await expect(banner.getByRole('button', { name: /account menu/ })).toHaveCount(0);
  await banner.getByRole('button', { name: 'Cancel' }).click();
  await expect(signInPage.heading).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
  // The waiting sign-in is over: nothing signed in is open.
  await page.goto('/security-info');
  await expect(signInPage.heading).toBeVisible();
});

test('signing in again within the resend wait goes on with the code already texted', async ({ page, context, makeUser }) => {
  // The walk's dead end: a second sign-in within 30 s showed only "wait a moment".
  test.slow();
  const user = await makeUser({ policy: { two_step_sign_in: true, limits: { resend_cooldown_seconds: 30 } } });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();
  // Past the wait that registering the phone began.
  await page.waitForTimeout(31_000);
  const signInPage = new SignInPage(page);
  await signInPage.signIn(user);
  await expect(page.getByText(PHONE.en.sentTo(masked(number.e164)))).toBeVisible();
  const handset = new Handset(handsetPage, number.e164);
  const code = await handset.lastCode();

  // Again, in another tab, at once: the second step asks anew, and goes on
  // with the code on its way.
  const second = await context.newPage();
  await second.goto('/signin');
  await expect(second.getByRole('heading', { level: 1, name: T.en.verify })).toBeVisible();
  const box = second.getByLabel(PHONE.en.codeLabel, { exact: true });
  await expect(box).toBeFocused();
  await expect(second.getByText(/You can ask for a new code in \d+ seconds?\./)).toBeVisible();
  await expect(second.getByText('Wait a moment before you ask for another code or call.')).toHaveCount(0);
  await box.fill(code);
  await second.getByRole('button', { name: T.en.next }).click();
  await expect(new SecurityInfoPage(second).heading).toBeVisible();
});
