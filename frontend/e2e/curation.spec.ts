import { test, expect, axe, visit, signIn, signOut, watch, password, Api } from './fixtures';
import { codeIds, publishedCase, publishedReflection } from './api';

const title = 'Lang wachten op een plek in de jeugd-ggz';
const parentLesson = 'Vraag de jongere zelf wat hij nodig heeft.';
const professionalLesson = 'Laat de jongere meepraten in elk overleg.';

function caseBody() {
  return {
    title,
    outcome: 'stuck',
    start: { year: 2024, quarter: 2 },
    end: { year: 2025, quarter: 2 },
    age_band: '12-18',
    household: 'two_parents',
    life_domains: ['mental_health'],
    services: ['youth_mental_health'],
    duration: '1_2y',
    summary: 'Een meisje wachtte lang op hulp. Niemand vroeg haar wat ze zelf wilde.',
    episodes: [{ phase: 'signalling', what_happened: 'De huisarts verwees door.', effect: 'helped', duration: '1_4w' }],
  };
}

// Two reflections on the same case, each with a lesson that says the same
// thing in other words: the facilitator merges them.
function reflectionBody(what: string, why: string, lesson: string, heard: string) {
  return {
    items: [
      { question: 'worked', what: 'De huisarts nam ons serieus.', why: '' },
      { question: 'did_not_work', what, why, codes: [{ code_id: heard, effect: 'hindered' }] },
    ],
    lessons: [{ statement: lesson, codes: [heard], sources: [1] }],
  };
}

