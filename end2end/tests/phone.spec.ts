import { BrowserContext, Page } from '@playwright/test';
import { LOCALES, expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { PHONE } from '../pages/phone-texts';
import { addPhoneByText, openWizard, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { anotherBrowserSignedIn } from '../pages/another-browser';

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = PHONE[locale];

    test('a phone is set up with a texted code', async ({ page, context, makeUser, expectAccessible }) => {
      const user = await makeUser();
      const number = uniqueNlMobile();
      await signIn(page, user, locale);
      await page.getByRole('button', { name: t.addMethod }).click();
      const add = page.getByRole('dialog', { name: t.addTitle });
      await expect(add).toBeVisible();
      await expectAccessible(page);
      await add.getByLabel(t.addLabel).selectOption({ label: t.phone });
      await add.getByRole('button', { name: t.add, exact: true }).click();

      const wizard = page.getByRole('dialog', { name: t.wizardTitle });
      await expect(wizard).toBeVisible();
      await expectAccessible(page);
      await wizard.getByLabel(t.region).selectOption({ label: t.nlRegion });
      await wizard.getByLabel(t.number).fill(number.national);
      await wizard.getByRole('radio', { name: t.textMe }).check();
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.sentTo(number.display))).toBeVisible();
      const code = wizard.getByLabel(t.codeLabel, { exact: true });
      await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(code).toHaveAttribute('inputmode', 'numeric');
      await expectAccessible(page);

      const handset = await context.newPage();
      const phone = new Handset(handset, number.e164);
      const received = await phone.lastCode();
      expect(await phone.lastText()).toMatch(t.smsWord);
      await code.fill(received);
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.updated)).toBeVisible();
      await expectAccessible(page);
      await wizard.getByRole('button', { name: t.done }).click();

      const row = page.getByRole('listitem').filter({ hasText: number.display });
      await expect(row).toContainText(t.phone);
      await expect(row).toContainText(t.text);
      await expect(page.getByText(t.defaultText(number.display))).toBeVisible();
    });

    test('a phone is set up with a call answered with #', async ({ page, context, makeUser, expectAccessible }) => {
      // A call waits on the handset page and a once-a-second poll: slow by nature.
      test.slow();
      const user = await makeUser();
      const number = uniqueNlMobile();
      await signIn(page, user, locale);
      const wizard = await openWizard(page, 'phone', locale);
      await wizard.getByLabel(t.region).selectOption({ label: t.nlRegion });
      await wizard.getByLabel(t.number).fill(number.national);
      await wizard.getByRole('radio', { name: t.callMe }).check();
      await wizard.getByRole('button', { name: t.next }).click();
      await expect(wizard.getByText(t.calling(number.display))).toBeVisible();
      await expectAccessible(page);

      const handset = await context.newPage();
      const phone = new Handset(handset, number.e164);
      await phone.answer();
      expect(await phone.script()).toMatch(t.voice);
      await phone.press('#');

      // The wizard moves on by itself.
      await expect(wizard.getByText(t.updated)).toBeVisible();
      await wizard.getByRole('button', { name: t.done }).click();
      await expect(page.getByText(t.defaultCall(number.display))).toBeVisible();
    });
  });
}

