import { test, expect, axe, visit, signIn, watch, password, Api } from './fixtures';
import { boardOf, proposeAction, recurringLesson, storyCase } from './api';
import { axePhone, followThrough, status } from './actionSteps';

const lesson = 'Vraag de jongere wat hij nodig heeft voordat je een plan maakt.';

test('a recurring lesson proposes an action; a manager accepts it, moves it through plan-do-check-act with progress, and sees its effect', async ({
  page,
  network,
}) => {
  const mila = await network.addMember('Mila', 'member', 'professional');
  const writers = await Promise.all(['Olga', 'Pim', 'Noor'].map((n) => network.addMember(n, 'member', 'ouder')));
  const mara = await network.addMember('Mara', 'manager', 'management');

  const fien = await Api.signIn(network.facilitator.email, password);
  const author = await Api.signIn(mila.email, password);
  const writerApis = await Promise.all(writers.map((w) => Api.signIn(w.email, password)));
  await recurringLesson(author, fien, writerApis, network.id, lesson, (i) => ({
    ...storyCase('Een jongere zat thuis en wachtte lang op hulp.'),
    start: { year: 2024, quarter: i + 1 },
  }));
  // The grouping found the recurring lesson across the three cases and proposed its action.
  const board = await boardOf(fien, network.id);
  const auto = board.items.find((a) => a.proposed_automatically);
  expect(auto?.title, 'an automatic proposal for the recurring lesson').toBe(lesson);
  for (const api of [fien, author, ...writerApis]) await api.dispose();

  // The manager finds it on the board, in the column of proposals.
  await signIn(page, mara.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Verbeteracties van dit netwerk' }).click();
  const proposed = page.getByRole('region', { name: 'Voorgesteld (1)' });
  await expect(proposed.getByRole('article', { name: lesson })).toBeVisible();
  await visit(page, 'actions-board', 'Verbeteracties');
  await axePhone(page, 'actions-board');

  // The same board by PDCA phase.
  await page.getByRole('link', { name: /^Per fase/ }).click();
  await expect(page.getByRole('region', { name: 'Plannen (1)' }).getByRole('article', { name: lesson })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Uitvoeren (0)' })).toBeVisible();
  await axe(page, 'actions-board-phase');

  // What needs my attention: the proposal waiting for a manager.
  await page.getByRole('link', { name: 'Heeft mijn aandacht' }).click();
  await expect(page.getByRole('article', { name: lesson })).toBeVisible();
  await expect(page.getByText('Waarom: wacht op een manager die de actie aanneemt.')).toBeVisible();
  await visit(page, 'actions-attention', 'Heeft mijn aandacht');

  // The action: accept it, then plan, do, check and act, with progress at every step.
  await page.getByRole('link', { name: lesson }).click();
  await expect(page.getByRole('heading', { level: 1, name: lesson })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Waar komt deze actie vandaan?' })).toContainText(lesson);
  await visit(page, 'action-proposed', lesson);
  await page.getByRole('button', { name: `Aannemen: ${lesson}` }).click();
  await status(page, 'De actie is nu: Aangenomen.');
  await expect(page.locator('[data-fact="owner"]')).toContainText(mara.name);

  await followThrough(page, lesson);

  // The effect: the chart with its start marked, the table, and the plain verdict (too few cases yet).
  const effect = page.getByRole('region', { name: 'Werkt het?' });
  await expect(effect.getByText(/Er zijn nog te weinig casussen om iets te zeggen/)).toBeVisible();
  await expect(effect.getByRole('img', { name: 'Deel van de casussen met deze les, per kwartaal' })).toBeVisible();
  await expect(effect.getByRole('region', { name: 'Cijfers per kwartaal' }).getByRole('row', { name: /2024 Q2/ })).toContainText('voor de start');
  await visit(page, 'action-running', lesson);
  await axePhone(page, 'action-running');

  // Stopping asks a reason.
  await page.getByRole('button', { name: `Stoppen: ${lesson}` }).click();
  await expect(page.getByLabel('Waarom stopt de actie?')).toBeFocused();
  await page.getByRole('form', { name: 'Actie stoppen' }).getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByRole('form', { name: 'Actie stoppen' })).toContainText('Vul dit in.');
  await axe(page, 'action-stop-form');
  await page.getByRole('form', { name: 'Actie stoppen' }).getByRole('button', { name: 'Annuleren' }).click();
});

test('an overdue action is flagged on the board and in my attention; a member proposes one through the form', async ({ page, browser, network }) => {
  const mara = await network.addMember('Mara', 'manager', 'management');
  const noor = await network.addMember('Noor', 'member', 'onderwijs');
  const overdueTitle = 'Bel de school binnen een week na de melding';

  // Mara proposes an action that was due last year, and accepts it: hers, and overdue.
  const manager = await Api.signIn(mara.email, password);
  const created = await proposeAction(manager, network.id, { title: overdueTitle, kind: 'practice', due_on: '2025-01-15' });
  await manager.call('POST', `/api/v1/actions/${created.id}/status`, { status: 'accepted', version: created.version }, 200);
  await manager.dispose();

  await signIn(page, mara.email);
  await page.goto(`/netwerk/${network.id}/verbeteracties`);
  const card = page.getByRole('region', { name: 'Aangenomen (1)' }).getByRole('article', { name: overdueTitle });
  await expect(card).toContainText('Te laat: moest klaar zijn op 15 jan 2025');
  await expect(page.getByText('1 is te laat.')).toBeVisible();
  // Only the overdue ones.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Alleen acties die te laat zijn').check();
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/te-laat=ja/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await visit(page, 'actions-board-overdue', 'Verbeteracties');

  await page.goto(`/netwerk/${network.id}/verbeteracties/aandacht`);
  await expect(page.getByRole('article', { name: overdueTitle })).toContainText('Te laat');
  await expect(page.getByText('Waarom: te laat.')).toBeVisible();

  await page.getByRole('link', { name: overdueTitle }).click();
  await expect(page.locator('.utrecht-alert').filter({ hasText: 'Te laat: moest klaar zijn op' })).toBeVisible();
  await visit(page, 'action-overdue', overdueTitle);

  // A member proposes an action through the form; there is nothing to manage for them.
  const context = await browser.newContext();
  const member = await context.newPage();
  const problems = watch(member);
  await signIn(member, noor.email);
  await member.goto(`/netwerk/${network.id}/verbeteracties`);
  await member.getByRole('link', { name: 'Een verbeteractie voorstellen' }).click();
  await visit(member, 'action-propose', 'Verbeteractie voorstellen');
  await member.getByRole('button', { name: 'Voorstellen' }).click();
  await expect(member.locator('.leerlus-error-summary')).toContainText('Kies een soort actie.');
  await axe(member, 'action-propose-errors');
  await member.getByLabel('Titel').fill('Een vaste contactpersoon op school voor elke thuiszitter');
  await member.getByLabel('Soort actie').selectOption({ label: 'Opleiding' });
  await member.getByRole('button', { name: 'Voorstellen' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Een vaste contactpersoon op school voor elke thuiszitter' })).toBeVisible();
  await expect(member.getByRole('status').filter({ hasText: 'Je voorstel is opgeslagen.' })).toBeVisible();
  await expect(member.getByRole('button', { name: /^Aannemen/ })).toHaveCount(0);
  await visit(member, 'action-member', 'Een vaste contactpersoon op school voor elke thuiszitter');
  await axePhone(member, 'action-member');
  expect(problems, 'CSP violations or script errors').toEqual([]);
  await context.close();
});

test('a manager sets a goal and enters measurements; they show as a run chart and a table', async ({ page, network }) => {
  const mara = await network.addMember('Mara', 'manager', 'management');
  const goal = '0 jongeren verzuimen op school';
  await signIn(page, mara.email);
  await page.goto(`/netwerk/${network.id}/doelen`);
  await visit(page, 'goals-empty', 'Doelen van het netwerk');
  await page.getByRole('button', { name: 'Nieuw doel' }).click();
  await page.getByLabel('Naam van het doel').fill(goal);
  await page.getByLabel('Eenheid').fill('jongeren');
  await page.getByLabel('Beginwaarde').fill('14');
  await page.getByLabel('Streefwaarde').fill('0');
  await axe(page, 'goal-form');
  await page.getByRole('button', { name: 'Doel opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: goal })).toBeVisible();
  await status(page, 'Het doel is opgeslagen.');

  for (const [date, value] of [
    ['2026-01-15', '12'],
    ['2026-04-15', '9'],
    ['2026-07-15', '7,5'],
  ] as const) {
    await page.getByRole('button', { name: `Meting invoeren: ${goal}` }).click();
    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Waarde (in jongeren)').fill(value);
    await page.getByRole('button', { name: 'Meting opslaan' }).click();
    await status(page, 'De meting is opgeslagen.');
  }
  const table = page.getByRole('region', { name: 'Metingen, nieuwste eerst' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(1)).toContainText('7,5 jongeren');
  await expect(page.getByRole('img', { name: `${goal} (jongeren), per meting` })).toBeVisible();
  await expect(page.getByText(/te weinig om een verandering te zien/)).toBeVisible();
  await visit(page, 'goal-detail', goal);
  await axePhone(page, 'goal-detail');

  // Correct one, remove another.
  await table.getByRole('button', { name: 'Meting van 15 apr 2026 wijzigen' }).click();
  await page.getByLabel('Waarde (in jongeren)').last().fill('10');
  await page.getByRole('form', { name: 'Meting wijzigen' }).getByRole('button', { name: 'Opslaan' }).click();
  await status(page, 'De meting van 15 apr 2026 is gewijzigd.');
  await table.getByRole('button', { name: 'Meting van 15 jan 2026 verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await status(page, 'De meting van 15 jan 2026 is verwijderd.');
  await expect(table.getByRole('row')).toHaveCount(3);

  await page.getByRole('link', { name: 'Terug naar de doelen' }).click();
  await expect(page.getByRole('article', { name: goal })).toContainText('7,5 jongeren op 15 jul 2026');
  await visit(page, 'goals-list', 'Doelen van het netwerk');
});