test('a facilitator merges two lessons into one with both sources, accepts it and renames a code; a member reads the accepted lesson and the codebook', async ({
  page,
  browser,
  network,
}) => {
  const mila = await network.addMember('Mila', 'member', 'professional');
  const olga = await network.addMember('Olga', 'member', 'ouder');
  const pim = await network.addMember('Pim', 'member', 'professional');
  const noor = await network.addMember('Noor', 'member', 'onderwijs');

  const fien = await Api.signIn(network.facilitator.email, password);
  const author = await Api.signIn(mila.email, password);
  const caseId = await publishedCase(author, fien, network.id, caseBody());
  await author.dispose();
  const heard = (await codeIds(fien, network.id))['T4.stem_jongere']!;
  for (const [who, body] of [
    [olga, reflectionBody('Niemand vroeg wat onze dochter wilde.', 'Er werd alleen met ons gepraat.', parentLesson, heard)],
    [pim, reflectionBody('De jongere zat niet bij het overleg.', 'Dat was zo geregeld.', professionalLesson, heard)],
  ] as const) {
    const api = await Api.signIn(who.email, password);
    await publishedReflection(api, fien, caseId, body);
    await api.dispose();
  }
  await fien.dispose();

  // The facilitator finds the lessons from the network's page.
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Lessen beoordelen' }).click();
  await expect(page.getByRole('article', { name: parentLesson })).toBeVisible();
  await expect(page.getByRole('article', { name: professionalLesson })).toBeVisible();
  await visit(page, 'lessons-curate', 'Lessen beoordelen');

  // Tick both by keyboard, keep the parent's words, merge.
  for (const statement of [professionalLesson, parentLesson]) {
    await page.getByRole('checkbox', { name: `Kies om samen te voegen: ${statement}` }).focus();
    await page.keyboard.press('Space');
  }
  const merge = page.getByRole('region', { name: 'Lessen samenvoegen' });
  await expect(merge).toContainText('Je hebt 2 lessen gekozen.');
  await merge.getByRole('radio', { name: parentLesson }).check();
  await axe(page, 'lessons-merge-choice');
  await merge.getByRole('button', { name: 'Samenvoegen' }).click();
  await merge.getByRole('button', { name: 'Ja, samenvoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `1 les is samengevoegd in „${parentLesson}”.` })).toBeVisible();
  // One lesson left to curate, standing on both reflections.
  const lessons = page.getByRole('list', { name: 'Lessen' });
  await expect(lessons.getByRole('article')).toHaveCount(1);
  const merged = lessons.getByRole('article', { name: parentLesson });
  await expect(merged).toContainText('2 reflecties');
  await expect(merged).toContainText('ouder, professional');

  // Its sources, one click away: both perspectives, each with its reflection.
  await merged.getByRole('link', { name: parentLesson }).click();
  await visit(page, 'lesson-detail', 'Les');
  const sources = page.getByRole('region', { name: 'Waar komt deze les vandaan?' });
  await expect(sources.getByRole('article')).toHaveCount(2);
  await expect(sources.getByRole('article', { name: 'Perspectief: ouder' })).toContainText('Niemand vroeg wat onze dochter wilde.');
  await expect(sources.getByRole('article', { name: 'Perspectief: professional' })).toContainText(`Zo stond hij er eerst: „${professionalLesson}”`);
  await expect(sources.getByRole('link', { name: 'Reflectie openen (ouder)' })).toHaveAttribute('href', /\/netwerk\/[^/]+\/reflecties\//);
  await expect(page.getByRole('region', { name: 'Wat is er met deze les gebeurd?' })).toContainText('Lessen samengevoegd in deze les');

  // Accept it, as it is.
  await page.getByRole('button', { name: `Goedkeuren: ${parentLesson}` }).click();
  await expect(page.getByLabel('De les')).toBeFocused();
  await axe(page, 'lesson-accept-form');
  await page.getByRole('form', { name: 'Les goedkeuren' }).getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De les is goedgekeurd.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wat is er met deze les gebeurd?' })).toContainText('Goedgekeurd');

  // The codebook: rename the lesson's code.
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Codeboek beheren' }).click();
  await visit(page, 'codebook-manage', 'Codeboek');
  const code = page.getByRole('article', { name: /^Stem van de jongere/ });
  await expect(code).toContainText('in 2 lessen');
  await code.getByRole('button', { name: 'Wijzigen: Stem van de jongere' }).click();
  const label = code.getByLabel('Naam in het Nederlands');
  await expect(label).toBeFocused();
  await label.fill('Inspraak van de jongere');
  await axe(page, 'codebook-edit-form');
  await code.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: '„Inspraak van de jongere” is opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Inspraak van de jongere/ })).toBeVisible();

  // Merging shows what would move before anything changes; cancelled here.
  const renamed = page.getByRole('article', { name: /^Inspraak van de jongere/ });
  await renamed.getByRole('button', { name: 'Samenvoegen: Inspraak van de jongere' }).click();
  await renamed.getByLabel('Welk subthema blijft?').selectOption({ label: 'Samen beslissen' });
  await renamed.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
  await expect(renamed.getByRole('region', { name: 'Dit verandert er' })).toContainText('2 coderingen');
  await axe(page, 'codebook-merge-preview');
  await renamed.getByRole('button', { name: 'Annuleren' }).click();

  await page.getByRole('link', { name: 'Geschiedenis van het codeboek' }).click();
  await visit(page, 'codebook-history', 'Geschiedenis van het codeboek');
  await expect(page.getByRole('row').filter({ hasText: 'Naam gewijzigd' })).toContainText('„Stem van de jongere” → „Inspraak van de jongere”');
  await signOut(page);

  // A member reads the accepted lesson, with the code's new name, and nothing to change.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const problems = watch(reader);
  await signIn(reader, noor.email);
  await reader.goto(`/netwerk/${network.id}`);
  await reader.getByRole('main').getByRole('link', { name: 'Lessen uit ons netwerk' }).click();
  const accepted = reader.getByRole('article', { name: parentLesson });
  await expect(accepted).toContainText('Inspraak van de jongere');
  await expect(accepted).toContainText('2 reflecties');
  await expect(reader.getByRole('checkbox')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: /Goedkeuren|Afwijzen|Samenvoegen/ })).toHaveCount(0);
  await visit(reader, 'lessons-member', 'Lessen uit ons netwerk');
  await reader.goto(`/netwerk/${network.id}/codeboek`);
  await expect(reader.getByRole('article', { name: /^Inspraak van de jongere/ })).toBeVisible();
  await expect(reader.getByRole('button', { name: /Wijzigen/ })).toHaveCount(0);
  await visit(reader, 'codebook-member', 'Codeboek');
  expect(problems, 'CSP violations or script errors').toEqual([]);
  await context.close();
});
