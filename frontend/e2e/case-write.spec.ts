import { test, expect, axe, signIn, visit } from './fixtures';
import { addStoryEpisode, fillFamily, fillOutcome, finishEpisode, nextStep, openNewCase, resolveFindings, saved, startDraft, submitDraft } from './caseForm';

test('a member writes a case through all steps, deals with findings in one click each, keeps typed text over a reload and submits', async ({
  page,
  network,
}) => {
  const mila = await network.addMember('Mila', 'member', 'ouder');
  await signIn(page, mila.email);
  await page.goto(`/netwerk/${network.id}`);
  const mine = page.getByRole('region', { name: 'Mijn casussen', exact: true });
  await expect(page.getByRole('heading', { name: 'Mijn casussen' })).toBeVisible();
  await expect(page.getByText('Je hebt nog geen casus geschreven.')).toBeVisible();
  await axe(page, 'network-home-no-cases');

  // A new case starts from its title; the draft is made by itself.
  await openNewCase(page, network.id);
  await visit(page, 'case-new', 'Een casus schrijven');
  const caseId = await startDraft(page, 'Lang wachten op hulp na de verhuizing');

  // Step 1: outcome and period.
  await expect(page.getByRole('navigation', { name: 'Stappen van de casus' }).getByRole('link', { name: '1. Uitkomst en periode' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await fillOutcome(page);
  await visit(page, 'case-step-1', 'Casus schrijven');

  // Step 2: the family and the help.
  await fillFamily(page);
  await axe(page, 'case-step-2');

  // Step 3: a key episode with a name, a BSN and a false alarm in it.
  const episode = await addStoryEpisode(page);
  const { text, list: findings, jan, bsn } = episode;
  // Announced in a polite live region with the count, not only shown.
  await expect(findings.getByRole('status')).toHaveText('Er staan 3 dingen in de tekst waarmee iemand te herkennen is.');
  await expect(jan).toBeVisible();
  await expect(bsn).toBeVisible();
  await expect(findings.locator('mark', { hasText: 'Jan de Vries' })).toBeVisible();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await visit(page, 'case-step-3-findings', 'Casus schrijven');
  // Nothing with findings is saved: the text stays, with the reason.
  await expect(page.getByText(/^Niet opgeslagen: er staat nog iets in de tekst/)).toBeVisible();

  // One click each replaces the name and the BSN by their tags, and calls the flower a false alarm.
  await resolveFindings(episode);
  await finishEpisode(page);
  await axe(page, 'case-step-3-resolved');

  // The dismissal was stored as a mark (a place and a type, never the words).
  const stored = await (await page.request.get(`/api/v1/cases/${caseId}`)).json();
  expect(stored.episodes[0].what_happened).toMatch(/Margriet toen \[PERSOON-\d+\]/);
  expect(stored.episodes[0].marks).toEqual([expect.objectContaining({ kind: 'dismissed', type: 'person', start: 23, end: 31 })]);

  // The step list counts what is still missing, and the review step names it up front, per step.
  const steps = page.getByRole('navigation', { name: 'Stappen van de casus' });
  await expect(steps.getByRole('link', { name: '4. Samenvatting (nog 1 ding in te vullen)' })).toBeVisible();
  await page.getByRole('link', { name: '5. Controleren en indienen' }).click();
  await expect(page.getByRole('heading', { name: 'Dit mist nog' })).toBeVisible();
  await expect(page.getByText('Samenvatting: Vul dit in.')).toBeVisible();
  // Submitting too early says the same.
  await page.getByRole('button', { name: 'Casus indienen' }).click();
  await expect(page.locator('.leerlus-error-summary')).toBeFocused();
  await expect(page.getByText('Samenvatting: Vul dit in.')).toBeVisible();
  await axe(page, 'case-step-5-missing');
  await page.getByRole('link', { name: 'Naar stap 4: Samenvatting' }).first().click();

  // Step 4: typed text survives a reload before it was saved.
  const summary = page.getByRole('textbox', { name: 'Samenvatting' });
  const words = 'Het gezin wachtte maanden op hulp. Toen de hulp kwam, was het te laat voor school.';
  await summary.fill(words);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Samenvatting' })).toHaveValue(words);
  await expect(page.getByText('Je had eerder tekst getypt die nog niet was opgeslagen')).toBeVisible();
  await expect(page.getByText('Gebruik je een computer die je deelt met anderen?')).toBeVisible();
  await saved(page);
  await axe(page, 'case-step-4-restored');

  // Step 5: submit.
  await nextStep(page, 5);
  await expect(page.getByText('Lang wachten op hulp na de verhuizing')).toBeVisible();
  await submitDraft(page);
  await axe(page, 'case-submitted');

  // My cases shows it waiting for the check, with a way to withdraw it.
  await page.getByRole('link', { name: 'Terug naar het netwerk' }).click();
  const row = mine.locator('tbody tr', { hasText: 'Lang wachten op hulp na de verhuizing' });
  await expect(row).toContainText('ingediend, wacht op controle');
  await expect(row.getByRole('button', { name: 'Lang wachten op hulp na de verhuizing terugtrekken' })).toBeVisible();
  await visit(page, 'network-home-my-cases', network.name);
});
