import { test, expect, visit } from './fixtures';
import { e2eContact } from './global-setup';

test('first arrival: the sign-in page explains Leerlus and how to get an account', async ({ page }) => {
  await page.goto('/aanmelden');
  await expect(page.getByRole('heading', { level: 2, name: 'Wat is Leerlus?' })).toBeVisible();
  await expect(page.getByText('Je krijgt een uitnodiging van de facilitator van je leernetwerk.')).toBeVisible();
  await visit(page, 'sign-in-intro', 'Aanmelden');
});

test('the footer links to privacy, accessibility and contact pages', async ({ page }) => {
  await page.goto('/aanmelden');
  const footer = page.getByRole('navigation', { name: 'Over Leerlus' });

  await footer.getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await visit(page, 'privacy', 'Privacy');
  await expect(page.getByText(/Leerlus bewaart zo weinig mogelijk over jou/)).toBeVisible();

  await footer.getByRole('link', { name: 'Toegankelijkheid' }).click();
  await visit(page, 'accessibility', 'Toegankelijkheid');
  await expect(page.getByText(/WCAG 2\.1, niveau AA/)).toBeVisible();

  // The operator set the contact text (--contact in the global setup).
  await footer.getByRole('link', { name: 'Contact' }).click();
  await visit(page, 'contact', 'Contact');
  await expect(page.getByText(e2eContact)).toBeVisible();

  const site = await page.request.get('/api/v1/site');
  expect(await site.json()).toEqual({ contact: e2eContact });
});
