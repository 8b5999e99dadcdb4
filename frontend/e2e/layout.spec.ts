import type { Locator } from '@playwright/test';
import { test, expect, axe, signIn } from './fixtures';

/** expectArrow checks that a select draws the NLDS arrow rather than looking like a text field. */
async function expectArrow(select: Locator, name: string): Promise<void> {
  await expect(select, name).toBeVisible();
  const style = await select.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { appearance: cs.appearance, image: cs.backgroundImage, paddingEnd: parseFloat(cs.paddingInlineEnd) };
  });
  expect(style.image, `${name}: arrow image`).toContain('data:image/svg+xml');
  expect(style.appearance, `${name}: own arrow instead of the browser's`).toBe('none');
  expect(style.paddingEnd, `${name}: room for the arrow`).toBeGreaterThanOrEqual(32);
}

test('drop-downs show an arrow: invitation form, member form, network switcher, audit filters', async ({ page, network }) => {
  await signIn(page, network.facilitator.email);
  await expectArrow(page.getByLabel('Leernetwerk', { exact: true }), 'network switcher');
  await page.goto(`/netwerk/${network.id}/uitnodigingen`);
  for (const label of ['Rol', 'Perspectief', 'Organisatie (als dat nodig is)']) {
    await expectArrow(page.getByLabel(label, { exact: true }), label);
  }
  await page.goto(`/netwerk/${network.id}/leden`);
  await page.getByRole('button', { name: `${network.facilitator.name} wijzigen` }).click();
  for (const label of ['Rol', 'Perspectief', 'Organisatie']) {
    await expectArrow(page.getByLabel(label, { exact: true }), `member ${label}`);
  }
  await page.screenshot({ path: test.info().outputPath('selects.png') });
});

test('audit filters are drop-downs with an arrow', async ({ page }) => {
  await signIn(page, 'admin@leerlus.demo');
  await page.goto('/beheer/logboek');
  for (const label of ['Wat gebeurde er', 'Wie', 'Leernetwerk']) {
    await expectArrow(page.getByRole('main').getByLabel(label, { exact: true }), `audit ${label}`);
  }
});

test('on a phone the members table stacks, and row actions are on screen and work', async ({ page, network }) => {
  const member = await network.addMember('Mila');
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}/leden`);
  await expect(page.getByRole('heading', { level: 1, name: /^Deelnemers van/ })).toBeVisible();

  const row = page.locator('tbody tr', { hasText: member.name });
  // Each cell names its column.
  await expect(row.locator('td[data-label="E-mailadres"]')).toContainText(member.email);
  const edit = row.getByRole('button', { name: `${member.name} wijzigen` });
  const remove = row.getByRole('button', { name: `${member.name} uit het netwerk halen` });
  for (const button of [edit, remove]) {
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    const box = await button.boundingBox();
    expect(box, 'button has a box').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(1);
  // Every cell is tall enough for what it holds: no text runs into the next line.
  const clipped = await row.locator('td').evaluateAll((cells) =>
    cells.filter((c) => c.scrollHeight > c.clientHeight + 1).map((c) => c.getAttribute('data-label')),
  );
  expect(clipped, 'cells whose content overflows').toEqual([]);
  await axe(page, 'members-phone');
  await page.screenshot({ path: test.info().outputPath('members-phone.png'), fullPage: true });

  await edit.click();
  await expect(page.getByRole('heading', { level: 2, name: `${member.name} wijzigen` })).toBeVisible();
});

test('on a phone the header is compact, and the menu opens from a button', async ({ page, network }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, network.facilitator.email);
  await expect(page.getByRole('heading', { level: 1, name: network.name })).toBeVisible();
  const header = await page.locator('.leerlus-header').boundingBox();
  expect(header!.height, 'header height at 375×812').toBeLessThanOrEqual(812 * 0.2);

  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Menu' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Leernetwerk', { exact: true })).toBeVisible();
  await axe(page, 'header-phone-open');
  await menu.getByRole('link', { name: 'Deelnemers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Deelnemers van/ })).toBeVisible();
  await expect(menu).toBeHidden();
});
