import { Browser } from '@playwright/test';
import type { User } from '../fixtures';
import { SignInPage } from './sign-in-page';

/**
 * Another browser: a context of its own (English, nothing stored, no
 * cookie of the first), in which `user` signs in with their password.
 * Where it lands is the test's to check. Close `context` when done.
 */
export async function anotherBrowserSignedIn(browser: Browser, user: User) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user);
  return { context, page };
}
