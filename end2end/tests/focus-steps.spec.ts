import { Page } from '@playwright/test';
import { expect, test, uniqueNlMobile } from '../fixtures';
import { Handset } from '../pages/handset';
import { ANSWERS, signIn } from '../pages/security-info-flows';
import { SecurityInfoPage } from '../pages/security-info-page';
import { SignInPage } from '../pages/sign-in-page';
import { totp } from '../pages/totp';
import { addVirtualSecurityKey } from '../pages/virtual-authenticator';

/** Where focus is: it is never left on the page's body. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}` : 'body';
  });
}

const ADD = async (page: Page, label: string) => {
  await page.getByRole('button', { name: 'Add method' }).click();
  await expect(page.getByLabel('Which method would you like to add?')).toBeFocused();
  await page.getByLabel('Which method would you like to add?').selectOption({ label });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
};

// WCAG 2.4.3: after every step, focus is where the person must look next.
test('focus follows each step: sign-in, the phone wizard by text and by call, success, and the dialog closing', async ({ page, context, user }) => {
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(user);
  // The new page's heading, not the body.
  await expect(new SecurityInfoPage(page).heading).toBeFocused();

  const handsetPage = await context.newPage();
  const number = uniqueNlMobile();
  await ADD(page, 'Phone');
  const wizard = page.getByRole('dialog', { name: 'Set up your phone' });
  await expect(wizard.getByLabel('Country or Region')).toBeFocused();
  await wizard.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await wizard.getByLabel('Phone number').fill(number.national);
  await wizard.getByRole('button', { name: 'Next' }).click();
  // The code was sent: the code field.
  await expect(wizard.getByLabel('Code', { exact: true })).toBeFocused();
  await wizard.getByLabel('Code', { exact: true }).fill(await new Handset(handsetPage, number.e164).lastCode());
  await wizard.getByRole('button', { name: 'Next' }).click();
  // Success: the way on.
  await expect(wizard.getByRole('button', { name: 'Done' })).toBeFocused();
  await wizard.getByRole('button', { name: 'Done' }).click();
  // Back to what opened the dialog, drawn anew with the list.
  await expect(page.getByRole('button', { name: 'Add method' })).toBeFocused();

  // An office phone, by call: the calling step keeps focus inside the dialog.
  await ADD(page, 'Office phone');
  const office = page.getByRole('dialog', { name: 'Set up your office phone' });
  await office.getByLabel('Country or Region').selectOption({ label: 'Netherlands (+31)' });
  await office.getByLabel('Phone number').fill(uniqueNlMobile().national.replace('06 1', '020 '));
  await office.getByRole('button', { name: 'Next' }).click();
  await expect(office.getByText('Answer the call', { exact: false }).first()).toBeVisible();
  expect(await focused(page)).not.toBe('body');
  await expect(office.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Add method' })).toBeFocused();
});

test('focus follows each step of the app, questions and key wizards', async ({ page, makeUser }) => {
  const user = await makeUser({
    policy: {
      methods: [
        { kind: 'authenticator-app', mfa: true, sspr: true },
        { kind: 'security-questions', mfa: false, sspr: true },
        { kind: 'security-key', mfa: true, sspr: true },
      ],
    },
  });
  await addVirtualSecurityKey(page);
  await signIn(page, user);

  await ADD(page, 'Authenticator app');
  const app = page.getByRole('dialog', { name: 'Set up your authenticator app' });
  // The step begins with the way for whoever cannot scan, then the code.
  await expect(app.getByRole('button', { name: "Can't scan image?" })).toBeFocused();
  await app.getByRole('button', { name: "Can't scan image?" }).click();
  const secret = (await app.locator('code.secret').textContent())!;
  await app.getByLabel('Code', { exact: true }).fill(totp(secret));
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Back to what opened the dialog, drawn anew with the list.
  await expect(page.getByRole('button', { name: 'Add method' })).toBeFocused();

  await ADD(page, 'Security questions');
  const questions = page.getByRole('dialog', { name: 'Set up security questions' });
  await expect(questions.getByLabel('Question 1')).toBeFocused();
  const chosen = ['In what city were you born?', 'What was the name of your first pet?', 'What was your first job?'];
  for (const [n, question] of chosen.entries()) {
    await questions.getByLabel(`Question ${n + 1}`).selectOption({ label: question });
    await questions.getByLabel(`Answer ${n + 1}`).fill(Object.values(ANSWERS)[n]);
  }
  await questions.getByRole('button', { name: 'Save' }).click();
  await expect(questions.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Back to what opened the dialog, drawn anew with the list.
  await expect(page.getByRole('button', { name: 'Add method' })).toBeFocused();

  await ADD(page, 'Passkey or security key');
  const key = page.getByRole('dialog', { name: 'Set up a passkey or security key' });
  await expect(key.getByLabel('Name', { exact: true })).toBeFocused();
  await key.getByLabel('Name', { exact: true }).fill('Desk key');
  await key.getByRole('button', { name: 'Next' }).click();
  await expect(key.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Back to what opened the dialog, drawn anew with the list.
  await expect(page.getByRole('button', { name: 'Add method' })).toBeFocused();
});
