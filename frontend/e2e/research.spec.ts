import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, visit, signIn, menu, watch } from './fixtures';

// The REFI-QDA project schema the downloaded project must satisfy.
const projectXsd = fileURLToPath(new URL('../../../shared/refi-qda/Project.xsd', import.meta.url));

/** download clicks an export button and waits for the file the app saves. */
async function download(page: Page, button: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

// The demo researcher studies three networks (cmd/leerlus/demo.go): enough
// published cases that some counts reach k = 5 and others stay hidden.
test('a researcher filters the patterns, sees suppressed cells marked, compares perspectives, searches a Dutch word and downloads CSV and QDPX', async ({
  page,
}) => {
  const problems = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'leerlus-research-'));
  await signIn(page, 'onderzoeker@leerlus.demo');
  expect(await menu(page)).toContain('Onderzoek');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Onderzoek' }).click();
  const codes = page.getByRole('region', { name: 'Hoe vaak komt een code voor?' });
  await expect(codes.getByText(/^Gebaseerd op \d+ casussen \(afgerond op 5\)/)).toBeVisible();
  // The charts are drawn (uPlot, loaded on demand) as images with a name.
  await expect(codes.getByRole('img', { name: /codes die in de meeste casussen voorkomen/ })).toBeVisible();
  await expect(codes.locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welke codes komen samen voor?' }).getByRole('img')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hoe verandert het per kwartaal?' }).locator('canvas').first()).toBeVisible();
  await visit(page, 'research-dashboard', 'Onderzoek');

  // Perspectives on one code: shown counts and a suppressed one, marked in words.
  const persp = page.getByRole('region', { name: 'Welke perspectieven noemen een code?' });
  await persp.getByLabel('Code').selectOption({ label: 'Stem van de jongere' });
  await persp.getByRole('button', { name: 'Vergelijk perspectieven' }).click();
  await expect(page).toHaveURL(/code=T4\.stem_jongere/);
  await persp.getByText('Toon als tabel').click();
  const perspTable = persp.getByRole('table');
  await expect(perspTable.getByRole('row', { name: /^jongere \d+/ })).toBeVisible();
  await expect(perspTable.getByRole('row', { name: /^ouder niet getoond/ })).toBeVisible();
  await expect(perspTable.locator('[data-suppressed="true"]').first()).toBeVisible();
  await expect(persp.getByText(/Niet getoond: minder dan 5 casussen\./)).toBeVisible();

  // Filter by outcome and age band: the stuck 12–18 cases are too few to show, and say so.
  await page.getByLabel('Hoe ging het traject?').selectOption({ label: 'vastgelopen' });
  await page.getByLabel('Leeftijd').selectOption({ label: '12 tot 18 jaar' });
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/uitkomst=stuck/);
  await expect(page).toHaveURL(/leeftijd=12-18/);
  await expect(codes.getByText('Het aantal casussen tonen we niet: het zijn er te weinig.')).toBeVisible();
  await codes.getByText('Toon als tabel').click();
  const row = codes.getByRole('table').getByRole('row', { name: /^Stem van de jongere/ });
  await expect(row.locator('[data-suppressed="true"]').first()).toHaveText('niet getoond');
  // The mark is a pattern as well as words: the hatched background is set.
  const hatch = await row.locator('[data-suppressed="true"]').first().evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(hatch).toContain('repeating-linear-gradient');
  await expect(codes.getByText(/Niet getoond: minder dan 5 casussen\./)).toBeVisible();
  await visit(page, 'research-filtered', 'Onderzoek');

  // Downloads under the filters left out: CSV with its rows counted, then the REFI-QDA project.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page).not.toHaveURL(/uitkomst=/);
  const csv = await download(page, 'Coderingen (CSV)', dir);
  const lines = readFileSync(csv, 'utf8').split('\n');
  expect(lines[0]).toMatch(/^network_id,network,case_id,outcome/);
  expect(lines.length).toBeGreaterThan(10);
  await expect(page.getByRole('status').filter({ hasText: /Klaar: leerlus-codings\.csv is opgeslagen \(.+ ontvangen, \d+ rijen\)/ })).toBeVisible();
  const qdpx = await download(page, 'Project voor ATLAS.ti, NVivo, MAXQDA (QDPX)', dir);
  const qde = execFileSync('unzip', ['-p', qdpx, 'project.qde'], { maxBuffer: 64 << 20 });
  const qdePath = join(dir, 'project.qde');
  writeFileSync(qdePath, qde);
  // xmllint exits non-zero (and execFileSync throws) when the project does not validate.
  const lint = execFileSync('xmllint', ['--noout', '--schema', projectXsd, qdePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(lint).toBe('');
  await expect(page.getByRole('status').filter({ hasText: /Klaar: leerlus-project\.qdpx is opgeslagen/ })).toBeVisible();

  // Search a Dutch word and find an inflected form, marked in its snippet.
  await page.getByRole('link', { name: 'Zoeken in teksten' }).click();
  await page.getByLabel('Zoekwoorden').fill('thuiszitten');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /resultaten? voor 'thuiszitten'/ })).toBeVisible();
  const marks = await page.locator('.leerlus-snippet mark').allInnerTexts();
  expect(marks.some((m) => /^thuiszitter/i.test(m))).toBe(true);
  await visit(page, 'research-search', 'Zoeken in teksten');
  expect(problems).toEqual([]);
});

test('a network manager sees the patterns of their own network, without exports', async ({ page }) => {
  await signIn(page, 'manager@leerlus.demo');
  await page.getByRole('main').getByRole('link', { name: 'Patronen in casussen en reflecties' }).click();
  await expect(page.getByRole('region', { name: 'Hoe vaak komt een code voor?' }).getByText(/Netwerk: Leernetwerk Integraal werken\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Coderingen (CSV)' })).toHaveCount(0);
  await visit(page, 'research-manager', 'Onderzoek');
});
