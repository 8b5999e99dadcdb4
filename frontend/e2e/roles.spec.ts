import { test, expect, axe, signIn, menu } from './fixtures';

test('a facilitator cannot demote herself as the last facilitator; with two she can, after a question', async ({ page, network }) => {
  const fien = network.facilitator;
  await signIn(page, fien.email);
  await page.goto(`/netwerk/${network.id}/leden`);
  await page.getByRole('button', { name: `${fien.name} wijzigen` }).click();
  const role = page.getByLabel('Rol');
  await expect(role).toHaveAccessibleDescription(/enige facilitator/);
  await role.selectOption('member');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  // Changing your own role asks first.
  await expect(page.getByRole('group', { name: /Je verandert je eigen rol in lid/ })).toBeVisible();
  await page.getByRole('button', { name: 'Ja, mijn rol wijzigen' }).click();
  // The server keeps the last facilitator.
  await expect(page.locator('.leerlus-error-summary')).toBeFocused();
  await expect(role).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: /^Rol: Dit is de enige facilitator/ })).toBeVisible();
  await axe(page, 'members-last-facilitator');

  // With a second facilitator the change goes through, and the page follows.
  await network.addMember('Frits', 'facilitator');
  await page.reload();
  await page.getByRole('button', { name: `${fien.name} wijzigen` }).click();
  await page.getByLabel('Rol').selectOption('member');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('button', { name: 'Ja, mijn rol wijzigen' }).click();
  await expect(page).toHaveURL(new RegExp(`/netwerk/${network.id}$`));
  await expect(page.getByText('Je rol is gewijzigd. Jij bent hier nu lid.')).toBeVisible();
  const switcher = page.getByLabel('Leernetwerk', { exact: true });
  await expect(switcher.locator('option', { hasText: network.name })).toHaveText(/jij bent lid$/);
  expect(await menu(page)).not.toContain('Deelnemers');
  await axe(page, 'network-home-role-changed');
});

test('removing the last facilitator is refused with a plain reason', async ({ page, network }) => {
  await signIn(page, 'admin@leerlus.demo');
  await page.goto(`/netwerk/${network.id}/leden`);
  await page.getByRole('button', { name: `${network.facilitator.name} uit het netwerk halen` }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('alert')).toContainText('is de enige facilitator van dit netwerk');
  await expect(page.locator('tbody tr', { hasText: network.facilitator.name })).toBeVisible();
});

test('an admin disables an account and grants admin rights only after a question, and is told the outcome', async ({ page, network }) => {
  const dirk = await network.addMember('Dirk');
  await signIn(page, 'admin@leerlus.demo');
  await page.goto('/beheer/mensen');
  await page.getByLabel('Zoeken').fill(dirk.email);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const row = page.locator('tbody tr', { hasText: dirk.name });
  await expect(row).toContainText('Aan');

  await row.getByRole('button', { name: `Account van ${dirk.name} uitzetten` }).click();
  await expect(row).toContainText('Aan'); // nothing happened yet
  await row.getByRole('group', { name: /echt uitzetten/ }).getByRole('button', { name: 'Ja, uitzetten' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Het account van ${dirk.name} is uitgezet.` })).toBeVisible();
  await expect(row).toContainText('Uitgezet');

  await row.getByRole('button', { name: `${dirk.name} beheerder maken` }).click();
  await row.getByRole('group', { name: /echt beheerder maken/ }).getByRole('button', { name: 'Ja, beheerder maken' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${dirk.name} is nu beheerder.` })).toBeVisible();
  await axe(page, 'people-after-change');
});
