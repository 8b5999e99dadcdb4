import type { Page } from '@playwright/test';
import { expect, axe } from './fixtures';

/** axePhone runs axe once more at phone width, then goes back to the desktop size. */
export async function axePhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 780 });
  await axe(page, `${name} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** status waits for the page's status message. */
export async function status(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

/**
 * followThrough takes an accepted action on its page through
 * plan-do-check-act: a progress entry in every phase, the action started
 * when it goes to "do". It leaves the page on the action in "Bijstellen"
 * with four entries in its log.
 */
export async function followThrough(page: Page, title: string): Promise<void> {
  const progress = page.getByRole('list', { name: 'Voortgang, nieuwste eerst' });
  const write = async (text: string) => {
    await page.getByLabel('Wat is er gebeurd?').fill(text);
    await page.getByRole('button', { name: 'Opschrijven' }).click();
    await status(page, 'De voortgang is opgeschreven.');
    await expect(progress.getByText(text)).toBeVisible();
  };
  const phase = async (label: string) => {
    await page.getByRole('button', { name: `Fase wijzigen: ${title}` }).click();
    await expect(page.getByLabel('Fase', { exact: true })).toBeFocused();
    await page.getByLabel('Fase', { exact: true }).selectOption({ label });
    await page.getByRole('form', { name: 'Fase wijzigen' }).getByRole('button', { name: 'Opslaan' }).click();
    await status(page, 'De fase is gewijzigd.');
    await expect(page.locator('[data-fact="phase"]')).toContainText(label);
  };
  await write('We hebben met twee teams een plan gemaakt.');
  await page.getByRole('button', { name: `Beginnen met uitvoeren: ${title}` }).click();
  await status(page, 'De actie is nu: In uitvoering.');
  await phase('Uitvoeren');
  await expect(page.locator('[data-fact="started"]')).not.toContainText('nog niet gestart');
  await write('De teams vragen de jongere nu eerst wat hij nodig heeft.');
  await phase('Checken');
  await write('In het overleg kijken we of dat echt gebeurt.');
  await axe(page, 'action-progress-form');
  await phase('Bijstellen');
  await write('We voegen een vraag toe aan het intakeformulier.');
  await expect(progress.getByRole('listitem')).toHaveCount(4);
  await expect(progress.getByRole('listitem').first()).toContainText('Fase: Bijstellen');
}
