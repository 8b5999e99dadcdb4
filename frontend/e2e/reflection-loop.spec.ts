import type { Browser, Page } from '@playwright/test';
import { test, expect, axe, signIn, signOut, visit, watch, type Account } from './fixtures';
import { saved } from './caseForm';
import { chooseSuggestion, entry, nextStep, publishedCase, startReflection } from './reflectionForm';

// The reflection issue's whole loop in the browser: a parent and a
// professional each write a reflection on one published case (a name in
// one is flagged and replaced), code their entries with a suggested code
// and write a lesson; a facilitator publishes both, merges the two lessons
// and renames a code; a member and a researcher read both perspectives on
// the case page without a name anywhere. Every page visited is checked
// with axe (visit and axe).

interface Story {
  perspective: string;
  worked: [string, string];
  notWorked: [string, string];
  lesson: string;
}

const parent: Story = {
  perspective: 'ouder',
  worked: ['Onze coach Fatima Yilmaz belde ons elke week terug', 'Zo wisten we waar we aan toe waren.'],
  notWorked: ['Lang wachten op de eerste afspraak', 'Niemand zei hoe lang het nog zou duren.'],
  lesson: 'Vertel het gezin hoe lang het wachten nog duurt.',
};

const professional: Story = {
  perspective: 'professional',
  worked: ['Een vaste contactpersoon voor het hele gezin', 'Het gezin hoefde zijn verhaal niet steeds opnieuw te vertellen.'],
  notWorked: ['De wachtlijst bij de jeugd-ggz was lang', 'Er was geen overbrugging geregeld.'],
  lesson: 'Geef ouders tijdens de wachttijd duidelijkheid over hoe lang het duurt.',
};

/** write has someone write, code and submit their reflection in the form; answers the code chosen for what worked. */
async function write(page: Page, who: Account, networkId: string, caseId: string, story: Story, withName = false): Promise<string> {
  await signIn(page, who.email);
  await startReflection(page, networkId, caseId, story.perspective);

  const worked = await entry(page, ...story.worked);
  if (withName) {
    // The name is flagged, not saved, and replaced in one click.
    const findings = worked.locator('.leerlus-findings').first();
    await expect(findings.getByRole('status')).toHaveText('Er staat 1 ding in de tekst waarmee iemand te herkennen is.');
    await expect(page.getByText(/^Niet opgeslagen: er staat nog iets in de tekst/)).toBeVisible();
    await axe(page, `loop-${story.perspective}-finding`);
    await findings.getByRole('button', { name: /^Vervang door \[PERSOON-\d+\]$/ }).click();
    await expect(worked.getByRole('textbox', { name: 'Wat werkte?' })).toHaveValue(/\[PERSOON-\d+\]/);
  }
  const code = await chooseSuggestion(worked);
  await saved(page);

  await nextStep(page, 'Stap 2 van 6: Wat werkte niet');
  const notWorked = await entry(page, ...story.notWorked);
  await chooseSuggestion(notWorked);
  await saved(page);

  await page.getByRole('link', { name: '4. Lessen' }).click();
  await page.getByRole('button', { name: 'Les toevoegen' }).click();
  await page.getByRole('textbox', { name: 'Les' }).fill(story.lesson);
  await page
    .getByRole('group', { name: 'Waar komt deze les uit?' })
    .getByRole('checkbox', { name: `Wat werkte niet: ${story.notWorked[0]}` })
    .check();
  await saved(page);

  await nextStep(page, 'Stap 5 van 6: Cijfers');
  await nextStep(page, 'Stap 6 van 6: Controleren en indienen');
  await page.getByRole('button', { name: 'Reflectie indienen' }).click();
  await visit(page, `loop-${story.perspective}-submitted`, 'Je reflectie is ingediend');
  await signOut(page);
  return code;
}

/** publish has the facilitator publish the reflection of one perspective from the review queue. */
async function publish(page: Page, networkId: string, perspective: string): Promise<void> {
  await page.goto(`/netwerk/${networkId}`);
  await page.getByRole('main').getByRole('link', { name: 'Casussen controleren' }).click();
  const row = page.getByRole('region', { name: 'Reflecties per casus' }).locator('tr', { hasText: 'Lang wachten op hulp' });
  await row.getByRole('link', { name: `Reflectie (${perspective})` }).click();
  await visit(page, `loop-review-${perspective}`, 'Reflectie controleren');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De reflectie is gepubliceerd.' })).toBeVisible();
}

