import { expect, type Locator, type Page } from '@playwright/test';

// Steps through the case form as a member takes them, shared by the specs
// that write a case in the browser. Each leaves the page where the next
// step begins; the specs check the pages (axe) in between.

// The real anonymiser flags "Margriet" (a flower here) as a name: the false
// alarm to dismiss. "Jan de Vries" is a name, 123456782 a BSN.
export const story = 'In de tuin bloeide een Margriet toen Jan de Vries belde over BSN 123456782.';
/** storyResolved is the story once the name and the BSN are replaced by their tags and the flower is kept. */
export const storyResolved = /^In de tuin bloeide een Margriet toen \[PERSOON-\d+\] belde over BSN \[BSN-1\]\.$/;

/** saved waits for the save status to say the form is saved. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByText(/^Opgeslagen om \d\d:\d\d$/)).toBeVisible();
}

/** nextStep presses "Volgende stap" and waits for the step in the URL. */
export async function nextStep(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page).toHaveURL(new RegExp(`stap=${step}$`));
}

/** openNewCase goes from the network's start page to the new-case form. */
export async function openNewCase(page: Page, networkId: string): Promise<void> {
  await page.goto(`/netwerk/${networkId}`);
  await page.getByRole('link', { name: 'Een nieuwe casus schrijven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Een casus schrijven' })).toBeVisible();
}

/** startDraft types the title; the draft is made by itself and the form opens on step 1. Answers the case id. */
export async function startDraft(page: Page, title: string): Promise<string> {
  await page.getByLabel('Titel').fill(title);
  await expect(page).toHaveURL(/\/casussen\/[0-9a-f-]+\/bewerken\?stap=1$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Stap 1 van 5: Uitkomst en periode' })).toBeVisible();
  return /casussen\/([0-9a-f-]+)\/bewerken/.exec(page.url())![1]!;
}

/** fillOutcome fills step 1: stuck, from spring 2023, one to two years. */
export async function fillOutcome(page: Page): Promise<void> {
  await page.getByLabel('vastgelopen').check();
  await page.getByLabel('Jaar', { exact: true }).selectOption('2023');
  await page.getByLabel('Deel van het jaar').selectOption('2');
  await page.getByLabel('Hoe lang duurde het traject in totaal?').selectOption({ label: '1 tot 2 jaar' });
  await saved(page);
}

/** fillFamily goes on to step 2 and fills it: the family and the help. */
export async function fillFamily(page: Page): Promise<void> {
  await nextStep(page, 2);
  await expect(page.getByRole('heading', { level: 2, name: /Stap 2 van 5/ })).toBeFocused();
  await page.getByLabel('12 tot 18 jaar').check();
  await page.getByLabel('Hoe woonde het kind of de jongere?').selectOption({ label: 'één ouder' });
  await page.getByLabel('school en werk').check();
  await page.getByLabel('wijkteam of toegang').check();
  await page.getByLabel('jeugd-ggz').check();
  await saved(page);
}

/** EpisodeFindings are the flagged details under an episode's text, as the author sees them. */
export interface EpisodeFindings {
  text: Locator;
  list: Locator;
  jan: Locator;
  margriet: Locator;
  bsn: Locator;
}

/** addStoryEpisode goes on to step 3, adds a key episode and types the story into it; answers its findings. */
export async function addStoryEpisode(page: Page): Promise<EpisodeFindings> {
  await nextStep(page, 3);
  await page.getByRole('button', { name: 'Moment toevoegen' }).click();
  await expect(page.getByLabel('In welke fase was dit?')).toBeFocused();
  await page.getByLabel('In welke fase was dit?').selectOption({ label: 'toegang tot hulp' });
  const text = page.getByLabel('Wat gebeurde er?');
  await text.fill(story);
  const list = page.locator('.leerlus-findings');
  const item = (words: string) => list.getByRole('listitem').filter({ hasText: words });
  return { text, list, jan: item('Naam: „Jan de Vries”'), margriet: item('Naam: „Margriet”'), bsn: item('BSN: „123456782”') };
}

/** resolveFindings replaces the name and the BSN by their tags and dismisses the flower, one click each. */
export async function resolveFindings(f: EpisodeFindings): Promise<void> {
  await f.jan.getByRole('button', { name: /^Vervang door \[PERSOON-\d+\]$/ }).click();
  await expect(f.text).toHaveValue(/toen \[PERSOON-\d+\] belde over BSN 123456782\.$/);
  // A BSN can never be stored: it is replaced too.
  await f.bsn.getByRole('button', { name: 'Vervang door [BSN-1]' }).click();
  await f.margriet.getByRole('button', { name: 'Dit is geen persoonsgegeven' }).click();
  await expect(f.text).toHaveValue(storyResolved);
  await expect(f.list.getByRole('status')).toHaveText('Er staat niets meer in de tekst waarmee iemand te herkennen is.');
}

/** finishEpisode chooses how long the episode took and that it hindered, and waits for the save. */
export async function finishEpisode(page: Page): Promise<void> {
  await page.getByLabel('Hoe lang duurde dit?').selectOption({ label: '4 tot 12 weken' });
  await page.getByLabel('hinderde').check();
  await saved(page);
}

/** writeSummary fills the summary on the step that shows it. */
export async function writeSummary(page: Page, words: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Samenvatting' }).fill(words);
}

/** submitDraft submits on the review step and waits for the confirmation. */
export async function submitDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Casus indienen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Je casus is ingediend' })).toBeVisible();
}
