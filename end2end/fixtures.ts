import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Page, test as base, expect } from '@playwright/test';

export { expect };

export type Locale = 'en' | 'nl-NL' | 'sv-SE';
export const LOCALES: Locale[] = ['en', 'nl-NL', 'sv-SE'];

export interface User {
  accountName: string;
  password: string;
  displayName: string;
}

/** Calls the API the way the client does: CSRF token from /api/session, our Origin. */
export async function api(request: APIRequestContext, baseURL: string, method: string, url: string, data?: unknown) {
  const session = await request.get('/api/session');
  const { csrf_token } = await session.json();
  const response = await request.fetch(url, {
    method,
    data,
    headers: { origin: baseURL, 'x-csrf-token': csrf_token },
  });
  return response;
}

/** An organization's logo for tests that show one. */
export const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0e7a6d"/><path d="M21.6 11.2a7.4 7.4 0 1 0 0 9.6" fill="none" stroke="#fff" stroke-width="3.6" stroke-linecap="round"/></svg>';

interface Fixtures {
  /** Creates a user for this test only; removed when the test ends. */
  makeUser: (options?: {
    displayName?: string; locale?: Locale; policy?: Record<string, unknown>;
    /** Join this user's organization (and policy) instead of a new one. */
    organizationOf?: User; admin?: boolean;
    /** Give the new organization a logo (shown in the header). */
    logo?: boolean;
  }) => Promise<User>;
  /** Expires the user's open codes and calls (instead of waiting ten minutes). */
  expireChallenges: (user: User) => Promise<void>;
  /** A fresh user of this test. */
  user: User;
  /** Fails on any axe violation of WCAG 2 A/AA on the page as it is now. */
  expectAccessible: (page: Page) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  makeUser: async ({ request, baseURL }, use) => {
    const created: string[] = [];
    await use(async (options = {}) => {
      const id = Math.random().toString(36).slice(2, 10);
      const user: User = {
        accountName: `e2e-${id}@contoso.example`,
        password: `Pw-${id}-Secret`,
        displayName: options.displayName ?? `Test User ${id}`,
      };
      const response = await api(request, baseURL!, 'POST', '/api/test/users', {
        account_name: user.accountName,
        password: user.password,
        display_name: user.displayName,
        locale: options.locale ?? null,
        // An organization of the test's own; registration is not enforced
        // and two-step sign-in is off unless the test asks for it (most
        // tests sign in with a password to reach what they are about, the
        // step-up among it).
        // Every test sends from 127.0.0.1, so the per-address sending limit
        // would be shared by the whole run: lift it unless a test sets it.
        policy: {
          registration_required: 0,
          two_step_sign_in: false,
          ...(options.policy ?? {}),
          limits: { per_address: 100000, ...((options.policy?.limits as object) ?? {}) },
        },
        organization_of: options.organizationOf?.accountName ?? null,
        is_admin: options.admin ?? false,
        logo_svg: options.logo ? LOGO : null,
      });
      expect(response.status(), await response.text()).toBe(201);
      created.push(user.accountName);
      return user;
    });
    for (const account of created) {
      const response = await api(request, baseURL!, 'DELETE', `/api/test/users/${encodeURIComponent(account)}`);
      expect(response.status()).toBe(204);
    }
  },

  expireChallenges: async ({ request, baseURL }, use) => {
    await use(async (user: User) => {
      const response = await api(request, baseURL!, 'POST', `/api/test/users/${encodeURIComponent(user.accountName)}/expire-challenges`);
      expect(response.status()).toBe(204);
    });
  },

  user: async ({ makeUser }, use) => {
    await use(await makeUser());
  },

  expectAccessible: async ({}, use) => {
    await use(async (page: Page) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
      expect(summary, 'axe violations').toEqual([]);
    });
  },

  page: async ({ page }, use) => {
    // Every test also proves that the CSP blocks nothing of our own (S23).
    const violations: string[] = [];
    await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', e => {
        (window as any).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    // ...and that the client never panics (a panic stops its async tasks).
    const panics: string[] = [];
    // ...and that every text it shows is a message it carries.
    const missing: string[] = [];
    page.on('console', message => {
      if (message.type() === 'error' && /no message `/.test(message.text())) missing.push(message.text());
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      if (message.type() === 'error' && /panicked at/.test(message.text())) panics.push(message.text().split('\n')[0]);
    });
    await use(page);
    expect(violations, 'CSP violations').toEqual([]);
    expect(panics, 'client panics').toEqual([]);
    expect(missing, 'messages shown by their ids').toEqual([]);
  },
});

/** A Dutch mobile number nobody else in this run uses: national and E.164. */
export function uniqueNlMobile(): { national: string; e164: string; display: string } {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return { national: `06 1${digits}`, e164: `+3161${digits}`, display: `+31 61${digits}` };
}

/** A Swedish mobile number: national and E.164. */
export function uniqueSeMobile(): { national: string; e164: string; display: string } {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return { national: `070-${digits}`, e164: `+4670${digits}`, display: `+46 70${digits}` };
}
