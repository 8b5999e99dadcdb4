import { test, expect, axe, signIn, password } from './fixtures';

test('a facilitator makes a reset link; the member chooses a new password with it and signs in', async ({ page, browser, network }) => {
  const member = await network.addMember('Vergeten');
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}/leden`);
  await page.getByRole('button', { name: `Maak een herstel-link voor het wachtwoord van ${member.name}` }).click();
  const box = page.getByLabel('Link om een nieuw wachtwoord te kiezen');
  await expect(box).toBeVisible();
  const link = await box.inputValue();
  expect(link).toMatch(/\/wachtwoord-herstellen\/[\w-]+$/);
  await axe(page, 'members-reset-link');

  // The member opens the link in their own browser.
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'nl-NL' });
  const theirs = await ctx.newPage();
  await theirs.goto(new URL(link).pathname);
  await expect(theirs.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await expect(theirs.getByText(`account van ${member.name}`)).toBeVisible();
  await axe(theirs, 'reset-password');
  const fresh = `${password}-nieuw`;
  await theirs.getByLabel('Nieuw wachtwoord').fill(fresh);
  await theirs.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(theirs.getByText(/Je nieuwe wachtwoord is opgeslagen/)).toBeVisible();
  await theirs.getByRole('link', { name: 'Naar aanmelden' }).click();
  await signIn(theirs, member.email, fresh);
  await expect(theirs.getByRole('heading', { level: 1, name: network.name })).toBeVisible();

  // The link works once.
  await theirs.goto(new URL(link).pathname);
  await expect(theirs.getByText(/Deze link werkt niet meer/)).toBeVisible();
  await ctx.close();
});
