import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';

const root = join(__dirname, '..', '..', '..', '..');
/** Where each view's screenshot goes (gitignored with tmp/). */
export const screenshotsFolder = join(root, 'tmp', 'dashboard', 'screenshots');

export function baseUrl(): string {
  const url = process.env.SALESOS_DASHBOARD_URL;
  if (url === undefined) throw new Error('The platform was not started: run through playwright.config.ts');
  return url;
}

/** The reports as the API answers them to a demo user: the figures the dashboard must show. */
export class ReportsApi {
  private readonly tokens = new Map<string, string>();

  async token(userId: string): Promise<string> {
    const known = this.tokens.get(userId);
    if (known !== undefined) return known;
    const response = await fetch(`${baseUrl()}/demo/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(userId, token);
    return token;
  }

  async answer(userId: string, path: string, division?: string): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token(userId)}` };
    if (division !== undefined) headers['X-Division-Id'] = division;
    const response = await fetch(`${baseUrl()}${path}`, { headers });
    return { status: response.status, body: await response.json() };
  }

  async get<T>(userId: string, path: string, division?: string): Promise<T> {
    const { status, body } = await this.answer(userId, path, division);
    expect(status, `${path} as ${userId}`).toBe(200);
    return body as T;
  }
}

export interface Dashboard {
  page: Page;
  /** Opens `/` and signs in as a demo user, as a person would: their button on the sign-in page. */
  signIn(userId: string): Promise<void>;
  /** Waits until no panel of the page is loading any more. */
  settled(): Promise<void>;
  /** A console error the test provokes on purpose (a refusal the page then explains in words). */
  allowConsoleError(pattern: RegExp): void;
  screenshot(name: string): Promise<void>;
  /** axe-core finds no serious or critical violation on the page as it is. */
  expectAccessible(): Promise<void>;
}

export const test = base.extend<{ dashboard: Dashboard; reports: ReportsApi }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  reports: async ({}, use) => {
    await use(new ReportsApi());
  },
  dashboard: async ({ page }, use) => {
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    const dashboard: Dashboard = {
      page,
      async signIn(userId) {
        await page.goto(`${baseUrl()}/`);
        await page.getByRole('button', { name: userId, exact: true }).click();
        await expect(page.locator('.panels')).toBeVisible();
        await dashboard.settled();
      },
      async settled() {
        await expect(page.locator('main')).not.toHaveAttribute('data-state', 'loading');
        await expect(page.locator('.panel[data-state="loading"]')).toHaveCount(0);
      },
      allowConsoleError(pattern) {
        allowed.push(pattern);
      },
      async screenshot(name) {
        await page.screenshot({ path: join(screenshotsFolder, `${name}.png`), fullPage: true });
      },
      async expectAccessible() {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        expect(serious).toEqual([]);
      },
    };
    await use(dashboard);
    expect(errors.filter((error) => !allowed.some((pattern) => pattern.test(error)))).toEqual([]);
  },
});

export { expect };
