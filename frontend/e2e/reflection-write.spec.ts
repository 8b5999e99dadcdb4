import { test, expect, axe, screens, signIn, visit } from './fixtures';
import { saved } from './caseForm';
import { chooseSuggestion, entry, nextStep, publishedCase, startReflection } from './reflectionForm';

// A parent writes their reflection on a published case in the browser:
// a name in an entry is flagged and replaced in one click, codes come from
// the picker and a suggestion, a lesson names the entry it came from, and
// the reflection is submitted for its check.

test('a parent writes a reflection on a published case: a name is flagged and replaced in one click, a lesson names its entry, and it is submitted', async ({
  page,
  network,
}) => {
  const caseId = await publishedCase(network);
  const olga = await network.addMember('Olga', 'member', 'ouder');
  await signIn(page, olga.email);
  await startReflection(page, network.id, caseId);
  // The parent reads the parent's wording of the question.
  await expect(page.getByRole('heading', { level: 3, name: 'Wat hielp jullie als gezin?' })).toBeVisible();

  // A name typed in an entry is flagged, not saved, and replaced with one click.
  const worked = await entry(page, 'Onze coach Fatima Yilmaz belde ons elke week terug', 'Zo wisten we waar we aan toe waren.');
  const what = worked.getByRole('textbox', { name: 'Wat werkte?' });
  const findings = worked.locator('.leerlus-findings').first();
  await expect(findings.getByRole('status')).toHaveText('Er staat 1 ding in de tekst waarmee iemand te herkennen is.');
  await expect(findings.getByText('Dit mag niet in je reflectie staan.', { exact: false })).toBeVisible();
  await expect(what).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Niet opgeslagen: er staat nog iets in de tekst/)).toBeVisible();
  await visit(page, 'reflection-step-1-findings', 'Terugkijken op de hulp');
  await findings.getByRole('button', { name: /^Vervang door \[PERSOON-\d+\]$/ }).click();
  await expect(what).toHaveValue(/^Onze coach \[PERSOON-\d+\] belde ons elke week terug$/);
  await expect(findings.getByRole('status')).toHaveText('Er staat niets meer in de tekst waarmee iemand te herkennen is.');
  await saved(page);

  // What did not work, on the next step.
  await nextStep(page, 'Stap 2 van 6: Wat werkte niet');
  await entry(page, 'Lang wachten op de eerste afspraak', 'Niemand zei hoe lang het nog zou duren.');
  await saved(page);
  await axe(page, 'reflection-step-2');

  // A place is a softer warning: kept on purpose with "Laat staan", and still known as kept after a reload.
  await nextStep(page, 'Stap 3 van 6: Anders doen');
  const differently = page.getByRole('textbox', { name: 'Wat had anders moeten gaan voor jullie gezin?' });
  await differently.fill('Hulp dichtbij huis. We moesten elke week naar Leeuwarden rijden.');
  const place = page.locator('.leerlus-finding--quasi', { hasText: 'Plaats: „Leeuwarden”' });
  await place.getByRole('button', { name: 'Laat staan' }).click();
  await saved(page);
  await page.reload();
  await expect(differently).toHaveValue('Hulp dichtbij huis. We moesten elke week naar Leeuwarden rijden.');
  await differently.press('End');
  await differently.pressSequentially(' Dat kostte veel tijd.');
  await expect(page.getByText('Je hebt 1 melding in deze tekst goedgekeurd. Een facilitator kijkt daar nog naar.')).toBeVisible();
  await expect(place).toHaveCount(0);
  await saved(page);

  // A lesson that names the entry it came from.
  await page.getByRole('link', { name: '4. Lessen' }).click();
  await page.getByRole('button', { name: 'Les toevoegen' }).click();
  await expect(page.getByRole('textbox', { name: 'Les' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Les' }).fill('Vertel het gezin hoe lang het wachten nog duurt.');
  const sources = page.getByRole('group', { name: 'Waar komt deze les uit?' });
  await sources.getByRole('checkbox', { name: 'Wat werkte niet: Lang wachten op de eerste afspraak' }).check();
  await saved(page);
  await visit(page, 'reflection-step-4-lesson', 'Terugkijken op de hulp');

  // A rating, with words at every step.
  await nextStep(page, 'Stap 5 van 6: Cijfers');
  await page.getByRole('group', { name: 'De hulp kwam op tijd.' }).getByRole('radio', { name: '2 – een beetje' }).check();
  await saved(page);

  // Stored as the author wrote it: entries with their lesson, the tag in place of the name.
  const mine = await (await page.request.get(`/api/v1/cases/${caseId}/reflections`)).json();
  const stored = await (await page.request.get(`/api/v1/reflections/${mine.mine_id}`)).json();
  expect(stored.items.map((it: { question: string }) => it.question).sort()).toEqual(['did_not_work', 'worked']);
  expect(JSON.stringify(stored)).not.toContain('Yilmaz');
  const late = stored.items.find((it: { question: string }) => it.question === 'did_not_work');
  expect(stored.lessons).toEqual([expect.objectContaining({ statement: 'Vertel het gezin hoe lang het wachten nog duurt.', sources: [late.id] })]);
  expect(stored.ratings).toEqual([{ question: 'on_time', rating: 2 }]);
  expect(stored.texts).toEqual([{ question: 'differently', text: 'Hulp dichtbij huis. We moesten elke week naar Leeuwarden rijden. Dat kostte veel tijd.' }]);
  expect(stored.marks).toContainEqual(expect.objectContaining({ field: '/texts/0/text', kind: 'confirmed', type: 'place', start: 46, end: 56 }));

  // Submit: the reflection waits for its check, also after a reload.
  await nextStep(page, 'Stap 6 van 6: Controleren en indienen');
  await axe(page, 'reflection-step-6');
  await page.getByRole('button', { name: 'Reflectie indienen' }).click();
  await visit(page, 'reflection-submitted', 'Je reflectie is ingediend');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Je reflectie is ingediend' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terugtrekken' })).toBeVisible();
  const after = await (await page.request.get(`/api/v1/reflections/${mine.mine_id}`)).json();
  expect(after.status).toBe('submitted');
});

