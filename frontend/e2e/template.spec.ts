import { test, expect, signIn, visit } from './fixtures';

const reworded = 'Kwam de hulp voor jullie gezin op tijd?';

test('a facilitator rewords a question for parents, sees it in the preview for parents only, and saves version 2', async ({ page, network }) => {
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Formulier beheren' }).click();
  await visit(page, 'template-manage', 'Reflectieformulier beheren');
  await expect(page.getByRole('region', { name: 'Versies' })).toContainText('Versie 1');

  // A core question can be reworded, never removed.
  await expect(page.getByRole('button', { name: 'Vraag weghalen: Wat werkte goed?' })).toHaveCount(0);

  // Give the rating question its own Dutch words for parents.
  const question = page.getByRole('group', { name: /^Vraag 1: De hulp kwam op tijd\./ });
  await question.getByLabel('Perspectief', { exact: true }).selectOption('ouder');
  await question.getByRole('button', { name: /^Andere tekst voor dit perspectief bij/ }).click();
  const override = question.getByRole('group', { name: 'Anders gezegd voor: ouder' });
  const nl = override.getByLabel('Vraag in het Nederlands', { exact: true });
  await expect(nl).toBeFocused();
  await nl.fill(reworded);

  // The preview: parents read the new words, professionals the question's own.
  const preview = page.getByRole('region', { name: 'Voorbeeld' });
  await preview.getByLabel('Bekijk als').selectOption('ouder');
  await expect(preview.getByRole('heading', { name: reworded })).toBeVisible();
  await preview.getByLabel('Bekijk als').selectOption('professional');
  await expect(preview.getByRole('heading', { name: 'De hulp kwam op tijd.' })).toBeVisible();
  await expect(preview.getByText(reworded)).toHaveCount(0);
  await expect(preview.getByRole('textbox')).toHaveCount(0);
  await visit(page, 'template-edit', 'Reflectieformulier beheren');

  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versie 2 is opgeslagen.' })).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versies' });
  await expect(versions.getByRole('listitem').filter({ hasText: 'Versie 2' })).toContainText('nu in gebruik');
  await expect(versions.getByRole('listitem')).toHaveCount(2);

  // Reloaded, the saved version keeps the parents' words.
  await page.reload();
  const saved = page.getByRole('group', { name: /^Vraag 1: De hulp kwam op tijd\./ });
  await saved.getByText('Anders gezegd voor 2 perspectieven: jongere, ouder').click();
  await expect(saved.getByRole('group', { name: 'Anders gezegd voor: ouder' }).getByLabel('Vraag in het Nederlands', { exact: true })).toHaveValue(reworded);
  await visit(page, 'template-saved', 'Reflectieformulier beheren');
});
