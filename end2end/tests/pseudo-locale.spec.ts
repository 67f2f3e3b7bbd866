import { Page } from '@playwright/test';
import { expect, test, uniqueNlMobile } from '../fixtures';
import { addAuthenticatorApp, addPhoneByText, signIn } from '../pages/security-info-flows';

/**
 * The pseudo-locale (`?lng=en-XA`): every message accented, about 40 %
 * longer and in brackets. A visible text that is not bracketed did not come
 * from locales/ (data — names, numbers, addresses, codes — is marked
 * `translate="no"`); a box that clips or overflows its text here will do so
 * with a long translation.
 */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('[translate="no"], option, script, style, [hidden]') || !visible(el)) continue;
      if (!(text.startsWith('[') && text.endsWith(']'))) found.push(`not from locales/: "${text}"`);
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('[hidden], option, svg') || !visible(el)) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      // Visually hidden text (for screen readers) is meant to be clipped.
      if (rect.width <= 1 || rect.height <= 1) continue;
      // Any box wider inside than outside: text (its own or its children's) sticks out.
      if (style.display === 'inline' || ['SELECT', 'INPUT', 'TEXTAREA', 'HTML', 'BODY'].includes(el.tagName)) continue;
      // What sticks out is seen: text hidden for screen readers (1 px) does not count.
      const sticksOut = () => Array.from(el.querySelectorAll('*')).some(child => {
        const box = child.getBoundingClientRect();
        return box.width > 1 && box.right > rect.right + 1;
      }) || el.scrollWidth > el.clientWidth + 1 && el.children.length === 0;
      if (el.scrollWidth > el.clientWidth + 1 && sticksOut()) found.push(`overflows its box: <${el.tagName.toLowerCase()} class="${el.className}"> "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    return found;
  });
}

async function check(page: Page, where: string) {
  await page.waitForTimeout(100);
  expect(await problems(page), where).toEqual([]);
}

for (const width of [1280, 360]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('every page and dialog in the pseudo-locale: all text from locales/, none clipped', async ({ page, context, makeUser }) => {
      test.setTimeout(90_000);
      await page.goto('/signin?lng=en-XA');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
      await expect(page.locator('h1')).toHaveText('[Šîgñ îñ ~~~]');
      await check(page, 'sign-in');
      // Known to be the pseudo-locale once the server has answered: the link keeps it.
      await expect(page.locator('.forgot a')).toHaveAttribute('href', '/reset-password?lng=en-XA');
      await page.locator('form button[type="submit"]').first().click();
      await expect(page.locator('.field-error').first()).toBeVisible();
      await check(page, 'sign-in with errors');
      await page.goto('/reset-password?lng=en-XA');
      await expect(page.locator('h1')).toBeVisible();
      await check(page, 'reset password');

      // Methods registered in English first, then every page in pseudo.
      const user = await makeUser({ admin: true, logo: true });
      await signIn(page, user);
      await addPhoneByText(page, await context.newPage(), uniqueNlMobile());
      await addAuthenticatorApp(page);
      await page.goto('/security-info?lng=en-XA');
      await expect(page.locator('.method-list > li')).toHaveCount(2);
      await check(page, 'security info');
      for (const path of ['/overview', '/password', '/admin/policy']) {
        await page.goto(`${path}?lng=en-XA`);
        await expect(page.locator('main h1')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await check(page, path);
      }

      await page.goto('/security-info?lng=en-XA');
      await page.locator('#account-menu-button').click();
      await check(page, 'account menu');
      await page.keyboard.press('Escape');
      if (width === 360) {
        await page.locator('.shell-nav-toggle').click();
        await check(page, 'navigation menu');
        await page.locator('.shell-nav-toggle').click();
      }

      // Each kind the Add method dialog offers: its wizard's first step.
      const addButton = page.locator('.card-header .button-primary');
      await addButton.click();
      await check(page, 'add method');
      const kinds = await page.locator('#add-method-kind option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value));
      await page.keyboard.press('Escape');
      for (const kind of kinds) {
        await addButton.click();
        await page.locator('#add-method-kind').selectOption(kind);
        await page.locator('.dialog button[type="submit"]').click();
        await expect(page.locator('.dialog h2')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await check(page, `${kind} wizard`);
        await page.keyboard.press('Escape');
        await expect(page.locator('.dialog')).toHaveCount(0);
      }
      await page.locator('.default-method button').click();
      await check(page, 'change default');
      await page.keyboard.press('Escape');
      await page.locator('.method-actions button').last().click();
      await check(page, 'delete');
      await page.keyboard.press('Escape');
      await page.locator('.sign-out-everywhere button').click();
      await check(page, 'sign out everywhere');
      await page.keyboard.press('Escape');

      // A new sign-in asks for a verification first: the step-up.
      await page.locator('#account-menu-button').click();
      await page.locator('.account-menu-sign-out').click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto('/signin?lng=en-XA');
      await page.locator('#account').fill(user.accountName);
      await page.locator('input[type="password"]').fill(user.password);
      await page.locator('form button[type="submit"]').first().click();
      await expect(page.locator('main h1')).not.toHaveText(/Šîgñ îñ/);
      await page.waitForLoadState('networkidle');
      await check(page, 'step-up');
    });
  });
}