test('a parent codes entries with a suggested code and with the picker, turns hielp into hinderde, and the codes are stored', async ({ page, network }) => {
  const caseId = await publishedCase(network);
  const olga = await network.addMember('Olga', 'member', 'ouder');
  await signIn(page, olga.email);
  await startReflection(page, network.id, caseId);

  // A suggestion for what was typed, with its reason; one click chooses it.
  const worked = await entry(page, 'Een vaste contactpersoon voor het hele gezin', 'We hoefden ons verhaal niet steeds opnieuw te vertellen.');
  const chosen = await chooseSuggestion(worked);
  const tag = worked.getByRole('group', { name: chosen });
  await expect(tag.getByRole('radio', { name: 'hielp' })).toBeChecked();
  await axe(page, 'reflection-suggested-code');

  // The picker by keyboard: search, arrow down, Enter; then the effect turned.
  const picker = worked.getByRole('combobox', { name: 'Thema' });
  await picker.fill('wacht');
  await expect(worked.getByRole('listbox', { name: 'Thema' })).toBeVisible();
  await axe(page, 'reflection-picker-open');
  await screens(page, 'reflection-picker-open');
  await picker.press('ArrowDown');
  const active = await picker.getAttribute('aria-activedescendant');
  const picked = (await page.locator(`#${active}`).innerText()).trim();
  await picker.press('Enter');
  const second = worked.getByRole('group', { name: picked });
  await second.getByRole('radio', { name: 'hinderde' }).check();
  await saved(page);

  const mine = await (await page.request.get(`/api/v1/cases/${caseId}/reflections`)).json();
  const stored = await (await page.request.get(`/api/v1/reflections/${mine.mine_id}`)).json();
  const effects = Object.fromEntries(stored.items[0].codes.map((c: { code: { label_nl: string }; effect: string }) => [c.code.label_nl, c.effect]));
  expect(effects).toEqual({ [chosen]: 'helped', [picked]: 'hindered' });
});