/** read opens the case page as a reader in a browser of its own: both perspectives, the renamed code, and no author anywhere. */
async function read(browser: Browser, who: Account, url: string, authors: Account[], renamed: string, shot: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  const answers: Promise<string>[] = [];
  context.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/')) answers.push(res.text().catch(() => ''));
  });
  await signIn(page, who.email);
  await page.goto(url);
  const reflections = page.getByRole('region', { name: 'Reflecties', exact: true });
  const parentCard = reflections.getByRole('article', { name: 'Perspectief: ouder' });
  await expect(parentCard).toBeVisible();
  await expect(reflections.getByRole('article', { name: 'Perspectief: professional' })).toBeVisible();
  await expect(parentCard).toContainText(/Onze coach \[PERSOON-\d+\] belde ons elke week terug/);
  await expect(parentCard).toContainText(renamed);
  await visit(page, shot, 'Lang wachten op hulp');
  await expect(page.getByText('Geschreven door')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const html = await page.content();
  const bodies = await Promise.all(answers);
  for (const a of authors) {
    expect(html, `the page names ${a.name}`).not.toContain(a.name);
    for (const body of bodies) expect(body, `an answer names ${a.name}`).not.toContain(a.name);
  }
  expect(html).not.toContain('Yilmaz');
  expect(problems, 'CSP violations or script errors').toEqual([]);
  await context.close();
}

test('a parent and a professional reflect on one case, a facilitator publishes both, merges their lessons and renames a code, and a member and a researcher read both perspectives without names', async ({
  page,
  browser,
  network,
}) => {
  test.setTimeout(6 * 60_000);
  const caseId = await publishedCase(network);
  const olga = await network.addMember('Olga', 'member', 'ouder');
  const pim = await network.addMember('Pim', 'member', 'professional');
  const noor = await network.addMember('Noor', 'member', 'onderwijs');
  const rik = await network.addMember('Rik', 'researcher', 'onderzoek');

  const code = await write(page, olga, network.id, caseId, parent, true);
  await write(page, pim, network.id, caseId, professional);

  // The facilitator publishes both from the review queue.
  await signIn(page, network.facilitator.email);
  await publish(page, network.id, 'ouder');
  await publish(page, network.id, 'professional');

  // The two lessons say the same: merged into the parent's words.
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Lessen beoordelen' }).click();
  for (const statement of [professional.lesson, parent.lesson]) {
    await page.getByRole('checkbox', { name: `Kies om samen te voegen: ${statement}` }).check();
  }
  const merge = page.getByRole('region', { name: 'Lessen samenvoegen' });
  await merge.getByRole('radio', { name: parent.lesson }).check();
  await merge.getByRole('button', { name: 'Samenvoegen' }).click();
  await merge.getByRole('button', { name: 'Ja, samenvoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `1 les is samengevoegd in „${parent.lesson}”.` })).toBeVisible();
  const merged = page.getByRole('list', { name: 'Lessen' }).getByRole('article', { name: parent.lesson });
  await expect(merged).toContainText('2 reflecties');
  await expect(merged).toContainText('ouder, professional');
  await visit(page, 'loop-lessons-merged', 'Lessen beoordelen');

  // The code the parent chose gets a new name.
  const renamed = `${code} (nieuw)`;
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Codeboek beheren' }).click();
  const article = page.getByRole('article', { name: new RegExp(`^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
  await article.getByRole('button', { name: `Wijzigen: ${code}` }).click();
  await article.getByLabel('Naam in het Nederlands').fill(renamed);
  await article.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `„${renamed}” is opgeslagen.` })).toBeVisible();
  await visit(page, 'loop-codebook-renamed', 'Codeboek');
  await signOut(page);

  // A member and a researcher read both perspectives, with the new code name, and no names.
  const url = `/netwerk/${network.id}/casussen/${caseId}`;
  await read(browser, noor, url, [olga, pim], renamed, 'loop-member');
  await read(browser, rik, url, [olga, pim], renamed, 'loop-researcher');
});
