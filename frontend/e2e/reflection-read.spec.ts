import { test, expect, axe, visit, signIn, signOut, watch, password, Api, type Account } from './fixtures';
import { createReflection, publishCase, publishReflection, submitCase, submitReflection } from './api';
import type { Browser } from '@playwright/test';

const title = 'Thuiszitten na de overstap naar het voortgezet onderwijs';

function caseBody() {
  return {
    title,
    outcome: 'mixed',
    start: { year: 2024, quarter: 1 },
    end: { year: 2025, quarter: 1 },
    age_band: '12-18',
    household: 'one_parent',
    life_domains: ['education_work'],
    services: ['neighbourhood_team'],
    duration: '1_2y',
    summary: 'Na de overstap ging de jongen niet meer naar school. Het duurde lang voordat er een plan kwam.',
    episodes: [{ phase: 'signalling', what_happened: 'De mentor zag dat hij vaak ontbrak.', effect: 'helped', duration: '1_4w' }],
  };
}

// Two views of the same trajectory. The parent says the young person was
// not heard (1 of 5), the professional says he was (4 of 5): the
// comparison must show that difference.
const parentBody = {
  items: [
    { question: 'worked', what: 'De mentor belde ons elke week.', why: 'Zo wisten we wat er speelde.' },
    { question: 'did_not_work', what: 'Niemand vroeg wat onze zoon zelf wilde.', why: 'Er werd alleen met ons gepraat.' },
  ],
  texts: [{ question: 'differently', text: 'Eerder met onze zoon zelf praten.' }],
  ratings: [
    { question: 'on_time', rating: 2 },
    { question: 'young_person_heard', rating: 1 },
  ],
  lessons: [{ statement: 'Vraag de jongere zelf wat hij wil.', sources: [1] }],
};
const professionalBody = {
  items: [
    { question: 'worked', what: 'Elk overleg met de jongere erbij.', why: 'Hij zei zelf wat hij nodig had.' },
    { question: 'did_not_work', what: 'De wachtlijst voor een plek op een nieuwe school.', why: '' },
  ],
  ratings: [
    { question: 'on_time', rating: 3 },
    { question: 'young_person_heard', rating: 4 },
  ],
};
// The young person's own reflection names a teacher: the anonymiser flags
// it, the author calls it a false alarm, the facilitator sees that.
const youngBody = {
  items: [
    { question: 'worked', what: 'Juf Fatima Yilmaz luisterde echt naar mij.', why: 'Ze nam de tijd.' },
    { question: 'did_not_work', what: 'Ik zat maanden thuis.', why: 'Er was geen plek.' },
  ],
};

/**
 * readAsNobody opens the case page as a reader in a browser of its own and
 * checks that both perspectives are there, side by side, with the
 * difference, and that no author's name is on the page or in any answer.
 */
async function readAsNobody(browser: Browser, who: Account, url: string, authors: Account[], shot: string) {
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
  await expect(reflections.getByRole('article', { name: 'Perspectief: ouder' })).toBeVisible();
  await expect(reflections.getByRole('article', { name: 'Perspectief: professional' })).toBeVisible();
  await visit(page, shot, title);

  const parent = reflections.getByRole('article', { name: 'Perspectief: ouder' });
  await expect(parent).toContainText('Niemand vroeg wat onze zoon zelf wilde.');
  await expect(parent).toContainText('1 van 5: helemaal niet mee eens');
  await expect(parent).toContainText('Vraag de jongere zelf wat hij wil.');
  // The comparison: the rating on being heard lies far apart.
  const ratings = page.getByRole('region', { name: 'Cijfers per perspectief' });
  const heard = ratings.locator('tr', { hasText: 'Er werd naar de jongere geluisterd' });
  await expect(heard).toHaveAttribute('data-agreement', 'differ');
  await expect(heard).toContainText('groot verschil');
  await expect(ratings.locator('tr', { hasText: 'De hulp kwam op tijd' })).toContainText('klein of geen verschil');
  // Nothing of the person: no name, no mark, no author line.
  await expect(page.getByText('Geschreven door')).toHaveCount(0);
  await expect(page.locator('mark')).toHaveCount(0);
  const html = await page.content();
  await page.waitForLoadState('networkidle');
  const bodies = await Promise.all(answers);
  for (const a of authors) {
    expect(html, `the page names ${a.name}`).not.toContain(a.name);
    for (const body of bodies) expect(body, `an answer names ${a.name}`).not.toContain(a.name);
  }
  // On a phone the perspectives stand under each other.
  await page.setViewportSize({ width: 360, height: 780 });
  const [first, second] = await Promise.all(
    ['ouder', 'professional'].map((p) => reflections.getByRole('article', { name: `Perspectief: ${p}` }).boundingBox()),
  );
  expect(second!.y, 'stacked at 360 px').toBeGreaterThan(first!.y + first!.height - 1);
  expect(problems, 'CSP violations or script errors').toEqual([]);
  await context.close();
}