test('a wrong code is explained at the field and the right one still works', async ({ page, context, user }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const code = await new Handset(await context.newPage(), number.e164).lastCode();
  const wrong = code === '000000' ? '111111' : '000000';
  const field = wizard.getByLabel('Code', { exact: true });
  await field.fill(wrong);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(PHONE.en.wrongCode)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill(code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
});

test('letters in a code are refused at the field without asking the server, so they cost no try', async ({ page, context, user }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const code = await new Handset(await context.newPage(), number.e164).lastCode();
  const sent: string[] = [];
  page.on('request', request => { if (request.url().endsWith('/code')) sent.push(request.url()); });
  const field = wizard.getByLabel('Code', { exact: true });
  await field.fill('12a456');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(PHONE.en.wrongCode)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(sent).toEqual([]);
  await field.fill(code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
  expect(sent).toHaveLength(1);
});

test('an expired code says so', async ({ page, context, user, expireChallenges }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const code = await new Handset(await context.newPage(), number.e164).lastCode();
  await expireChallenges(user);
  await wizard.getByLabel('Code', { exact: true }).fill(code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText('That code has expired. Ask for a new one.')).toBeVisible();
});

test('resend waits out a visible cooldown, then sends a new code', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 3 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const resend = wizard.getByRole('button', { name: 'Resend code' });
  await expect(resend).toBeDisabled();
  await expect(wizard.getByText(/You can ask for a new code in \d seconds?\./)).toBeVisible();
  await expect(resend).toBeEnabled({ timeout: 10_000 });
  const handset = new Handset(await context.newPage(), number.e164);
  const first = await handset.lastCode();
  await resend.click();
  await expect(wizard.getByText('We sent a new code.')).toBeVisible();
  await expect(async () => expect(await handset.lastCode()).not.toBe(first)).toPass();
  await wizard.getByLabel('Code', { exact: true }).fill(await handset.lastCode());
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
});

test('changing the number goes back without losing what was typed', async ({ page, user }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Change number' }).click();
  await expect(wizard.getByLabel('Phone number')).toHaveValue(number.national);
  await expect(wizard.getByLabel('Country or Region')).toHaveValue('NL');
});

test('a call answered with another key fails and can be retried', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('radio', { name: 'Call me' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  // What to do is said once (not as a paragraph and again as the status).
  await expect(wizard.getByText('Answer the call and press the pound key (#) to finish.')).toHaveCount(1);
  const phone = new Handset(await context.newPage(), number.e164);
  await phone.answer();
  await phone.press('5');
  await expect(wizard.getByText('Another key than the pound key (#) was pressed.')).toBeVisible();
  // The call is over: no "We're calling … now" beside the failure.
  await expect(wizard.getByText(`We're calling ${number.display} now.`)).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Call me again' }).click();
  await expect(wizard.getByText(`We're calling ${number.display} now.`)).toBeVisible();
  await phone.answer();
  await phone.press('#');
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
});

/** Starts a call to a new number and fails it with another key than #. */
async function failedCall(page: Page, context: BrowserContext) {
  const number = uniqueNlMobile();
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('radio', { name: 'Call me' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  const phone = new Handset(await context.newPage(), number.e164);
  await phone.answer();
  await phone.press('5');
  await expect(wizard.getByText('Another key than the pound key (#) was pressed.')).toBeVisible();
  return wizard;
}

test('after a failed call, calling again waits for the cooldown, counted down', async ({ page, context, makeUser }) => {
  // A cooldown longer than the call takes, even on a busy machine.
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 60 } } });
  await signIn(page, user);
  const wizard = await failedCall(page, context);
  await expect(wizard.getByRole('button', { name: 'Call me again' })).toBeDisabled();
  await expect(wizard.getByText(/^You can ask for another call in \d+ seconds?\.$/)).toBeVisible();
});

test('a refused "Call me again" replaces the call\'s failure: one error at a time', async ({ page, context, makeUser }) => {
  // One call an hour and no cooldown: calling again is refused by the limit.
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0, per_user: 1 } } });
  await signIn(page, user);
  const wizard = await failedCall(page, context);
  await wizard.getByRole('button', { name: 'Call me again' }).click();
  await expect(wizard.getByRole('alert')).toHaveText("You've hit our limit on verification calls. Try again later.");
  await expect(wizard.getByRole('alert')).toHaveCount(1);
});

test('an extension is removed from a phone, and the wizard says so', async ({ page, user }) => {
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'United States (+1)' });
  await wizard.getByLabel('Phone number').fill('+1 4255551234X12345');
  await wizard.getByRole('radio', { name: 'Call me' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText('we removed the extension 12345 from the number')).toBeVisible();
  await expect(wizard.getByText("We're calling +1 4255551234 now.")).toBeVisible();
});

test('an invalid number is refused at the field, keeping what was typed', async ({ page, user }) => {
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill('12');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText("That isn't a valid phone number for the country or region you chose.")).toBeVisible();
  await expect(wizard.getByLabel('Phone number')).toHaveValue('12');
  await expect(wizard.getByLabel('Phone number')).toBeFocused();
});

