import { test, expect, visit, signIn } from './fixtures';

test('an administrator reads the anonymiser quality report: counts per type, no text', async ({ page }) => {
  await signIn(page, 'admin@leerlus.demo');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Anonimiseerder' }).click();
  await visit(page, 'anonymiser-quality', 'Kwaliteit van de anonimiseerder');
  const table = page.getByRole('table', { name: /Per soort gegeven/ });
  await expect(table.getByRole('rowheader', { name: 'naam' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'school of instelling' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Ten onrechte weggeklikt' })).toBeVisible();
});
