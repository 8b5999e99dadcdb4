import { test, expect, axe, menu, visit, signIn, signOut, password, Api } from './fixtures';
import { caseTitle, createCaseDeciding, publishCase, storyCase, submitCase } from './api';

// A case whose summary names a mother: the author dismissed the finding
// (a false alarm, the author says), so the facilitator must see it. The
// emoji before it checks that places count UTF-16 units in the browser too.
const title = caseTitle;
const caseBody = () => storyCase('Het ging mis 😟. Moeder Fatima Yilmaz belde het wijkteam. Daarna duurde het lang.');

test('a facilitator checks a case with a dismissed name and publishes it; a researcher filters, reads and prints it without ever seeing who wrote it', async ({
  page,
  network,
}) => {
  const mila = await network.addMember('Mila');
  const rik = await network.addMember('Rik', 'researcher', 'onderzoek');
  const author = await Api.signIn(mila.email, password);
  const draft = await createCaseDeciding(author, network.id, caseBody());
  expect(draft.findings).toContainEqual(expect.objectContaining({ field: '/summary', type: 'person', direct: true }));
  await submitCase(author, draft);
  await author.dispose();

  // The facilitator finds the case from the network's start page.
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Casussen controleren' }).click();
  await visit(page, 'case-review-queue', 'Casussen controleren');
  await page.getByRole('link', { name: title }).click();
  await visit(page, 'case-review', title);
  const dismissed = page.locator('mark[data-kind="dismissed"]');
  await expect(dismissed).toHaveCount(1);
  await expect(dismissed).toContainText('Fatima Yilmaz');
  await expect(dismissed).not.toContainText('belde');
  await expect(dismissed).toContainText('door de schrijver weggeklikt: naam');
  await expect(page.getByRole('note', { name: 'Wat de schrijver heeft beslist' })).toContainText('1 melding weggeklikt');
  await expect(page.getByRole('region', { name: 'Over dit traject' })).toContainText(mila.name);

  // Sending back lists the dismissed name with a box to tick; cancel for now.
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page.getByLabel('„Fatima Yilmaz” (naam, in de samenvatting): dit was wel een persoonsgegeven')).toBeVisible();
  await axe(page, 'case-send-back-form');
  await page.getByRole('button', { name: 'Annuleren' }).click();

  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De casus is gepubliceerd.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Over dit traject' })).toContainText('gepubliceerd');
  await expect(page.getByRole('button', { name: 'Archiveren' })).toBeVisible();
  await axe(page, 'case-published');
  await signOut(page);

  // The researcher narrows the list by phase; the URL keeps the filter.
  await signIn(page, rik.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Casussen lezen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Casussen van / })).toBeVisible();
  await page.getByLabel('Fase van een cruciaal moment').selectOption('signalling');
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/\/casussen\?phase=signalling$/);
  await page.reload();
  await expect(page.getByLabel('Fase van een cruciaal moment')).toHaveValue('signalling');
  const outcomes = page.getByRole('navigation', { name: 'Uitkomst van het traject' });
  await expect(outcomes.getByRole('link', { name: 'vastgelopen (1)' })).toBeVisible();
  await visit(page, 'case-list-filtered', /^Casussen van /);
  await outcomes.getByRole('link', { name: 'goed verlopen (0)' }).click();
  await expect(page).toHaveURL(/\?outcome=good&phase=signalling$/);
  await expect(page.getByText('Er zijn geen casussen die bij deze filters passen.')).toBeVisible();
  await outcomes.getByRole('link', { name: 'vastgelopen (1)' }).click();

  const read = page.waitForResponse((r) => r.url().includes('/api/v1/cases/') && r.request().method() === 'GET');
  await page.getByRole('link', { name: title }).click();
  const body = (await (await read).json()) as Record<string, unknown>;
  expect(body.author, 'the API hides the author').toBeUndefined();
  expect(body.marks).toBeUndefined();
  await visit(page, 'case-read', title);
  await expect(page.getByRole('region', { name: 'Over dit traject' })).toContainText('12 tot 18 jaar');
  const rows = page.getByRole('region', { name: 'Cruciale momenten' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('hinderde');
  await expect(page.locator('mark')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Mila');
  expect(await page.content(), 'no trace of the author in the page').not.toContain(mila.name);
  await expect(page.getByRole('heading', { name: 'Controleren' })).toHaveCount(0);

  // Printed: no header, menu or buttons; the timeline table stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.leerlus-header')).toBeHidden();
  await expect(page.locator('.leerlus-footer')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('case-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('on a phone the case list stacks, filters and opens a case, and the timeline runs down', async ({ page, network }) => {
  const mila = await network.addMember('Mila');
  const noor = await network.addMember('Noor');
  const author = await Api.signIn(mila.email, password);
  const submitted = await submitCase(author, await createCaseDeciding(author, network.id, caseBody()));
  await author.dispose();
  const fien = await Api.signIn(network.facilitator.email, password);
  await publishCase(fien, submitted);
  await fien.dispose();

  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, noor.email);
  await page.goto(`/netwerk/${network.id}/casussen`);
  await expect(page.getByRole('heading', { level: 1, name: /^Casussen van / })).toBeVisible();
  const row = page.locator('tbody tr', { hasText: title });
  await expect(row.locator('td[data-label="Uitkomst"]')).toContainText('vastgelopen');
  await expect(row.locator('td[data-label="Hulp"]')).toContainText('wijkteam of toegang, jeugd-ggz');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow(), 'nothing scrolls sideways').toBeLessThanOrEqual(1);
  await axe(page, 'case-list-phone');
  await page.screenshot({ path: test.info().outputPath('case-list-phone.png'), fullPage: true });

  // The filters fold away on a phone, so the list comes first.
  await expect(page.getByLabel('Leeftijd aan het begin')).toBeHidden();
  await page.getByText('Filters kiezen').click();
  await page.getByLabel('Leeftijd aan het begin').selectOption('12-18');
  const apply = page.getByRole('button', { name: 'Filters toepassen' });
  await apply.scrollIntoViewIfNeeded();
  await expect(apply).toBeInViewport();
  await apply.click();
  await expect(page).toHaveURL(/age_band=12-18/);
  await expect(page.getByText('Filters kiezen (1 filter gekozen)')).toBeVisible();
  const link = row.getByRole('link', { name: title });
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeInViewport();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The phases stand under each other on a phone.
  const phases = page.locator('.leerlus-timeline__phase');
  const first = await phases.nth(0).boundingBox();
  const second = await phases.nth(1).boundingBox();
  expect(second!.y).toBeGreaterThan(first!.y);
  expect(await overflow(), 'nothing scrolls sideways').toBeLessThanOrEqual(1);
  await axe(page, 'case-phone');
  await page.screenshot({ path: test.info().outputPath('case-phone.png'), fullPage: true });
});

test('a facilitator sends a case back: a name in the comment is refused per finding, a dismissed name is marked as real', async ({ page, network }) => {
  const mila = await network.addMember('Mila');
  const author = await Api.signIn(mila.email, password);
  const submitted = await submitCase(author, await createCaseDeciding(author, network.id, caseBody()));

  await signIn(page, network.facilitator.email);
  // An address from before the case page sat inside its network goes on there, and the menu keeps the network.
  await page.goto(`/casussen/${submitted.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/netwerk/${network.id}/casussen/${submitted.id}$`));
  expect(await menu(page)).toContain('Casussen controleren');
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  const comment = page.getByLabel('Wat moet de schrijver veranderen?');
  await comment.fill('Moeder Fatima Yilmaz staat er nog in.');
  await page.getByLabel('„Fatima Yilmaz” (naam, in de samenvatting): dit was wel een persoonsgegeven').check();
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page.locator('.leerlus-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: /In je opmerking staat „Fatima Yilmaz” \(naam\)/ })).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await axe(page, 'case-send-back-refused');

  await comment.fill('De naam van de moeder staat er nog in. Haal die weg.');
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page).toHaveURL(new RegExp(`/netwerk/${network.id}/controleren$`));
  await expect(page.getByRole('status').filter({ hasText: 'De casus is teruggestuurd naar de schrijver.' })).toBeVisible();
  await expect(page.getByText('Er wachten geen casussen op controle.')).toBeVisible();

  // The author gets it back as a draft with the comment, the name marked as real.
  const back = await author.get<{ status: string; review_comment: string; marks: { verdict?: string }[] }>(`/api/v1/cases/${submitted.id}`);
  expect(back.status).toBe('draft');
  expect(back.review_comment).toBe('De naam van de moeder staat er nog in. Haal die weg.');
  expect(back.marks.map((m) => m.verdict)).toEqual(['real_identifier']);
  await author.dispose();
});
