import { Browser, Page } from '@playwright/test';
import { Locale, expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { PHONE } from '../pages/phone-texts';
import { addAuthenticatorApp, signIn as signInEnglish } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { totp } from '../pages/totp';

// Walk issue, item 4: the full-page flows keep focus where the person must
// look next at every step, as the dialogs do — never on <body>.

const T: Record<Locale, {
  intro: string; wizard: string; success: string; securityInfo: string; verify: string; policy: string;
  save: string; saved: string; keep: string; other: Locale;
}> = {
  en: {
    intro: 'More information required', wizard: 'Keep your account secure', success: 'Success!', securityInfo: 'Security info',
    verify: 'Verify', policy: 'Organization policy', save: 'Save', saved: 'The policy is saved.', keep: 'Keep English as my language',
    other: 'nl-NL',
  },
  'nl-NL': {
    intro: 'Meer informatie vereist', wizard: 'Uw account beveiligen', success: 'Gelukt!', securityInfo: 'Beveiligingsgegevens',
    verify: 'Verifiëren', policy: 'Organisatiebeleid', save: 'Opslaan', saved: 'Het beleid is opgeslagen.',
    keep: 'Nederlands instellen als mijn taal', other: 'en',
  },
  'sv-SE': {
    intro: 'Mer information krävs', wizard: 'Skydda ditt konto', success: 'Klart!', securityInfo: 'Säkerhetsinformation',
    verify: 'Verifiera', policy: 'Organisationsprincip', save: 'Spara', saved: 'Principen har sparats.',
    keep: 'Behåll svenska som mitt språk', other: 'en',
  },
};

const APP: Record<Locale, { cantScan: string }> = {
  en: { cantScan: "Can't scan image?" },
  'nl-NL': { cantScan: 'Kunt u de afbeelding niet scannen?' },
  'sv-SE': { cantScan: 'Kan du inte skanna bilden?' },
};

/** A page in English, of its own browser context, to set things up as the person did earlier. */
async function englishPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en', baseURL });
  return context.newPage();
}

/** Focus is on a control of the page's flow, not on nothing. */
async function focusIsIn(page: Page, selector: string) {
  await expect(page.locator('body')).not.toBeFocused();
  await expect(page.locator(`${selector} :focus`)).toHaveCount(1);
}

