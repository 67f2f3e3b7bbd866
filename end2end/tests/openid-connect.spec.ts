import { expect, test, uniqueNlMobile } from '../fixtures';
import { ProtectedByApache, registerApplication } from '../pages/apache';
import { Handset } from '../pages/handset';
import { PHONE } from '../pages/phone-texts';
import { addPhoneByText, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

// Applications sign in through secinfo (OpenID Connect), proven with a
// relying party nobody here wrote: Debian's Apache httpd with
// mod_auth_openidc, protecting a page that shows the claims it received.
const TWO_STEP = { two_step_sign_in: true, limits: { resend_cooldown_seconds: 0 } };
const APACHE_PORT = 8094;
// The passkey test's own Apache, so that both can run side by side.
const STRONG_APACHE_PORT = 8095;
const BACKCHANNEL_APACHE_PORT = 8096;
const TWO_STEP_WITH_KEYS = {
  ...TWO_STEP,
  methods: [
    { kind: 'phone', mfa: true, sspr: true },
    { kind: 'security-key', mfa: true, sspr: true },
  ],
};

test('an application behind Apache mod_auth_openidc signs its user in with a password and a texted code', async ({ page, context, makeUser, playwright, baseURL, expectAccessible }) => {
  const admin = await makeUser({ admin: true, policy: TWO_STEP });
  const user = await makeUser({ organizationOf: admin, displayName: 'Adele Vance' });
  const number = uniqueNlMobile();
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();

  const adminRequest = await playwright.request.newContext({ baseURL });
  const client = await registerApplication(adminRequest, baseURL!, admin, {
    name: 'Payroll',
    redirectUris: [ProtectedByApache.redirectUri(APACHE_PORT)],
    logoutUris: [ProtectedByApache.signedOutUri(APACHE_PORT)],
  });
  await adminRequest.dispose();
  const apache = await ProtectedByApache.start({ port: APACHE_PORT, issuer: baseURL!, client });
  try {
    // Apache sends the person to secinfo's own sign-in page, which names
    // the application.
    await page.goto(apache.url('/protected/claims.shtml'));
    const signInPage = new SignInPage(page);
    await expect(signInPage.heading).toBeVisible();
    await expect(page.getByText('Sign in to continue to Payroll.')).toBeVisible();
    await expectAccessible(page);
    const handset = new Handset(handsetPage, number.e164);
    const texted = await handset.textCount();
    await signInPage.signIn(user);

    // The second step, as for secinfo itself.
    await expect(page.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
    const code = page.getByLabel(PHONE.en.codeLabel, { exact: true });
    await expect(code).toBeFocused();
    // The sign-in's own text, not the one that set the phone up.
    await code.fill(await handset.newCode(texted));
    await page.getByRole('button', { name: PHONE.en.next }).click();

    // Back on the application's page, with what Apache received.
    await expect(page).toHaveURL(apache.url('/protected/claims.shtml'), { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Payroll' })).toBeVisible();
    await expect(page.locator('#remote-user')).toHaveText(user.accountName);
    await expect(page.locator('#name')).toHaveText('Adele Vance');
    await expect(page.locator('#amr')).toHaveText('pwd,sms,mfa');
    await expect(page.locator('#acr')).toHaveText('urn:secinfo:acr:multi-factor');

    // The person's Overview in secinfo lists the application they signed
    // in to.
    await page.goto('/overview');
    await expect(page.getByRole('heading', { level: 2, name: 'Applications you signed in to' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /^Payroll, last on / })).toBeVisible();
    await expectAccessible(page);

    // Signing out of the application (mod_auth_openidc's logout) signs
    // the person out of secinfo too, and comes back to the application.
    const signedOut = ProtectedByApache.signedOutUri(APACHE_PORT);
    await page.goto(apache.url(`/protected/redirect_uri?logout=${encodeURIComponent(signedOut)}`));
    await expect(page.getByRole('heading', { level: 1, name: 'Signed out of Payroll' })).toBeVisible();
    expect(page.url().startsWith(signedOut)).toBe(true);
    await page.goto('/security-info');
    await expect(signInPage.heading).toBeVisible();
  } catch (error) {
    console.log(apache.errorLog());
    throw error;
  } finally {
    await apache.stop();
  }
});

test('an application asking Apache for a phishing-resistant sign-in gets a passkey, which the person adds on the way', async ({ page, context, makeUser, playwright, baseURL, expectAccessible }) => {
  const admin = await makeUser({ admin: true, policy: TWO_STEP_WITH_KEYS });
  const user = await makeUser({ organizationOf: admin, displayName: 'Lars Nilsson' });
  const number = uniqueNlMobile();
  const key = await addVirtualSecurityKey(page);
  const handsetPage = await context.newPage();
  await signIn(page, user);
  await addPhoneByText(page, handsetPage, number);
  await new SecurityInfoPage(page).signOut();

  const adminRequest = await playwright.request.newContext({ baseURL });
  const client = await registerApplication(adminRequest, baseURL!, admin, {
    name: 'Payroll',
    redirectUris: [ProtectedByApache.redirectUri(STRONG_APACHE_PORT)],
  });
  await adminRequest.dispose();
  const apache = await ProtectedByApache.start({ port: STRONG_APACHE_PORT, issuer: baseURL!, client });
  try {
    await page.goto(apache.url('/protected/strong/claims.shtml'));
    const handset = new Handset(handsetPage, number.e164);
    const texted = await handset.textCount();
    await new SignInPage(page).signIn(user);
    const verify = page.getByRole('heading', { level: 1, name: 'Verify your identity' });
    await expect(verify).toBeVisible();
    await page.getByLabel(PHONE.en.codeLabel, { exact: true }).fill(await handset.newCode(texted));
    await page.getByRole('button', { name: PHONE.en.next }).click();

    // Two steps are not enough for this part of Payroll, and Lars has no
    // passkey yet: he is offered to add one, here.
    await expect(page.getByText("Payroll asks you to sign in with a passkey or security key, and you don't have one yet.")).toBeVisible();
    await expect(verify).toBeFocused();
    await expectAccessible(page);
    // The browser asks for a key only in the window in front (the
    // handset's page was opened after this one).
    await page.bringToFront();
    await page.getByRole('button', { name: 'Add a passkey or security key' }).click();
    const name = page.getByLabel('Name', { exact: true });
    await expect(name).toBeFocused();
    await name.fill('Laptop');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await key.credentials()).toHaveLength(1);

    // Now he uses it.
    await expect(page.getByText('Payroll asks you to sign in with a passkey or security key. Use yours to continue.')).toBeVisible();
    await expect(verify).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Use my passkey or security key' }).click();

    // Back on the application's page (its answer posted, not in an
    // address), signed in as strongly as it asked.
    await expect(page).toHaveURL(apache.url('/protected/strong/claims.shtml'), { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Payroll approvals' })).toBeVisible();
    await expect(page.locator('#remote-user')).toHaveText(user.accountName);
    await expect(page.locator('#acr')).toHaveText('urn:secinfo:acr:phishing-resistant');
    await expect(page.locator('#amr')).toHaveText('pwd,sms,hwk,mfa');
  } catch (error) {
    console.log(apache.errorLog());
    throw error;
  } finally {
    await apache.stop();
  }
});

// This application has its tokens signed RS256: Apache checks that
// signature too, on the ID token and on the logout token.
test('signing out of secinfo signs the person out of the application too (back-channel logout to Apache, RS256)', async ({ page, context, makeUser, playwright, baseURL }) => {
  const admin = await makeUser({ admin: true });
  const user = await makeUser({ organizationOf: admin, displayName: 'Megan Bowen' });
  const adminRequest = await playwright.request.newContext({ baseURL });
  const client = await registerApplication(adminRequest, baseURL!, admin, {
    name: 'Payroll',
    redirectUris: [ProtectedByApache.redirectUri(BACKCHANNEL_APACHE_PORT)],
    backchannelLogoutUri: ProtectedByApache.backchannelLogoutUri(BACKCHANNEL_APACHE_PORT),
    idTokenAlg: 'RS256',
  });
  await adminRequest.dispose();
  const apache = await ProtectedByApache.start({ port: BACKCHANNEL_APACHE_PORT, issuer: baseURL!, client });
  try {
    await page.goto(apache.url('/protected/claims.shtml'));
    const signInPage = new SignInPage(page);
    await signInPage.signIn(user);
    await expect(page.locator('#remote-user')).toHaveText(user.accountName, { timeout: 15_000 });

    // Signed out on secinfo's own page, in another tab.
    const secinfo = await context.newPage();
    await secinfo.goto('/security-info');
    await new SecurityInfoPage(secinfo).signOut();
    await expect(new SignInPage(secinfo).heading).toBeVisible();

    // Apache was told, server to server: its session is gone, and the
    // page sends the person to sign in again.
    await expect(async () => {
      await page.goto(apache.url('/protected/claims.shtml'));
      await expect(page.getByText('Sign in to continue to Payroll.')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  } catch (error) {
    console.log(apache.errorLog());
    throw error;
  } finally {
    await apache.stop();
  }
});

test('a request from an application secinfo does not know stays here with the reason, in sv-SE', async ({ page, expectAccessible }) => {
  await page.goto('/oauth2/authorize?response_type=code&client_id=unknown&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=openid&lng=sv-SE');
  const heading = page.getByRole('heading', { level: 1, name: 'Logga in i ett program' });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Programmet som skickade dig hit är inte registrerat');
  await expect(heading).toBeFocused();
  expect(page.url()).toContain('/oauth2/authorize');
  await expectAccessible(page);
});

test('an application names the languages its person reads (ui_locales): the page speaks the first one secinfo has', async ({ page }) => {
  await page.goto('/oauth2/authorize?response_type=code&client_id=unknown&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=openid&ui_locales=de-DE%20nl%20en');
  const heading = page.getByRole('heading', { level: 1, name: 'Aanmelden bij een toepassing' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('De toepassing die u hierheen heeft gestuurd');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');
});

test('a sign-out request to an address no application registered stays here with the reason, signed in still', async ({ page, user, expectAccessible }) => {
  await signIn(page, user);
  await page.goto('/oauth2/logout?client_id=unknown&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F');
  const heading = page.getByRole('heading', { level: 1, name: 'Sign out of an application' });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('alert')).toContainText("The application that sent you here isn't registered");
  await expect(heading).toBeFocused();
  await expectAccessible(page);
  // Nobody was signed out.
  await page.goto('/security-info');
  await expect(new SecurityInfoPage(page).heading).toBeVisible();
});
