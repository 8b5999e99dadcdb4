import { test, expect, axe, visit, signIn, signOut, password, Api } from './fixtures';
import { codeIds, publishedCase, publishedReflection } from './api';
import { axePhone, followThrough, status } from './actionSteps';

// One lesson in the words of three people on three cases, and a fourth
// way of saying it that comes later (its publication regroups the network).
const phrasings = [
  'Vraag de jongere eerst wat hij zelf nodig heeft voordat je een plan maakt.',
  'Betrek de jongere bij het plan: vraag wat hij zelf wil.',
  'Vraag de jongere wat hij zelf wil voordat je iets besluit.',
];
const later = 'Vraag de jongere zelf wat hij wil voordat er een plan komt.';
// The detail page's heading, exactly: a plain string would also match the
// list's "Terugkerende lessen" while the detail page is still loading.
const detailHeading = /^Terugkerende les$/;
const titles = ['Thuiszitten na de overstap', 'Lang wachten op jeugd-ggz', 'Geen plek op school', 'Een plan zonder de jongere'];

function caseBody(title: string) {
  return {
    title,
    outcome: 'stuck',
    start: { year: 2024, quarter: 2 },
    end: { year: 2025, quarter: 2 },
    age_band: '12-18',
    household: 'two_parents',
    life_domains: ['education_work'],
    services: ['neighbourhood_team'],
    duration: '1_2y',
    summary: 'Een jongere zat lang thuis. Er werd veel over hem besloten.',
    episodes: [{ phase: 'signalling', what_happened: 'De mentor zag dat hij vaak afwezig was.', effect: 'helped', duration: '1_4w' }],
  };
}

function reflectionBody(lesson: string, heard: string) {
  return {
    items: [
      { question: 'worked', what: 'De mentor bleef contact houden.', why: '' },
      { question: 'did_not_work', what: 'Er werd over de jongere gepraat, niet met hem.', why: 'Zo ging het altijd.', codes: [{ code_id: heard, effect: 'hindered' }] },
    ],
    lessons: [{ statement: lesson, codes: [heard], sources: [1] }],
  };
}