for (const locale of ['en', 'nl-NL', 'sv-SE'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('focus through every step of the registration interrupt, by text and by call', async ({ page, context, makeUser }) => {
      test.slow();
      const t = T[locale];
      const p = PHONE[locale];
      const user = await makeUser({
        locale,
        policy: {
          registration_required: 2,
          limits: { resend_cooldown_seconds: 0 },
          methods: [
            { kind: 'phone', mfa: true, sspr: true },
            { kind: 'office-phone', mfa: true, sspr: true },
          ],
        },
      });
      const number = uniqueNlMobile();
      const office = uniqueNlMobile();
      const handsetPage = await context.newPage();
      const signIn = new SignInPage(page, locale);
      await signIn.goto();
      await signIn.signIn(user);
      await expect(page.getByRole('heading', { level: 1, name: t.intro })).toBeFocused();

      // Next: the first field of the first method.
      await page.getByRole('button', { name: p.next }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.wizard })).toBeVisible();
      await expect(page.getByLabel(p.region)).toBeFocused();
      await page.getByLabel(p.region).selectOption({ label: p.nlRegion });
      await page.getByLabel(p.number).fill(number.national);
      await page.getByRole('radio', { name: p.textMe }).check();
      // The code sent: its field.
      const handset = new Handset(handsetPage, number.e164);
      const texts = await handset.textCount();
      await page.getByRole('button', { name: p.next }).click();
      const code = page.getByLabel(p.codeLabel, { exact: true });
      await expect(code).toBeFocused();
      // A wrong code: still the field, marked.
      await code.fill('000000');
      await page.getByRole('button', { name: p.next }).click();
      await expect(code).toHaveAttribute('aria-invalid', 'true');
      await expect(code).toBeFocused();
      // Verified: Done.
      await code.fill(await handset.newCode(texts));
      await page.getByRole('button', { name: p.next }).click();
      await expect(page.getByText(p.updated)).toBeVisible();
      await expect(page.getByRole('button', { name: p.done })).toBeFocused();
      await page.getByRole('button', { name: p.done }).click();

      // The second method, by call: the call's step keeps focus in the flow.
      await expect(page.getByLabel(p.region)).toBeFocused();
      await page.getByLabel(p.region).selectOption({ label: p.nlRegion });
      await page.getByLabel(p.number).fill(office.national);
      await page.getByRole('button', { name: p.next }).click();
      await expect(page.getByText(p.calling(office.display))).toBeVisible();
      await focusIsIn(page, 'section.registration');
      const ringing = new Handset(handsetPage, office.e164);
      await ringing.answer();
      await ringing.press('#');
      await expect(page.getByRole('button', { name: p.done })).toBeFocused();
      await page.getByRole('button', { name: p.done }).click();
      // Success, then the page itself.
      await expect(page.getByRole('heading', { level: 1, name: t.success })).toBeVisible();
      await expect(page.getByRole('button', { name: p.done })).toBeFocused();
      await page.getByRole('button', { name: p.done }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.securityInfo })).toBeFocused();
    });

    test('focus at a wrong second-step code, the policy\'s Save, and keeping the page\'s language', async ({ page, browser, baseURL, makeUser }) => {
      const t = T[locale];
      const p = PHONE[locale];
      // The second step: the app's code field, kept after a wrong code.
      const user = await makeUser({ policy: { two_step_sign_in: true } });
      const earlier = await englishPage(browser, baseURL!);
      await signInEnglish(earlier, user);
      const secret = await addAuthenticatorApp(earlier);
      await new SecurityInfoPage(earlier).signOut();
      await earlier.context().close();
      const signIn = new SignInPage(page, locale);
      await signIn.goto();
      await signIn.signIn(user);
      const code = page.getByLabel(p.codeLabel, { exact: true });
      await expect(code).toBeFocused();
      await code.fill('000000');
      await page.getByRole('button', { name: t.verify }).click();
      await expect(code).toHaveAttribute('aria-invalid', 'true');
      await expect(code).toBeFocused();
      await code.fill(totp(secret, Date.now() + 30_000));
      await page.getByRole('button', { name: t.verify }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.securityInfo })).toBeVisible();

      // The policy's Save: back on Save once saved, the result announced.
      const admin = await makeUser({ locale, admin: true });
      const adminSignIn = new SignInPage(page, locale);
      await page.context().clearCookies();
      await adminSignIn.goto();
      await adminSignIn.signIn(admin);
      await expect(page).not.toHaveURL(/\/signin/);
      await page.goto('/admin/policy');
      await expect(page.getByRole('heading', { level: 1, name: t.policy })).toBeVisible();
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByText(t.saved, { exact: false })).toBeVisible();
      await expect(page.getByRole('button', { name: t.save })).toBeFocused();

      // Shown in this language while the person's is another: keeping it
      // takes the offer away, and focus goes to the page's heading.
      const other = await makeUser({ locale: t.other });
      await page.context().clearCookies();
      const otherSignIn = new SignInPage(page, locale);
      await otherSignIn.goto(`?lng=${locale}`);
      await otherSignIn.signIn(other);
      const keep = page.getByRole('button', { name: t.keep });
      await keep.click();
      await expect(keep).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    });

    test('focus through the app wizard of the registration interrupt, a wrong code included', async ({ page, makeUser }) => {
      const t = T[locale];
      const p = PHONE[locale];
      const app = APP[locale];
      const user = await makeUser({ locale, policy: { registration_required: 1 } });
      const signIn = new SignInPage(page, locale);
      await signIn.goto();
      await signIn.signIn(user);
      await expect(page.getByRole('heading', { level: 1, name: t.intro })).toBeFocused();
      await page.getByRole('button', { name: p.next }).click();
      // The app's step starts with "Can't scan image?".
      const cantScan = page.getByRole('button', { name: app.cantScan });
      await expect(cantScan).toBeFocused();
      await cantScan.click();
      const secret = (await page.locator('code.secret').textContent())!;
      const code = page.getByLabel(p.codeLabel, { exact: true });
      await code.fill('000000');
      await page.getByRole('button', { name: p.next }).click();
      await expect(code).toHaveAttribute('aria-invalid', 'true');
      await expect(code).toBeFocused();
      await code.fill(totp(secret));
      await page.getByRole('button', { name: p.next }).click();
      await expect(page.getByRole('button', { name: p.done })).toBeFocused();
    });
  });
}
