import { test, expect, visit, signIn, password, Api } from './fixtures';
import { publishCase, submitCase } from './api';

const title = 'Snel een vaste hulpverlener';
const body = {
  title,
  outcome: 'good',
  start: { year: 2023, quarter: 3 },
  end: { year: 2024, quarter: 2 },
  age_band: '4-12',
  household: 'two_parents',
  life_domains: ['upbringing'],
  services: ['neighbourhood_team'],
  duration: '6_12m',
  summary: 'Het gezin kreeg snel een vaste hulpverlener die alles met school afstemde.',
  episodes: [{ phase: 'access', what_happened: 'Binnen twee weken was er een eerste gesprek thuis.', effect: 'helped', duration: '1_4w' }],
};

test('the author corrects a published case: it leaves the list and waits for a facilitator again', async ({ page, network }) => {
  const mila = await network.addMember('Mila');
  const author = await Api.signIn(mila.email, password);
  const facilitator = await Api.signIn(network.facilitator.email, password);
  const draft = await author.post<{ id: string; version: number }>(`/api/v1/networks/${network.id}/cases`, body);
  await publishCase(facilitator, await submitCase(author, draft));
  await author.dispose();

  await signIn(page, mila.email);
  await page.goto(`/netwerk/${network.id}/casussen/${draft.id}`);
  await visit(page, 'case-correct-start', title);
  await page.getByRole('button', { name: 'Casus verbeteren' }).click();
  await page.getByRole('button', { name: 'Ja, verbeteren' }).click();
  await expect(page.getByText('Je verbetert een gepubliceerde casus.', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: /Samenvatting/ }).first().click();
  const summary = page.getByRole('textbox', { name: 'Samenvatting' });
  await summary.fill(`${body.summary} De mentor en de hulpverlener spraken elke maand af.`);
  await expect(page.getByText('Je verbetering wacht op controle')).toBeVisible({ timeout: 15_000 });
  await visit(page, 'case-correct-waiting', /Samenvatting|Casus/);

  // Out of the network's list until it is checked again; in the queue as a correction.
  const list = await facilitator.get<{ items: { id: string; correction: boolean; status: string }[] }>(
    `/api/v1/networks/${network.id}/cases?status=submitted`,
  );
  expect(list.items).toContainEqual(expect.objectContaining({ id: draft.id, correction: true, status: 'submitted' }));
  const published = await facilitator.get<{ items: { id: string }[] }>(`/api/v1/networks/${network.id}/cases`);
  expect(published.items.map((c) => c.id)).not.toContain(draft.id);
  await facilitator.dispose();
});
