import type { Browser, Page } from '@playwright/test';
import { test, expect, axe, screens, visit, signIn, signOut, menu, password, filterAudit, Api } from './fixtures';

// Every test makes the data it changes (fixtures in fixtures.ts), so the
// tests run in any order and in parallel; the demo data is only read.
const friesland = 'Leren van praktijkervaringen in de hulpverlening';

async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'nl-NL' });
  return ctx.newPage();
}

test('sign-in page: errors, wrong password, skip link and language', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/aanmelden\?next=%2F$/);
  await visit(page, 'sign-in', 'Aanmelden');

  // The server sends the strict CSP; the guard fixture fails on any violation.
  const response = await page.goto('/aanmelden');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['cache-control']).toBe('no-cache');

  // On a fresh load the skip link is the first thing the keyboard reaches.
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ga direct naar de inhoud' })).toBeFocused();

  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const summary = page.locator('.leerlus-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'E-mailadres: Vul je e-mailadres in.' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await visit(page, 'sign-in-errors', 'Aanmelden');

  await page.getByLabel('E-mailadres').fill('lid@leerlus.demo');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();

  await page.getByLabel('Laat het wachtwoord zien').check();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute('type', 'text');

  await page.getByRole('button', { name: 'Change the language to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await axe(page, 'sign-in-en');
  await screens(page, 'sign-in-en');
  await page.getByRole('button', { name: 'Verander de taal naar Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

const roles = [
  {
    who: 'admin',
    email: 'admin@leerlus.demo',
    lands: /\/$/,
    heading: /^Welkom/,
    menu: ['Kenniswerkplaatsen', 'Mensen', 'Logboek', 'Anonimiseerder', 'Mijn account'],
  },
  {
    who: 'facilitator',
    email: 'facilitator@leerlus.demo',
    lands: /\/netwerk\/[^/]+$/,
    heading: friesland,
    menu: ['Start van dit netwerk', 'Casussen', 'Casussen controleren', 'Verbeteracties', 'Deelnemers', 'Uitnodigingen', 'Mijn account'],
  },
  {
    who: 'lid',
    email: 'lid@leerlus.demo',
    lands: /\/netwerk\/[^/]+$/,
    heading: friesland,
    menu: ['Start van dit netwerk', 'Casussen', 'Verbeteracties', 'Mijn account'],
  },
  {
    who: 'onderzoeker',
    email: 'onderzoeker@leerlus.demo',
    lands: /\/$/,
    heading: /^Welkom/,
    menu: ['Onderzoek', 'Mijn account'],
  },
  {
    who: 'manager',
    email: 'manager@leerlus.demo',
    lands: /\/netwerk\/[^/]+$/,
    heading: 'Leernetwerk Integraal werken',
    menu: ['Start van dit netwerk', 'Casussen', 'Verbeteracties', 'Mijn account'],
  },
  {
    who: 'wissel',
    email: 'wissel@leerlus.demo',
    lands: /\/$/,
    heading: /^Welkom/,
    menu: ['Mijn account'],
  },
];

for (const r of roles) {
  test(`signs in as ${r.who} and sees only what that role may do`, async ({ page }) => {
    await signIn(page, r.email);
    await expect(page).toHaveURL(r.lands);
    await visit(page, `home-${r.who}`, r.heading);
    expect(await menu(page)).toEqual(r.menu);
    await signOut(page);
  });
}

test('network switcher: wissel is facilitator in one network and member in another', async ({ page }) => {
  await signIn(page, 'wissel@leerlus.demo');
  const switcher = page.getByLabel('Leernetwerk', { exact: true });
  const options = await switcher.locator('option').allInnerTexts();
  expect(options.some((o) => o.endsWith('jij bent facilitator'))).toBe(true);
  expect(options.some((o) => o.endsWith('jij bent lid'))).toBe(true);

  const facilitatorOption = await switcher.locator('option', { hasText: 'jij bent facilitator' }).getAttribute('value');
  const memberOption = await switcher.locator('option', { hasText: 'jij bent lid' }).getAttribute('value');
  await switcher.selectOption(facilitatorOption!);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(new RegExp(`/netwerk/${facilitatorOption}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await menu(page)).toContain('Deelnemers');

  await switcher.selectOption(memberOption!);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(new RegExp(`/netwerk/${memberOption}$`));
  expect(await menu(page)).not.toContain('Deelnemers');
  await visit(page, 'network-home-wissel', /.+/);

  // A member who types the address of the members page gets a plain "no access".
  await page.goto(`/netwerk/${memberOption}/leden`);
  await visit(page, 'not-allowed', 'Geen toegang');
});

test('facilitator invites someone; they accept in a second browser', async ({ page, browser, network, unique }) => {
  const invitee = `nieuw-${unique}@leerlus.demo`;
  const noor = `Noor Nieuw ${unique}`;
  await signIn(page, network.facilitator.email);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Uitnodigingen' }).click();
  await visit(page, 'invitations', /^Uitnodigingen voor/);

  // Empty form: error summary with links to the fields.
  await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await expect(page.locator('.leerlus-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: /^Perspectief: Kies een perspectief/ })).toBeVisible();

  await page.getByLabel('E-mailadres').fill(invitee);
  await page.getByLabel('Rol').selectOption('member');
  await page.getByLabel('Perspectief').selectOption('jongere');
  await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const link = page.getByLabel('Link om te accepteren');
  await expect(link).toHaveValue(/\/uitnodiging\/.+/);
  const acceptUrl = await link.inputValue();
  await expect(page.getByRole('button', { name: 'Kopiëren' })).toBeVisible();
  await screens(page, 'invitation-created');
  await axe(page, 'invitation-created');
  await expect(page.getByRole('row', { name: new RegExp(invitee) })).toContainText('Wacht op antwoord');

  // The invited person opens the link in a fresh browser.
  const other = await newPage(browser);
  await other.goto(acceptUrl);
  await visit(other, 'accept-invitation', 'Uitnodiging');
  await expect(other.getByText(`Je bent uitgenodigd voor het leernetwerk ${network.name}`)).toBeVisible();
  await other.getByRole('button', { name: 'Account maken en meedoen' }).click();
  await expect(other.getByRole('link', { name: 'Naam: Vul je naam in.' })).toBeVisible();
  await other.getByLabel('Naam').fill(noor);
  await other.getByLabel('Wachtwoord', { exact: true }).fill('een-lange-zin-als-wachtwoord');
  await other.getByRole('button', { name: 'Account maken en meedoen' }).click();
  await expect(other).toHaveURL(/\/netwerk\/[^/]+$/);
  await expect(other.getByRole('heading', { level: 1, name: network.name })).toBeVisible();
  await expect(other.getByText(`Aangemeld als ${noor}`)).toBeVisible();
  await other.context().close();

  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(invitee) })).toContainText('Geaccepteerd');

  // A second invitation is withdrawn.
  const withdrawn = `ingetrokken-${unique}@leerlus.demo`;
  await page.getByLabel('E-mailadres').fill(withdrawn);
  await page.getByLabel('Perspectief').selectOption('ouder');
  await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await expect(page.getByLabel('Link om te accepteren')).toBeVisible();
  await page.getByRole('button', { name: `Uitnodiging voor ${withdrawn} intrekken` }).click();
  await page.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`ingetrokken-${unique}`) })).toContainText('Ingetrokken');

  // The new member is in the members list; the facilitator changes their perspective.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Deelnemers' }).click();
  await visit(page, 'members', /^Deelnemers van/);
  await page.getByRole('button', { name: `${noor} wijzigen` }).click();
  await page.getByLabel('Perspectief').selectOption('ouder');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('row', { name: new RegExp(noor) })).toContainText('ouder');
});

test('a member creates, copies and revokes a personal access token', async ({ page, unique }) => {
  const tokenName = `e2e-sleutel-${unique}`;
  await signIn(page, 'lid@leerlus.demo');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Mijn account' }).click();
  await visit(page, 'account', 'Mijn account');

  // Tokens sit under "Geavanceerd", closed at first.
  await expect(page.getByLabel('Naam van de sleutel')).toBeHidden();
  await page.getByText('Toegangssleutels voor programma’s').click();
  await page.getByLabel('Naam van de sleutel').fill(tokenName);
  await page.getByLabel('Aantal dagen geldig').fill('30');
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  const secret = page.getByLabel('Je nieuwe sleutel');
  await expect(secret).not.toHaveValue('');
  const value = await secret.inputValue();
  expect(value.length).toBeGreaterThan(20);
  await screens(page, 'token-created');
  await axe(page, 'token-created');

  // The secret works as a bearer token on the API.
  const res = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${value}` } });
  expect(res.status()).toBe(200);

  const row = page.getByRole('row', { name: new RegExp(tokenName) });
  await expect(row).toContainText('Werkt');
  await row.getByRole('button', { name: `Sleutel ${tokenName} intrekken` }).click();
  await page.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(row).toContainText('Ingetrokken');

  // Wrong current password: the error shows beside the field.
  await page.getByLabel('Je wachtwoord nu').fill('dit-is-niet-goed-123');
  await page.getByLabel('Nieuw wachtwoord').fill('nog-een-lange-zin-om-te-testen');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.locator('.leerlus-error-summary')).toBeVisible();
  await expect(page.getByLabel('Je wachtwoord nu')).toHaveAccessibleDescription(/Dit is niet je wachtwoord van nu/);
  await axe(page, 'account-password-error');
});

test('admin screens, and the audit log shows invitations and tokens', async ({ page, network }) => {
  // The network fixture invited its facilitator, who accepted; they now make and revoke a token.
  const fac = await Api.signIn(network.facilitator.email, password);
  const token = await fac.post<{ id: string }>('/api/v1/me/tokens', { name: 'audit-test', expires_in_days: 1 });
  await fac.call('DELETE', `/api/v1/me/tokens/${token.id}`);
  await fac.dispose();

  await signIn(page, 'admin@leerlus.demo');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Kenniswerkplaatsen' }).click();
  await visit(page, 'workplaces', 'Kenniswerkplaatsen');
  for (const name of ['Kenniswerkplaats Jeugd Friesland', 'SAMEN', 'C4Youth']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Kenniswerkplaats Jeugd Friesland' }).click();
  await visit(page, 'workplace-detail', 'Kenniswerkplaats Jeugd Friesland');
  await page.getByRole('link', { name: `${friesland} wijzigen` }).click();
  await visit(page, 'network-edit', `${friesland} wijzigen`);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Mensen' }).click();
  await visit(page, 'people', 'Mensen');
  await page.getByLabel('Zoeken').fill('lid@leerlus');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('row', { name: /Lotte Lid/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Anna Beheer/ })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Logboek' }).click();
  await visit(page, 'audit', 'Logboek');
  for (const action of ['invitation.created', 'invitation.accepted', 'token.created', 'token.revoked']) {
    await filterAudit(page, { action });
    await expect(page.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
    await expect(page.locator(`tbody tr:not([data-action="${action}"])`)).toHaveCount(0);
  }
  // Rows speak Dutch and name who and what, not codes and ids. Tests in
  // parallel revoke tokens too: the row is this test's own token.
  const revoked = page.locator('tr[data-action="token.revoked"]', { hasText: 'sleutel: audit-test' }).first();
  await expect(revoked).toContainText('sleutel ingetrokken');
  await expect(revoked).toContainText('sleutel: audit-test');
  await expect(revoked).toContainText(network.facilitator.name);
  await expect(revoked).not.toContainText('token.revoked');

  // The people filter searches instead of listing everyone.
  await filterAudit(page, { who: network.facilitator, action: '' });
  await expect(page.locator('tbody tr').first()).toContainText(network.facilitator.name);
  await axe(page, 'audit-person-filter');
  await screens(page, 'audit-filtered');
});

test('unknown pages say so', async ({ page }) => {
  await signIn(page, 'lid@leerlus.demo');
  await page.goto('/bestaat-niet');
  await visit(page, 'not-found', 'Pagina niet gevonden');
  // Direct admin URLs are refused plainly for members.
  await page.goto('/beheer/logboek');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});