test('two perspectives on a published case side by side: a member and a researcher read them without any author and see where they differ; a facilitator publishes a waiting reflection from the queue', async ({
  page,
  browser,
  network,
}) => {
  const mila = await network.addMember('Mila', 'member', 'professional');
  const olga = await network.addMember('Olga', 'member', 'ouder');
  const pim = await network.addMember('Pim', 'member', 'professional');
  const jop = await network.addMember('Jop', 'member', 'jongere');
  const noor = await network.addMember('Noor', 'member', 'onderwijs');
  const rik = await network.addMember('Rik', 'researcher', 'onderzoek');

  // Mila's case, published by the facilitator.
  const fien = await Api.signIn(network.facilitator.email, password);
  const author = await Api.signIn(mila.email, password);
  const c = await author.post<{ id: string; version: number }>(`/api/v1/networks/${network.id}/cases`, caseBody());
  await publishCase(fien, await submitCase(author, c));
  await author.dispose();

  // A parent and a professional reflect; both are published. The young person's waits.
  for (const [who, body] of [
    [olga, parentBody],
    [pim, professionalBody],
  ] as const) {
    const api = await Api.signIn(who.email, password);
    await publishReflection(fien, await submitReflection(api, await createReflection(api, c.id, body)));
    await api.dispose();
  }
  const young = await Api.signIn(jop.email, password);
  const waiting = await createReflection(young, c.id, youngBody, { deciding: true });
  expect(waiting.findings).toContainEqual(expect.objectContaining({ field: '/items/0/what', type: 'person', direct: true }));
  await submitReflection(young, waiting);
  await young.dispose();
  await fien.dispose();

  const casePage = `/netwerk/${network.id}/casussen/${c.id}`;
  const authors = [olga, pim, jop];
  await readAsNobody(browser, noor, casePage, [mila, ...authors], 'reflections-member');
  await readAsNobody(browser, rik, casePage, [mila, ...authors], 'reflections-researcher');

  // The facilitator finds the young person's reflection in the queue, under
  // its (published) case, checks the dismissed name and publishes it.
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Casussen controleren' }).click();
  await visit(page, 'reflection-queue', 'Casussen controleren');
  const row = page.getByRole('region', { name: 'Reflecties per casus' }).locator('tr', { hasText: title });
  await row.getByRole('link', { name: 'Reflectie (jongere)' }).click();
  await visit(page, 'reflection-review', 'Reflectie controleren');
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', casePage);
  const card = page.getByRole('article', { name: 'Perspectief: jongere' });
  await expect(card).toContainText(`Geschreven door: ${jop.name}`);
  const dismissed = card.locator('mark[data-kind="dismissed"]');
  await expect(dismissed).toHaveCount(1);
  await expect(dismissed).toContainText('Fatima Yilmaz');
  await expect(dismissed).toContainText('door de schrijver weggeklikt: naam');
  await expect(page.getByRole('note', { name: 'Wat de schrijver heeft beslist' })).toContainText('1 melding weggeklikt');

  // Sending back opens a form; cancel for now.
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page.getByLabel('Wat moet de schrijver veranderen?')).toBeFocused();
  await axe(page, 'reflection-send-back-form');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('button', { name: 'Terugsturen' })).toBeFocused();

  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De reflectie is gepubliceerd.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Reflectie' })).toBeVisible();
  await axe(page, 'reflection-published');

  // Back in the queue nothing waits any more; on the case page three perspectives.
  await page.getByRole('link', { name: 'Terug naar wat wacht op controle' }).click();
  await expect(page.getByText('Er wachten geen reflecties op controle.')).toBeVisible();
  await page.goto(casePage);
  const reflections = page.getByRole('region', { name: 'Reflecties', exact: true });
  await expect(reflections.getByRole('article')).toHaveCount(3);
  await expect(reflections.getByRole('article', { name: 'Perspectief: jongere' })).toContainText(`Geschreven door: ${jop.name}`);
  await visit(page, 'reflections-facilitator', title);
  await signOut(page);
});
