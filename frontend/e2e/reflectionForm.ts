import type { Locator, Page } from '@playwright/test';
import { expect, visit, password, Api, type Network } from './fixtures';
import { publishCase, storyCase, submitCase } from './api';

// Steps through the reflection form that several specs take.

// A case without names, so it is stored at once.
export const caseBody = storyCase('Het gezin wachtte lang op hulp. Daarna ging het beter met een vaste contactpersoon.');

/** publishedCase has a professional write a case and the network's facilitator publish it; answers its id. */
export async function publishedCase(network: Network): Promise<string> {
  const mila = await network.addMember('Mila');
  const author = await Api.signIn(mila.email, password);
  const draft = await author.post<{ id: string; version: number }>(`/api/v1/networks/${network.id}/cases`, caseBody);
  const submitted = await submitCase(author, draft);
  await author.dispose();
  const fien = await Api.signIn(network.facilitator.email, password);
  await publishCase(fien, submitted);
  await fien.dispose();
  return submitted.id;
}

/** startReflection opens the form on the case as someone of the perspective and starts the draft; the form opens on step 1. */
export async function startReflection(page: Page, networkId: string, caseId: string, perspective = 'ouder'): Promise<void> {
  await page.goto(`/netwerk/${networkId}/casussen/${caseId}/reflectie`);
  await visit(page, 'reflection-start', 'Terugkijken op de hulp');
  await expect(page.getByText('Over de casus: Lang wachten op hulp')).toBeVisible();
  await expect(page.getByText(`Je schrijft als ${perspective}. Anderen zien dat, maar niet je naam.`)).toBeVisible();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stap 1 van 6: Wat werkte' })).toBeVisible();
}

/** entry adds an entry to the step's question and types what and why; answers the entry's region. */
export async function entry(page: Page, what: string, why: string) {
  await page.getByRole('button', { name: /^(Iets|Nog iets) toevoegen$/ }).click();
  const item = page.getByRole('region', { name: /^Punt \d+$/ }).last();
  await expect(item.getByRole('textbox').first()).toBeFocused();
  await item.getByRole('textbox').first().fill(what);
  await item.getByRole('textbox').nth(1).fill(why);
  return item;
}

/** nextStep presses "Volgende stap" and waits for the step's heading. */
export async function nextStep(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
}


/** chooseSuggestion waits for the code suggestions of an entry and chooses the first; answers the code's name. */
export async function chooseSuggestion(item: Locator): Promise<string> {
  const suggestions = item.locator('.leerlus-suggestions');
  const choose = suggestions.getByRole('button', { name: / kiezen$/ }).first();
  await expect(choose).toBeVisible();
  await expect(suggestions.locator('.leerlus-suggestion__reason').first()).toContainText('Omdat je schrijft:');
  const chosen = (await choose.innerText()).replace(/ kiezen$/, '');
  await choose.click();
  await expect(item.getByRole('group', { name: chosen })).toBeVisible();
  return chosen;
}
