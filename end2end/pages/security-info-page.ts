import { Page } from '@playwright/test';
import type { Locale } from '../fixtures';
import { TEXT } from './texts';

export class SecurityInfoPage {
  constructor(private readonly page: Page, private readonly locale: Locale = 'en') {}

  get heading() { return this.page.getByRole('heading', { level: 1, name: TEXT[this.locale].securityInfo }); }
  get noMethods() { return this.page.getByText(TEXT[this.locale].noMethods); }
  get defaultMethod() { return this.page.getByText(TEXT[this.locale].defaultMethod); }
  /** The header's account button (its name: the person's name, then "account menu"). */
  get accountButton() { return this.page.getByRole('banner').getByRole('button', { name: TEXT[this.locale].accountMenu }); }
  get navigation() { return this.page.getByRole('navigation', { name: TEXT[this.locale].navigation }); }

  /** Opens the account menu (unless it is open) and signs out there. */
  async signOut() {
    await this.openAccountMenu();
    await this.page.getByRole('button', { name: TEXT[this.locale].signOut, exact: true }).click();
  }

  /** Opens the account menu and picks a language there. */
  async chooseLanguage(label: string) {
    await this.openAccountMenu();
    await this.page.getByLabel(TEXT[this.locale].language).selectOption({ label });
  }

  async openAccountMenu() {
    if ((await this.accountButton.getAttribute('aria-expanded')) !== 'true') await this.accountButton.click();
  }
}
