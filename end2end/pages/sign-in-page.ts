import { Page } from '@playwright/test';
import type { Locale, User } from '../fixtures';
import { TEXT } from './texts';

/** The sign-in page, found by roles and names in the given language. */
export class SignInPage {
  constructor(private readonly page: Page, private readonly locale: Locale = 'en') {}

  get heading() { return this.page.getByRole('heading', { level: 1, name: TEXT[this.locale].signIn }); }
  get account() { return this.page.getByLabel(TEXT[this.locale].account, { exact: true }); }
  get password() { return this.page.getByLabel(TEXT[this.locale].password, { exact: true }); }
  get submit() { return this.page.getByRole('button', { name: TEXT[this.locale].signIn, exact: true }); }
  get alert() { return this.page.getByRole('alert'); }

  async goto(query = '') {
    await this.page.goto(`/signin${query}`);
    await this.heading.waitFor();
  }

  async signIn(user: Pick<User, 'accountName' | 'password'>) {
    await this.account.fill(user.accountName);
    await this.password.fill(user.password);
    await this.submit.click();
  }
}