test('three members state one lesson in other words on three cases: it recurs; a facilitator splits one off and the split survives a regrouping; its action is accepted, followed through plan-do-check-act, shows its effect and is flagged when overdue', async ({
  page,
  network,
}) => {
  const mila = await network.addMember('Mila', 'member', 'professional');
  const mara = await network.addMember('Mara', 'manager', 'management');
  const reflectors = [
    await network.addMember('Jet', 'member', 'jongere'),
    await network.addMember('Olga', 'member', 'ouder'),
    await network.addMember('Pim', 'member', 'professional'),
  ];
  const fien = await Api.signIn(network.facilitator.email, password);
  const author = await Api.signIn(mila.email, password);
  const cases: string[] = [];
  for (const title of titles) cases.push(await publishedCase(author, fien, network.id, caseBody(title)));
  await author.dispose();
  const heard = (await codeIds(fien, network.id))['T4.stem_jongere']!;
  for (const [i, who] of reflectors.entries()) {
    const api = await Api.signIn(who.email, password);
    await publishedReflection(api, fien, cases[i]!, reflectionBody(phrasings[i]!, heard));
    await api.dispose();
  }

  // A member finds the recurring lesson from the network's page, with its three cases.
  await signIn(page, reflectors[1]!.email);
  await page.goto(`/netwerk/${network.id}`);
  await page.getByRole('main').getByRole('link', { name: 'Terugkerende lessen' }).click();
  const list = page.getByRole('list', { name: 'Terugkerende lessen' });
  await expect(list.getByRole('article')).toHaveCount(1);
  const card = list.getByRole('article');
  await expect(card).toContainText('3 casussen');
  await expect(card).toContainText('Van de 3 casussen: 0 liepen goed, 0 liepen deels goed en 3 liepen vast.');
  await visit(page, 'recurring-list', 'Terugkerende lessen');
  await card.getByRole('link').click();
  await visit(page, 'recurring-detail-member', detailHeading);
  const caseLinks = page.getByRole('region', { name: 'De casussen achter deze les' }).getByRole('link');
  await expect(caseLinks).toHaveText(titles.slice(0, 3));
  const groupUrl = page.url();
  // The cases are one click away.
  await caseLinks.first().click();
  await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();
  await signOut(page);

  // The facilitator takes the third phrasing out of the group.
  await signIn(page, network.facilitator.email);
  await page.goto(groupUrl);
  await expect(page.getByRole('heading', { level: 1, name: detailHeading })).toBeVisible();
  const lessons = page.getByRole('region', { name: 'Zo schreven mensen deze les op' });
  await expect(lessons.getByRole('article')).toHaveCount(3);
  await page.getByRole('checkbox', { name: `Eruit halen: ${phrasings[2]}` }).check();
  await axe(page, 'recurring-split-choice');
  await page.getByRole('button', { name: 'Aangevinkte lessen eruit halen' }).click();
  await page.getByRole('button', { name: 'Ja, eruit halen' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 les is uit de groep gehaald.' })).toBeVisible();
  await expect(lessons.getByRole('article')).toHaveCount(2);
  await expect(lessons).not.toContainText(phrasings[2]!);
  await expect(page.getByText('Nog geen terugkerende les: te weinig casussen')).toBeVisible();
  await axe(page, 'recurring-after-split');

  // A fourth reflection is published: the network is grouped again. The
  // new lesson joins; the lesson split off stays out.
  const pim = await Api.signIn(reflectors[2]!.email, password);
  await publishedReflection(pim, fien, cases[3]!, reflectionBody(later, heard));
  await pim.dispose();
  await fien.dispose();
  await page.reload();
  await expect(lessons.getByRole('article')).toHaveCount(3);
  await expect(lessons).toContainText(later);
  await expect(lessons).not.toContainText(phrasings[2]!);
  await expect(page.getByRole('region', { name: 'De casussen achter deze les' }).getByRole('link')).toHaveText([titles[0]!, titles[1]!, titles[3]!]);
  await visit(page, 'recurring-detail-facilitator', detailHeading);

  // Crossing the threshold proposed an action for the lesson; it shows
  // on the lesson's page.
  const followUp = page.getByRole('region', { name: 'Verbeteracties bij deze les' });
  await expect(followUp.getByRole('article')).toHaveCount(1);
  await expect(followUp.getByRole('article')).toContainText('Voorgesteld');
  await expect(followUp.getByRole('link', { name: 'Een verbeteractie voorstellen voor deze les' })).toBeVisible();
  await signOut(page);

  // The manager opens it from the lesson, accepts it and follows it through.
  await signIn(page, mara.email);
  await page.goto(groupUrl);
  const proposal = followUp.getByRole('article').getByRole('link');
  const title = (await proposal.textContent())!.trim();
  await proposal.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: `Aannemen: ${title}` }).click();
  await status(page, 'De actie is nu: Aangenomen.');
  await followThrough(page, title);

  // The effect of the action on how often the lesson recurs, as a run chart with a table.
  const effect = page.getByRole('region', { name: 'Werkt het?' });
  await expect(effect.getByRole('img', { name: 'Deel van de casussen met deze les, per kwartaal' })).toBeVisible();
  await expect(effect.getByRole('region', { name: 'Cijfers per kwartaal' }).getByRole('row', { name: /2024 Q2/ })).toContainText('voor de start');
  await expect(effect.getByText(/Er zijn nog te weinig casussen om iets te zeggen/)).toBeVisible();
  await axePhone(page, 'action-effect');

  // Its date passes: the action is flagged as overdue, on its page and on the board.
  await page.getByRole('button', { name: `Wijzigen: ${title}`, exact: true }).click();
  await page.getByLabel('Klaar op').fill('2025-01-15');
  await page.getByRole('form', { name: 'Actie wijzigen' }).getByRole('button', { name: 'Opslaan' }).click();
  await status(page, 'De actie is opgeslagen.');
  await expect(page.locator('.utrecht-alert').filter({ hasText: 'Te laat: moest klaar zijn op 15 jan 2025' })).toBeVisible();
  await visit(page, 'action-overdue-from-lesson', title);
  await page.goto(`/netwerk/${network.id}/verbeteracties`);
  await expect(page.getByRole('article', { name: title })).toContainText('Te laat: moest klaar zijn op 15 jan 2025');
  await axe(page, 'actions-board-with-overdue');
});
