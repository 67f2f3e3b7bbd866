import { Page } from '@playwright/test';
import type { Locale } from '../fixtures';
import { TEXT } from './texts';

export class SecurityInfoPage {
  constructor(private readonly page: Page, private readonly locale: Locale = 'en') {}

  get heading() { return this.page.getByRole('heading', { level: 1, name: TEXT[this.locale].securityInfo }); }
  get noMethods() { return this.page.getByText(TEXT[this.locale].noMethods); }
  get defaultMethod() { return this.page.getByText(TEXT[this.locale].defaultMethod); }
  get signOut() { return this.page.getByRole('button', { name: TEXT[this.locale].signOut, exact: true }); }
  get language() { return this.page.getByLabel(TEXT[this.locale].language); }
}
