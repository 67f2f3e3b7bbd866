import { Page, expect } from '@playwright/test';
import type { Locale, User } from '../fixtures';
import { Handset } from './handset';
import { Mailbox } from './mailbox';
import { PHONE } from './phone-texts';
import { SecurityInfoPage } from './security-info-page';
import { SignInPage } from './sign-in-page';
import { totp } from './totp';

/** Signs in and waits for the Security info page. */
export async function signIn(page: Page, user: User, locale: Locale = 'en') {
  const signIn = new SignInPage(page, locale);
  await signIn.goto();
  await signIn.signIn(user);
  await expect(new SecurityInfoPage(page, locale).heading).toBeVisible();
}

/**
 * Opens Add method, picks the kind by its English label and goes on to its
 * wizard; returns the dialog. Every spec that adds a method starts here.
 */
export async function startAdding(page: Page, kind: string) {
  await page.getByRole('button', { name: 'Add method' }).click();
  await page.getByLabel('Which method would you like to add?').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  return page.getByRole('dialog');
}

/** Opens Add method and picks a phone kind in `locale`; returns the dialog. */
export async function openWizard(page: Page, kind: 'phone' | 'officePhone' = 'phone', locale: Locale = 'en') {
  const t = PHONE[locale];
  await page.getByRole('button', { name: t.addMethod }).click();
  const add = page.getByRole('dialog', { name: t.addTitle });
  await add.getByLabel(t.addLabel).selectOption({ label: t[kind] });
  await add.getByRole('button', { name: t.add, exact: true }).click();
  return page.getByRole('dialog');
}

/** Adds a phone by text, reading the code on the handset. */
export async function addPhoneByText(page: Page, handsetPage: Page, number: { national: string; e164: string; display: string }, locale: Locale = 'en') {
  const t = PHONE[locale];
  const dialog = await openWizard(page, 'phone', locale);
  await dialog.getByLabel(t.region).selectOption({ label: t.nlRegion });
  await dialog.getByLabel(t.number).fill(number.national);
  await dialog.getByRole('radio', { name: t.textMe }).check();
  await dialog.getByRole('button', { name: t.next }).click();
  await expect(dialog.getByText(t.sentTo(number.display))).toBeVisible();
  const code = await new Handset(handsetPage, number.e164).lastCode();
  await dialog.getByLabel(t.codeLabel, { exact: true }).fill(code);
  await dialog.getByRole('button', { name: t.next }).click();
  await expect(dialog.getByText(t.updated)).toBeVisible();
  await dialog.getByRole('button', { name: t.done }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Adds an authenticator app from its shown secret; returns the secret. */
export async function addAuthenticatorApp(page: Page): Promise<string> {
  await startAdding(page, 'Authenticator app');
  await page.getByRole('button', { name: "Can't scan image?" }).click();
  const secret = (await page.locator('code.secret').textContent())!;
  await page.getByLabel('Code', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return secret;
}

/** Adds an email address with the code from the dev mailbox (English UI). */
export async function addEmail(page: Page, inboxPage: Page, address: string) {
  await startAdding(page, 'Email');
  const wizard = page.getByRole('dialog', { name: 'Set up your email' });
  await wizard.getByLabel('Email', { exact: true }).fill(address);
  await wizard.getByRole('button', { name: 'Next' }).click();
  const { code } = await new Mailbox(inboxPage, address).lastMail();
  await wizard.getByLabel('Code', { exact: true }).fill(code);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** The answers `addSecurityQuestions` gives, by question id. */
export const ANSWERS: Record<string, string> = {
  'city-born': 'Den Haag',
  'first-pet': 'Minoes',
  'first-job': 'Paperboy',
};

/** Sets up three security questions (English UI). */
export async function addSecurityQuestions(page: Page) {
  await startAdding(page, 'Security questions');
  const wizard = page.getByRole('dialog', { name: 'Set up security questions' });
  const questions = ['In what city were you born?', 'What was the name of your first pet?', 'What was your first job?'];
  const answers = Object.values(ANSWERS);
  for (const [n, question] of questions.entries()) {
    await wizard.getByLabel(`Question ${n + 1}`).selectOption({ label: question });
    await wizard.getByLabel(`Answer ${n + 1}`).fill(answers[n]);
  }
  await wizard.getByRole('button', { name: 'Save' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Adds a passkey or security key named `name` (the browser's key answers; English UI). */
export async function addSecurityKey(page: Page, name: string) {
  await startAdding(page, 'Passkey or security key');
  const wizard = page.getByRole('dialog', { name: 'Set up a passkey or security key' });
  await wizard.getByLabel('Name', { exact: true }).fill(name);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
}
