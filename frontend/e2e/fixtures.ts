import { test as base, expect, type Page } from '@playwright/test';
import { Api } from './api';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const password = 'demo-wachtwoord-2026';
export const shots = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });

/** check runs axe (WCAG 2.1 A + AA) and fails on any violation. */
export async function axe(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(report, `axe violations on ${name}`).toEqual([]);
}

/** screens takes full-page screenshots at 1280 and 360 px, and checks reflow down to 320 px. */
export async function screens(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 360, 320]) {
    await page.setViewportSize({ width, height: width < 400 ? 780 : 900 });
    // Nothing may scroll sideways down to 320 px (WCAG 1.4.10 reflow), except tables in their own scroll box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(1);
    if (width !== 320) await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** visit checks a screen: heading shown, document title, axe and screenshots. */
export async function visit(page: Page, name: string, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Even geduld' })).toHaveCount(0);
  await expect(page).toHaveTitle(/– Leerlus$/);
  await axe(page, name);
  await screens(page, name);
}

/** signIn signs in through the form and waits to leave the sign-in page. */
export async function signIn(page: Page, email: string, pw = password): Promise<void> {
  await page.goto('/aanmelden');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(pw);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).not.toHaveURL(/\/aanmelden/);
}

/** signOut uses the header button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

/** menu lists the names of the links in the main menu. */
export async function menu(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();
}

/**
 * watch collects the CSP violations and script errors of a page; every
 * test's own page is watched, and a test that opens another page watches
 * it too and expects the list to stay empty.
 */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

/** Account is a person the test made, who signs in with the shared password. */
export interface Account {
  id: string;
  email: string;
  name: string;
}

/**
 * filterAudit narrows the audit log (Beheer → Logboek) and applies the
 * filter: by who (searched by name, then chosen) and by what happened (an
 * action's code or its words; '' for all).
 */
export async function filterAudit(page: Page, { who, action }: { who?: Account; action?: string }): Promise<void> {
  if (who) {
    await page.getByLabel('Zoek een persoon').fill(who.name);
    const select = page.getByLabel('Wie', { exact: true });
    await expect(select.locator('option', { hasText: who.name })).toHaveCount(1);
    await select.selectOption({ label: `${who.name} (${who.email})` });
  }
  if (action !== undefined) await page.getByLabel('Wat gebeurde er').selectOption(action);
  await page.getByRole('button', { name: 'Filteren' }).click();
}

/** Network is a fresh learning network made for one test, with a facilitator. */
export interface Network {
  id: string;
  name: string;
  workplaceName: string;
  facilitator: Account;
  /** invite invites someone over the API and answers the invitation's token. */
  invite(email: string, role?: string, perspective?: string): Promise<{ id: string; token: string }>;
  /** addMember invites and accepts a new account into the network, with the given role. */
  addMember(label: string, role?: string, perspective?: string): Promise<Account>;
}

const friesland = 'Kenniswerkplaats Jeugd Friesland';

interface Fixtures {
  guard: void;
  /** unique is a short text no other test (or repeat) uses: for names and e-mail addresses. */
  unique: string;
  /** admin is the demo administrator, signed in over the API. */
  admin: Api;
  /** network is a fresh network in the Friesland workplace with its own facilitator. */
  network: Network;
}

let counter = 0;

export const test = base.extend<Fixtures>({
  // Every test fails on CSP violations and script errors in the page.
  guard: [
    async ({ page }, use) => {
      const problems = watch(page);
      await use();
      expect(problems, 'CSP violations or script errors').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern
  unique: async ({}, use, info) => {
    counter += 1;
    await use(`${Date.now().toString(36)}${info.workerIndex}${info.repeatEachIndex}${counter}`);
  },
  // eslint-disable-next-line no-empty-pattern
  admin: async ({}, use) => {
    const api = await Api.signIn('admin@leerlus.demo', password);
    await use(api);
    await api.dispose();
  },
  network: async ({ admin, unique }, use) => {
    const workplaces = await admin.get<{ items: { id: string; name: string }[] }>('/api/v1/workplaces?limit=200');
    const workplace = workplaces.items.find((w) => w.name === friesland);
    if (!workplace) throw new Error(`no workplace ${friesland}`);
    const name = `Testnetwerk ${unique}`;
    const created = await admin.post<{ id: string }>(`/api/v1/workplaces/${workplace.id}/networks`, {
      name,
      description: 'Gemaakt door een browsertest.',
    });
    const opened: Api[] = [];
    const invite = (email: string, role = 'member', perspective = 'professional') =>
      admin.post<{ id: string; token: string }>(`/api/v1/networks/${created.id}/invitations`, { email, role, perspective });
    const addMember = async (label: string, role = 'member', perspective = 'professional'): Promise<Account> => {
      const email = `${label.toLowerCase()}-${unique}@leerlus.demo`;
      const name = `${label} ${unique}`;
      const { token } = await invite(email, role, perspective);
      const api = await Api.accept(token, name, password);
      opened.push(api);
      return { id: api.person.id, email, name };
    };
    const facilitator = await addMember('Fien', 'facilitator', 'professional');
    await use({ id: created.id, name, workplaceName: friesland, facilitator, invite, addMember });
    for (const api of opened) await api.dispose();
  },
});

export { expect, Api };