test('of two equally strong phones, the Delete dialog names the default the server then sets', async ({ page, context, user }) => {
  // A call waits on the handset page and a once-a-second poll: slow by nature.
  test.slow();
  const number = uniqueNlMobile();
  const office = uniqueNlMobile();
  const alternate = uniqueNlMobile();
  await signIn(page, user);
  const handsetPage = await context.newPage();
  await addPhoneByText(page, handsetPage, number);
  // An office phone, then an alternate phone, each by call: both rank below
  // an app and a key, so the older one (the office phone) comes next.
  // The success text says what the policy counts each for (the default
  // policy: an office phone for both, an alternate phone for sign-in only).
  const counts = {
    'Office phone': 'You can use it to verify your identity for two-step verification and password reset.',
    'Alternate phone': 'You can use it to verify your identity for two-step verification.',
  };
  for (const [label, added] of [['Office phone', office], ['Alternate phone', alternate]] as const) {
    await page.getByRole('button', { name: 'Add method' }).click();
    const add = page.getByRole('dialog', { name: 'Add a method' });
    await add.getByLabel('Which method would you like to add?').selectOption({ label });
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
    await wizard.getByLabel('Phone number').fill(added.national);
    await wizard.getByRole('button', { name: 'Next' }).click();
    const phone = new Handset(handsetPage, added.e164);
    await phone.answer();
    await phone.press('#');
    await expect(wizard.getByText(`Your phone was verified. ${counts[label]}`)).toBeVisible();
    await wizard.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  // The alternate phone needs the phone (defect 14): the dialog says so and offers no Delete.
  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete method' });
  await expect(dialog.getByText('Your alternate phone needs this phone. Delete the alternate phone first.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Yes' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete: Alternate phone' }).click();
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  await expect(dialog.getByText(`After deleting it, your default will be: Office phone - call ${office.display}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(`Office phone - call ${office.display}`)).toBeVisible();
});

test('a premium-rate number is refused at the field before anything is sent', async ({ page, user }) => {
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill('0900 1234567');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(
    wizard.getByText("This kind of number can't be used here, such as a premium-rate or satellite number. Use a mobile or landline number."),
  ).toBeVisible();
  await expect(wizard.getByLabel('Phone number')).toHaveValue('0900 1234567');
  await expect(wizard.getByLabel('Phone number')).toBeFocused();
  await expect(wizard.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
});

test('the default moves when the default method is deleted', async ({ page, context, user, expectAccessible }) => {
  const number = uniqueNlMobile();
  const office = uniqueNlMobile();
  await signIn(page, user);
  const handsetPage = await context.newPage();
  await addPhoneByText(page, handsetPage, number);

  // An office phone by call.
  const wizard = await openWizard(page, 'officePhone');
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(office.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const phone = new Handset(handsetPage, office.e164);
  await phone.answer();
  await phone.press('#');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(`Phone - text ${number.display}`)).toBeVisible();

  await page.getByRole('button', { name: 'Delete: Phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete method' });
  await expect(dialog.getByText('Are you sure you would like to delete this method?')).toBeVisible();
  await expect(dialog.getByText(`After deleting it, your default will be: Office phone - call ${office.display}.`)).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(`Office phone - call ${office.display}`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: number.display })).toHaveCount(0);
});

test('the default sign-in method can be changed', async ({ page, context, user, expectAccessible }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), number);
  await page.getByRole('button', { name: 'Change: Default sign-in method' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change default method' });
  const choice = dialog.getByLabel('Which method would you like to use to sign in?');
  await expect(choice.getByRole('option')).toHaveText([`Phone - call ${number.display}`, `Phone - text ${number.display}`]);
  await expectAccessible(page);
  await choice.selectOption({ label: `Phone - call ${number.display}` });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(`Phone - call ${number.display}`)).toBeVisible();
});

test('a password-only session must verify before seeing security info', async ({ page, context, browser, makeUser, expectAccessible }) => {
  // No cooldown: the step-up texts the number that was just verified.
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), number);

  const { context: other, page: otherPage } = await anotherBrowserSignedIn(browser, user);
  await expect(otherPage.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await expectAccessible(otherPage);
  await expect(new SecurityInfoPage(otherPage).noMethods).toHaveCount(0);
  const masked = `+31 61${number.e164.slice(5, 6)}`;
  await otherPage.getByRole('radio', { name: new RegExp(`^Text \\${masked}`) }).check();
  await otherPage.getByRole('button', { name: 'Send code' }).click();
  // Read the handset only once the new text was sent, not the earlier one.
  await expect(otherPage.getByText(/^We just sent a 6-digit code to \+31 61\d••••\d\d\./)).toBeVisible();
  const code = await new Handset(await other.newPage(), number.e164).lastCode();
  await otherPage.getByLabel('Code', { exact: true }).fill(code);
  await otherPage.getByRole('button', { name: 'Next' }).click();
  await expect(otherPage.getByRole('heading', { name: 'Security info' })).toBeVisible();
  await expect(otherPage.getByRole('listitem').filter({ hasText: number.display })).toBeVisible();
  await other.close();
});

test('a new session can verify by answering a call and pressing #', async ({ page, context, browser, makeUser, expectAccessible }) => {
  // A call waits on the handset page and a once-a-second poll: slow by nature.
  test.slow();
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  await addPhoneByText(page, await context.newPage(), number);

  const { context: other, page: otherPage } = await anotherBrowserSignedIn(browser, user);
  await expect(otherPage.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await otherPage.getByRole('radio', { name: /^Call \+31 61/ }).check();
  await otherPage.getByRole('button', { name: 'Call me' }).click();
  await expect(otherPage.getByText(/^We're calling \+31 61\d••••\d\d now\./)).toBeVisible();
  await expectAccessible(otherPage);
  const handset = new Handset(await other.newPage(), number.e164);
  await handset.answer();
  await handset.press('#');
  await expect(otherPage.getByRole('heading', { name: 'Security info' })).toBeVisible();
  await expect(otherPage.getByRole('listitem').filter({ hasText: number.display })).toBeVisible();
  await other.close();
});

test('over the text limit the person is told so', async ({ page, context, makeUser }) => {
  const user = await makeUser({ policy: { limits: { per_user: 1, resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  const wizard = await openWizard(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await new Handset(await context.newPage(), number.e164).lastCode();
  await wizard.getByRole('button', { name: 'Resend code' }).click();
  await expect(wizard.getByText("You've hit our limit on text verification codes. Try again later.")).toBeVisible();
  await expect(wizard.getByLabel('Code', { exact: true })).toBeVisible();
});

test('the phone wizard can be finished with the keyboard alone', async ({ page, context, user }) => {
  const number = uniqueNlMobile();
  await signIn(page, user);
  await page.getByRole('button', { name: 'Add method' }).focus();
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Add a method' });
  await expect(add.getByLabel('Which method would you like to add?')).toBeFocused();
  // The authenticator app is offered first (S5); typed letters pick the phone.
  await page.keyboard.type('Phone');
  await expect(add.getByLabel('Which method would you like to add?')).toHaveValue('phone');
  await page.keyboard.press('Tab');
  await expect(add.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(add.getByRole('button', { name: 'Add', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: 'Set up your phone' });
  await expect(wizard.getByLabel('Country or Region')).toBeFocused();
  // A native select takes typed letters: "Neth" picks the Netherlands
  // (once the region names have arrived).
  await expect(wizard.getByRole('option', { name: 'Netherlands (+31)' })).toBeAttached();
  await page.keyboard.type('Neth');
  await expect(wizard.getByLabel('Country or Region')).toHaveValue('NL');
  await page.keyboard.press('Tab');
  await expect(wizard.getByLabel('Phone number')).toBeFocused();
  await page.keyboard.type(number.national);
  await page.keyboard.press('Enter');
  await expect(wizard.getByText(PHONE.en.sentTo(number.display))).toBeVisible();
  const code = await new Handset(await context.newPage(), number.e164).lastCode();
  await wizard.getByLabel('Code', { exact: true }).focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(wizard.getByText(PHONE.en.updated)).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Done' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Escape closes a dialog.
  await page.getByRole('button', { name: 'Add method' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Change on a phone verifies the new number and keeps the row', async ({ page, context, user, expectAccessible }) => {
  const first = uniqueNlMobile();
  const second = uniqueNlMobile();
  await signIn(page, user);
  const handsetPage = await context.newPage();
  await addPhoneByText(page, handsetPage, first);
  await page.getByRole('button', { name: 'Change: Phone' }).click();
  // Titled for what it does, and saying what is registered now (defect 6).
  const wizard = page.getByRole('dialog', { name: 'Change your phone' });
  await expect(wizard.getByText(`Your current number is ${first.display}.`)).toBeVisible();
  await expectAccessible(page);
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(second.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Code', { exact: true }).fill(await new Handset(handsetPage, second.e164).lastCode());
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: second.display })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: first.display })).toHaveCount(0);
  await expect(page.getByText(`Phone - text ${second.display}`)).toBeVisible();
});

test('an office phone at the number that is already the phone says it counts once for a reset', async ({ page, context, makeUser, expectAccessible }) => {
  const user = await makeUser({ policy: { limits: { resend_cooldown_seconds: 0 } } });
  const number = uniqueNlMobile();
  await signIn(page, user);
  const handsetPage = await context.newPage();
  await addPhoneByText(page, handsetPage, number);

  const wizard = await openWizard(page, 'officePhone');
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('status').filter({ hasText: 'This number is already your phone.' }))
    .toHaveText('This number is already your phone. You can add it here as well, but for password reset one number counts as one method.');
  await expectAccessible(page);
  const phone = new Handset(handsetPage, number.e164);
  await phone.answer();
  await phone.press('#');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Office phone' })).toContainText(number.display);
  // Counted as the reset counts it: one number, one method.
  await expect(page.getByText('Password reset: ready (1 method)')).toBeVisible();
});
