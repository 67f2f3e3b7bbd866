import { Page, expect } from '@playwright/test';

/**
 * The simulated carrier's test handset (/dev/handset): reads texts, answers
 * calls and presses keys the way a person with the phone would.
 */
export class Handset {
  constructor(private readonly page: Page, private readonly e164: string) {}

  async open() {
    await this.page.goto(`/dev/handset?number=${encodeURIComponent(this.e164)}`);
  }

  /** The 6-digit code of the newest text (waits for it to arrive). */
  async lastCode(): Promise<string> {
    let code = '';
    await expect(async () => {
      await this.open();
      const body = await this.page.locator('li.text .body').first().textContent({ timeout: 1000 });
      const match = body?.match(/\b(\d{6})\b/);
      expect(match, 'a text with a code').not.toBeNull();
      code = match![1];
    }).toPass({ timeout: 10_000 });
    return code;
  }

  /** How many texts the number has had. */
  async textCount(): Promise<number> {
    await this.open();
    return this.page.locator('li.text').count();
  }

  /** The 6-digit code of the newest text once the number has had more
   * than `seen` texts: not an earlier one still on top while the new text
   * is on its way. */
  async newCode(seen: number): Promise<string> {
    await expect(async () => {
      expect(await this.textCount(), 'a new text').toBeGreaterThan(seen);
    }).toPass({ timeout: 10_000 });
    return this.lastCode();
  }

  /** The body of the newest text. */
  async lastText(): Promise<string> {
    await this.open();
    return (await this.page.locator('li.text .body').first().textContent()) ?? '';
  }

  /** Waits for the call to ring, then answers it once (a retried click
   * could land after the answer went through, when nothing rings any more). */
  async answer() {
    const answer = this.page.getByRole('button', { name: 'Answer' }).first();
    await expect(async () => {
      await this.open();
      await expect(answer).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await answer.click();
  }

  /** What the call says once answered. */
  async script(): Promise<string> {
    return (await this.page.locator('.script').first().textContent()) ?? '';
  }

  async press(key: string) {
    await this.page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: key, exact: true }).click();
  }

  async hangUp() {
    await this.page.getByRole('button', { name: 'Hang up' }).first().click();
  }
}
