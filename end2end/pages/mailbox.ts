import { Page, expect } from '@playwright/test';

/**
 * The dev mailbox (/dev/mailbox): reads the emails sent to one address the
 * way its owner would read their inbox.
 */
export class Mailbox {
  constructor(private readonly page: Page, private readonly address: string) {}

  async open() {
    await this.page.goto(`/dev/mailbox?address=${encodeURIComponent(this.address)}`);
  }

  /** The subject and body of the newest email (waits for it to arrive). */
  async lastMail(): Promise<{ subject: string; body: string; code: string }> {
    let mail = { subject: '', body: '', code: '' };
    await expect(async () => {
      await this.open();
      const item = this.page.locator('li.mail').first();
      const subject = (await item.locator('.subject').textContent({ timeout: 1000 })) ?? '';
      const body = (await item.locator('.body').textContent({ timeout: 1000 })) ?? '';
      const match = body.match(/\b(\d{6})\b/);
      expect(match, 'an email with a code').not.toBeNull();
      mail = { subject, body, code: match![1] };
    }).toPass({ timeout: 10_000 });
    return mail;
  }

  /** The newest email that carries a link to `path` on this site, and
   * the link (waits for it to arrive). */
  async lastLink(path: string): Promise<{ subject: string; body: string; link: string }> {
    let mail = { subject: '', body: '', link: '' };
    await expect(async () => {
      await this.open();
      const item = this.page.locator('li.mail').first();
      const subject = (await item.locator('.subject').textContent({ timeout: 1000 })) ?? '';
      const body = (await item.locator('.body').textContent({ timeout: 1000 })) ?? '';
      const link = body.split(/\s+/).find((word) => word.includes(path));
      expect(link, `an email with a link to ${path}`).toBeDefined();
      mail = { subject, body, link: link! };
    }).toPass({ timeout: 10_000 });
    return mail;
  }
}
