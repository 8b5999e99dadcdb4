import { test, expect, axe, filterAudit, menu, signIn, signOut, watch } from './fixtures';
import {
  addStoryEpisode,
  fillFamily,
  fillOutcome,
  finishEpisode,
  nextStep,
  openNewCase,
  resolveFindings,
  saved,
  startDraft,
  submitDraft,
  writeSummary,
} from './caseForm';

const title = 'Wachten op de jeugd-ggz na een verhuizing';
const summary = 'Het gezin wachtte maanden op hulp. Toen de hulp kwam, was het te laat voor school.';

test('a case from writing to reading: the member writes and decides on findings, another facilitator checks and publishes, a researcher reads it without a trace of the author, and the audit log shows the reads', async ({
  page,
  browser,
  network,
  admin,
}) => {
  const mila = await network.addMember('Mila', 'member', 'ouder');
  const rik = await network.addMember('Rik', 'researcher', 'onderzoek');

  // The member writes the case through the form.
  await signIn(page, mila.email);
  await openNewCase(page, network.id);
  await axe(page, 'flow-case-new');
  const caseId = await startDraft(page, title);
  await fillOutcome(page);
  await axe(page, 'flow-case-step-1');
  await fillFamily(page);
  await axe(page, 'flow-case-step-2');

  // A BSN and a name typed into an episode are flagged, with the flower as a false alarm.
  const episode = await addStoryEpisode(page);
  await expect(episode.jan).toBeVisible();
  await expect(episode.bsn).toBeVisible();
  await expect(episode.margriet).toBeVisible();
  await expect(episode.text).toHaveAttribute('aria-invalid', 'true');
  await axe(page, 'flow-case-step-3-flagged');
  // The name and the BSN replaced, the flower dismissed: one click each.
  await resolveFindings(episode);
  await finishEpisode(page);
  await axe(page, 'flow-case-step-3-resolved');

  await nextStep(page, 4);
  await writeSummary(page, summary);
  await saved(page);
  await axe(page, 'flow-case-step-4');
  await nextStep(page, 5);
  await expect(page.getByText(title)).toBeVisible();
  // Nothing is missing: the review step says nothing of the kind.
  await expect(page.getByRole('heading', { name: 'Dit mist nog' })).toHaveCount(0);
  await axe(page, 'flow-case-step-5');
  await submitDraft(page);
  await axe(page, 'flow-case-submitted');
  await signOut(page);

  // A facilitator of the network, not the author, checks it from the review queue.
  await signIn(page, network.facilitator.email);
  await page.goto(`/netwerk/${network.id}`);
  await axe(page, 'flow-network-home-facilitator');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Casussen controleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casussen controleren' })).toBeVisible();
  await axe(page, 'flow-review-queue');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The case page sits inside its network: the menu keeps the network.
  await expect(page).toHaveURL(new RegExp(`/netwerk/${network.id}/casussen/${caseId}$`));
  expect(await menu(page)).toContain('Casussen controleren');
  // The span the author dismissed is highlighted for the check.
  const dismissed = page.locator('mark[data-kind="dismissed"]');
  await expect(dismissed).toHaveCount(1);
  await expect(dismissed).toContainText('Margriet');
  await expect(dismissed).toContainText('door de schrijver weggeklikt: naam');
  await expect(page.getByRole('note', { name: 'Wat de schrijver heeft beslist' })).toContainText('1 melding weggeklikt');
  await axe(page, 'flow-case-check');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De casus is gepubliceerd.' })).toBeVisible();
  await axe(page, 'flow-case-published');
  await signOut(page);

  // A researcher of the network reads it in its own browser, every API answer kept.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const problems = watch(reader);
  const answers: Promise<{ url: string; body: string }>[] = [];
  context.on('response', (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    answers.push(
      res
        .text()
        .then((body) => ({ url: res.url(), body }))
        .catch(() => ({ url: res.url(), body: '' })),
    );
  });
  await signIn(reader, rik.email);
  await reader.goto(`/netwerk/${network.id}`);
  await axe(reader, 'flow-network-home-researcher');
  await reader.getByRole('main').getByRole('link', { name: 'Casussen lezen' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: /^Casussen van / })).toBeVisible();
  const row = reader.locator('tbody tr', { hasText: title });
  await expect(row).toContainText('vastgelopen');
  await axe(reader, 'flow-case-list-researcher');
  await row.getByRole('link', { name: title }).click();
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader).toHaveURL(new RegExp(`/netwerk/${network.id}/casussen/${caseId}$`));
  const moments = reader.getByRole('region', { name: 'Cruciale momenten', exact: true });
  await expect(moments).toContainText('Margriet');
  await expect(moments).toContainText('[BSN-1]');
  await expect(reader.locator('mark')).toHaveCount(0);
  await axe(reader, 'flow-case-read-researcher');
  await reader.waitForLoadState('networkidle');

  const bodies = await Promise.all(answers);
  expect(bodies.some((a) => a.url.includes(`/api/v1/networks/${network.id}/cases`)), 'the list was read').toBe(true);
  // The bodies were kept whole: the case's own answer holds its text.
  expect(bodies.find((a) => a.url.endsWith(`/api/v1/cases/${caseId}`))?.body, 'the case was read').toContain('Margriet');
  for (const { url, body } of bodies) {
    for (const trace of [mila.name, mila.email, mila.id]) {
      expect(body, `${url} names the author`).not.toContain(trace);
    }
  }
  expect(problems, 'CSP violations or script errors').toEqual([]);
  await context.close();

  // The demo administrator finds both reads in the audit log.
  await signIn(page, 'admin@leerlus.demo');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Logboek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await axe(page, 'flow-audit');
  await filterAudit(page, { who: rik, action: 'casus gelezen' });
  const read = page.locator('tbody tr');
  await expect(read).toHaveCount(1);
  await expect(read).toHaveAttribute('data-action', 'case.read');
  await expect(read).toContainText(rik.name);
  await expect(read).toContainText('casus gelezen');
  await expect(read).toContainText(network.name);
  await axe(page, 'flow-audit-case-read');
  // The entry is about this case (the log names a case by no title: its id is in the entry).
  const entries = await admin.get<{ items: { object_id?: string }[] }>(`/api/v1/audit?action=case.read&actor=${rik.id}`);
  expect(entries.items.map((e) => e.object_id)).toEqual([caseId]);

  await filterAudit(page, { action: 'casussen bekeken' });
  const listed = page.locator('tbody tr');
  await expect(listed.first()).toHaveAttribute('data-action', 'cases.listed');
  await expect(listed.first()).toContainText(rik.name);
  await expect(listed.first()).toContainText(network.name);
  await expect(page.locator('tbody tr:not([data-action="cases.listed"])')).toHaveCount(0);
  await axe(page, 'flow-audit-cases-listed');
});
