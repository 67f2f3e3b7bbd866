import { Browser, Page } from '@playwright/test';
import { Locale, User, expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { Mailbox } from '../pages/mailbox';
import { ANSWERS, addAuthenticatorApp, addEmail, addPhoneByText, addSecurityQuestions, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { totp } from '../pages/totp';

// Self-service password reset (S28–S30): "Forgot my password?" → the
// account → one or two verifications with the methods registered for reset
// → a new password twice → signed out everywhere and told.

const T: Record<Locale, {
  forgot: string; title: string; account: string; next: string; step: (n: number, of: number) => string;
  sendCode: string; verify: string; code: string; email: (a: string) => string; text: (n: string) => string;
  app: string; questions: string; newTitle: string; newPassword: string; confirm: string; save: string;
  done: string; signIn: string; cantReset: RegExp; tooCommon: RegExp; questionText: Record<string, string>;
  wayText: string; wayEmail: string; wayApp: string; phone: string; emailAddress: string; note: RegExp;
  ifTexted: RegExp; ifMailed: RegExp; needsCountryCode: RegExp; wrongCode: RegExp;
}> = {
  en: {
    forgot: 'Forgot my password?', title: 'Get back into your account', account: 'Account', next: 'Next',
    step: (n, of) => `Verification step ${n} of ${of}: choose how to verify your identity.`,
    sendCode: 'Send code', verify: 'Verify', code: 'Code', email: a => `Email ${a}`, text: n => `Text ${n}`,
    app: 'Use a code from my authenticator app', questions: 'Answer my security questions',
    newTitle: 'Choose a new password', newPassword: 'New password', confirm: 'Confirm new password', save: 'Reset password',
    done: 'Your password was reset', signIn: 'Sign in',
    cantReset: /You can't reset your own password because you haven't registered enough security info/,
    tooCommon: /too easy to guess|common/i,
    questionText: { 'city-born': 'In what city were you born?', 'first-pet': 'What was the name of your first pet?', 'first-job': 'What was your first job?' },
    wayText: 'Text a code to my mobile phone', wayEmail: 'Email a code to my email address', wayApp: 'Enter a code from my authenticator app',
    phone: 'Phone number', emailAddress: 'Email address', note: /the numbers and addresses you registered aren't shown here/,
    ifTexted: /^If \+31 6\d+ is one of the phone numbers you registered, we just texted a 6-digit code to it/,
    ifMailed: /^If .+ is one of the email addresses you registered, we just sent a 6-digit code to it/,
    needsCountryCode: /Type the whole number, starting with \+ and its country code/, wrongCode: /code/i,
  },
  'nl-NL': {
    forgot: 'Wachtwoord vergeten?', title: 'Terug naar uw account', account: 'Account', next: 'Volgende',
    step: (n, of) => `Verificatiestap ${n} van ${of}: kies hoe u uw identiteit wilt verifiëren.`,
    sendCode: 'Code verzenden', verify: 'Verifiëren', code: 'Code', email: a => `E-mail naar ${a}`, text: n => `Sms naar ${n}`,
    app: 'Een code uit mijn Authenticator-app gebruiken', questions: 'Mijn beveiligingsvragen beantwoorden',
    newTitle: 'Kies een nieuw wachtwoord', newPassword: 'Nieuw wachtwoord', confirm: 'Nieuw wachtwoord bevestigen',
    save: 'Wachtwoord opnieuw instellen', done: 'Uw wachtwoord is opnieuw ingesteld', signIn: 'Aanmelden',
    cantReset: /U kunt uw wachtwoord niet zelf opnieuw instellen/, tooCommon: /raden/i,
    questionText: { 'city-born': 'In welke plaats bent u geboren?', 'first-pet': 'Wat was de naam van uw eerste huisdier?', 'first-job': 'Wat was uw eerste baan?' },
    wayText: "Een code naar mijn mobiele telefoon sms'en", wayEmail: 'Een code naar mijn e-mailadres sturen', wayApp: 'Een code uit mijn Authenticator-app invoeren',
    phone: 'Telefoonnummer', emailAddress: 'E-mailadres', note: /nummers en adressen die u hebt geregistreerd hier niet weergegeven/,
    ifTexted: /^Als \+31 6\d+ een van de telefoonnummers is/, ifMailed: /^Als .+ een van de e-mailadressen is die u hebt geregistreerd/,
    needsCountryCode: /Typ het volledige nummer/, wrongCode: /code/i,
  },
  'sv-SE': {
    forgot: 'Har du glömt lösenordet?', title: 'Kom tillbaka till ditt konto', account: 'Konto', next: 'Nästa',
    step: (n, of) => `Verifieringssteg ${n} av ${of}: välj hur du vill verifiera din identitet.`,
    sendCode: 'Skicka kod', verify: 'Verifiera', code: 'Kod', email: a => `E-post till ${a}`, text: n => `Sms till ${n}`,
    app: 'Använd en kod från min Authenticator-app', questions: 'Besvara mina säkerhetsfrågor',
    newTitle: 'Välj ett nytt lösenord', newPassword: 'Nytt lösenord', confirm: 'Bekräfta nytt lösenord',
    save: 'Återställ lösenord', done: 'Ditt lösenord har återställts', signIn: 'Logga in',
    cantReset: /Du kan inte återställa ditt lösenord själv/, tooCommon: /gissa/i,
    questionText: { 'city-born': 'I vilken stad föddes du?', 'first-pet': 'Vad hette ditt första husdjur?', 'first-job': 'Vad var ditt första jobb?' },
    wayText: 'Sms:a en kod till min mobiltelefon', wayEmail: 'Skicka en kod till min e-postadress', wayApp: 'Ange en kod från min Authenticator-app',
    phone: 'Telefonnummer', emailAddress: 'E-postadress', note: /nummer och adresser du har registrerat här/,
    ifTexted: /^Om \+31 6\d+ är ett av telefonnumren/, ifMailed: /^Om .+ är en av e-postadresserna du har registrerat/,
    needsCountryCode: /Skriv hela numret/, wrongCode: /kod/i,
  },
};

const NEW_PASSWORD = 'Quiet-Meadow-Lantern-81';

/** "+31 612••••78": a registered number as shown before anyone is signed in. */
function masked(e164: string): string {
  const national = e164.slice(3);
  return `+31 ${national.slice(0, 3)}${'•'.repeat(national.length - 5)}${national.slice(-2)}`;
}

function personalAddress() {
  return `e2e-${Math.random().toString(36).slice(2, 10)}@fabrikam.example`;
}

/** A page in English, of its own browser context, to set things up as the person did earlier. */
async function englishPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en', baseURL });
  return context.newPage();
}

/** From the sign-in page to the verification's first step. */
async function beginReset(page: Page, user: User, locale: Locale) {
  const t = T[locale];
  await new SignInPage(page, locale).goto();
  await page.getByRole('link', { name: t.forgot }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  const account = page.getByLabel(t.account, { exact: true });
  await expect(account).toBeFocused();
  await account.fill(user.accountName);
  await page.getByRole('button', { name: t.next }).click();
}

/** Chooses a way to verify on the reset's current step. */
async function choose(page: Page, locale: Locale, option: string, button: string, step: [number, number]) {
  const t = T[locale];
  await expect(page.getByText(t.step(...step))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeFocused();
  await page.getByRole('radio', { name: option }).check();
  await page.getByRole('button', { name: button }).click();
}

/** The first step (N2): a way, and the whole number or address typed —
 * nothing registered is shown. */
async function proveFirst(page: Page, locale: Locale, way: string, field: string, value: string, button: string, steps: number) {
  const t = T[locale];
  await expect(page.getByText(t.step(1, steps))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeFocused();
  await expect(page.getByText(t.note)).toBeVisible();
  await expect(page.getByText('•')).toHaveCount(0);
  await page.getByRole('radio', { name: way }).check();
  await page.getByLabel(field, { exact: true }).fill(value);
  await page.getByRole('button', { name: button }).click();
}

/** The new password, twice; then the confirmation. `arrived`: the step
 * was just reached, so its heading has the focus. */
async function chooseNewPassword(page: Page, locale: Locale, expectAccessible: (p: Page) => Promise<void>, arrived = true) {
  const t = T[locale];
  if (arrived) {
    await expect(page.getByRole('heading', { level: 1, name: t.newTitle })).toBeFocused();
    await expectAccessible(page);
  }
  const fresh = page.getByLabel(t.newPassword, { exact: true });
  await fresh.fill(NEW_PASSWORD);
  await page.getByLabel(t.confirm, { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: t.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.done })).toBeFocused();
  await expectAccessible(page);
}

test('with one method in English: the phone texts a code, a common password is refused, the new one signs in and the phone is told', async ({ page, context, makeUser, expectAccessible }) => {
  const t = T.en;
  // No cooldown: the reset texts the phone right after the text that registered it.
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();

  const handset = new Handset(handsetPage, number.e164);
  const texts = await handset.textCount();
  await beginReset(page, user, 'en');
  await expectAccessible(page);
  // A national number cannot say its country: refused at its field, kept.
  const national = '0' + number.e164.slice(3);
  await proveFirst(page, 'en', t.wayText, t.phone, national, t.sendCode, 1);
  const phoneField = page.getByLabel(t.phone, { exact: true });
  await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
  await expect(phoneField).toBeFocused();
  await expect(phoneField).toHaveValue(national);
  await expect(page.getByText(t.needsCountryCode)).toBeVisible();
  await expectAccessible(page);
  await phoneField.fill(number.e164);
  await page.getByRole('button', { name: t.sendCode }).click();
  await expect(page.getByText(t.ifTexted)).toBeVisible();
  const code = page.getByLabel(t.code, { exact: true });
  await expect(code).toBeFocused();
  await expectAccessible(page);
  await code.fill(await handset.newCode(texts));
  await page.getByRole('button', { name: t.next }).click();

  // A common password is refused at its field, with what was typed kept.
  await expect(page.getByRole('heading', { level: 1, name: t.newTitle })).toBeFocused();
  const fresh = page.getByLabel(t.newPassword, { exact: true });
  await fresh.fill('password1234');
  await page.getByLabel(t.confirm, { exact: true }).fill('password1234');
  await page.getByRole('button', { name: t.save }).click();
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');
  await expect(fresh).toBeFocused();
  await expect(fresh).toHaveValue('password1234');
  await expectAccessible(page);
  await chooseNewPassword(page, 'en', expectAccessible, false);

  // Told on the phone; the old password is over, the new one signs in.
  await expect.poll(() => new Handset(handsetPage, number.e164).lastText()).toContain('was just reset');
  await page.getByRole('link', { name: t.signIn }).click();
  const signInPage = new SignInPage(page);
  await signInPage.heading.waitFor();
  await signInPage.signIn(user);
  await expect(page.getByText('Your account or password is incorrect.')).toBeVisible();
  await signInPage.signIn({ accountName: user.accountName, password: NEW_PASSWORD });
  // Signed in: the Security info page asks for its step-up first.
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
});

test('a known account, an unknown one and one without methods look the same through the first step, in English', async ({ page, context, makeUser, expectAccessible }) => {
  const t = T.en;
  const known = await makeUser();
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, known);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();
  const methodLess = await makeUser({ organizationOf: known });
  const seen: string[] = [];
  // The unknown name is of no organization: the default policy, which the
  // tests' organizations keep for everything this step shows.
  for (const accountName of [known.accountName, methodLess.accountName, 'nobody-at-all@fabrikam.example']) {
    await beginReset(page, { ...methodLess, accountName }, 'en');
    // Each one types the known account's own number, and a wrong code.
    await proveFirst(page, 'en', t.wayText, t.phone, number.e164, t.sendCode, 1);
    await expect(page.getByText(t.ifTexted)).toBeVisible();
    const code = page.getByLabel(t.code, { exact: true });
    await expect(code).toBeFocused();
    await code.fill('000000');
    await page.getByRole('button', { name: t.next }).click();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toBeFocused();
    await expectAccessible(page);
    seen.push((await page.locator('main').innerText()).replace(/\d{2} seconds?/, ''));
  }
  expect(seen[1]).toBe(seen[0]);
  expect(seen[2]).toBe(seen[0]);
});

test('an account without enough methods is told so once its first method is proved, in English', async ({ page, context, makeUser, expectAccessible }) => {
  const t = T.en;
  const user = await makeUser({ policy: { reset_methods_required: 2, limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();
  const handset = new Handset(handsetPage, number.e164);
  const texts = await handset.textCount();
  await beginReset(page, user, 'en');
  await proveFirst(page, 'en', t.wayText, t.phone, number.e164, t.sendCode, 2);
  await page.getByLabel(t.code, { exact: true }).fill(await handset.newCode(texts));
  await page.getByRole('button', { name: t.next }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(t.cantReset);
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeFocused();
  await expectAccessible(page);
});

test.describe('in nl-NL', () => {
  test.use({ locale: 'nl-NL' });

  test('with an email address and a text, as the policy asks for two', async ({ page, browser, baseURL, makeUser, expectAccessible }) => {
    const t = T['nl-NL'];
    const user = await makeUser({
      policy: {
        reset_methods_required: 2,
        limits: { resend_cooldown_seconds: 0 },
        methods: [
          { kind: 'phone', mfa: true, sspr: true },
          { kind: 'email', mfa: false, sspr: true },
        ],
      },
    });
    const number = uniqueNlMobile();
    const address = personalAddress();
    const earlier = await englishPage(browser, baseURL!);
    const inbox = await earlier.context().newPage();
    await signIn(earlier, user);
    await addPhoneByText(earlier, inbox, number);
    await addEmail(earlier, inbox, address);
    await earlier.context().close();

    await beginReset(page, user, 'nl-NL');
    await expectAccessible(page);
    await proveFirst(page, 'nl-NL', t.wayEmail, t.emailAddress, address, t.sendCode, 2);
    await expect(page.getByText(t.ifMailed)).toBeVisible();
    await expect(page.getByLabel(t.code, { exact: true })).toBeFocused();
    await expectAccessible(page);
    const shownAddress = `${address[0]}•••@fabrikam.example`;
    const mailbox = await page.context().newPage();
    const mail = await new Mailbox(mailbox, address).lastMail();
    expect(mail.body).toContain('wachtwoord van uw werk- of schoolaccount opnieuw in te stellen');
    await page.getByLabel(t.code, { exact: true }).fill(mail.code);
    await page.getByRole('button', { name: t.next }).click();

    // The address was used: only the phone is left for the second step.
    await expect(page.getByText(t.step(2, 2))).toBeVisible();
    await expect(page.getByRole('radio', { name: t.email(shownAddress) })).toHaveCount(0);
    const handset = new Handset(await page.context().newPage(), number.e164);
    const texts = await handset.textCount();
    await choose(page, 'nl-NL', t.text(masked(number.e164)), t.sendCode, [2, 2]);
    await page.getByLabel(t.code, { exact: true }).fill(await handset.newCode(texts));
    await page.getByRole('button', { name: t.next }).click();
    await chooseNewPassword(page, 'nl-NL', expectAccessible);
    // Told at the address too, in Dutch.
    const newestSubject = async () => {
      await new Mailbox(mailbox, address).open();
      return mailbox.locator('li.mail .subject').first().textContent();
    };
    await expect.poll(newestSubject).toContain('opnieuw ingesteld');
  });
});

test.describe('in sv-SE', () => {
  test.use({ locale: 'sv-SE' });

  test('with an authenticator app and security questions, keyboard only', async ({ page, browser, baseURL, makeUser, expectAccessible }) => {
    const t = T['sv-SE'];
    const user = await makeUser({
      policy: {
        reset_methods_required: 2,
        methods: [
          { kind: 'authenticator-app', mfa: true, sspr: true },
          { kind: 'security-questions', mfa: false, sspr: true },
        ],
      },
    });
    const earlier = await englishPage(browser, baseURL!);
    await signIn(earlier, user);
    const secret = await addAuthenticatorApp(earlier);
    await addSecurityQuestions(earlier);
    await earlier.context().close();

    await beginReset(page, user, 'sv-SE');
    await expect(page.getByText(t.step(1, 2))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeFocused();
    await expectAccessible(page);
    // The app is the policy's one first way: chosen already; Tab to its code.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: t.wayApp })).toBeFocused();
    await expect(page.getByRole('radio', { name: t.wayApp })).toBeChecked();
    await page.keyboard.press('Tab');
    const code = page.getByLabel(t.code, { exact: true });
    await expect(code).toBeFocused();
    // The next time step's code: the current one was used to set the app up (S9).
    await page.keyboard.type(totp(secret, Date.now() + 30_000));
    await page.keyboard.press('Enter');

    // The questions: all three, as the policy asks, typed from the keyboard.
    await expect(page.getByText(t.step(2, 2))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeFocused();
    // The ways left load after the heading shows: Tab once they are there.
    await expect(page.getByRole('radio', { name: t.questions })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: t.questions })).toBeFocused();
    await page.keyboard.press('Enter');
    for (const id of Object.keys(ANSWERS)) {
      await expect(page.getByLabel(t.questionText[id], { exact: true })).toBeVisible();
    }
    await expectAccessible(page);
    // A wrong answer is refused without saying which.
    for (const [id, answer] of Object.entries(ANSWERS)) {
      await page.getByLabel(t.questionText[id], { exact: true }).fill(id === 'first-pet' ? 'Garfield' : answer);
    }
    await page.getByRole('button', { name: t.verify }).click();
    await expect(page.getByRole('alert')).toHaveText(/Ett eller flera av dina svar är inte rätt/);
    await page.getByLabel(t.questionText['first-pet'], { exact: true }).fill(ANSWERS['first-pet']);
    await page.keyboard.press('Enter');
    await chooseNewPassword(page, 'sv-SE', expectAccessible);
  });
});
