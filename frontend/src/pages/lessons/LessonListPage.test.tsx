import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LessonListPage from './LessonListPage';
import { json, mockApi, problem, renderRoutes, sessionFor, type Seen } from '../../test/helpers';
import { codebook, curator, ids, reader, withoutUsage } from '../codebook/testdata';
import { askYoung, caseA, listenYoung, rejected, waitLesson } from './testdata';
import type { Me } from '../../api/types';
import type { LessonSummary } from '../../api/lessons';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me = curator, url = '/netwerk/n-fr/lessen') {
  return renderRoutes([{ path: '/netwerk/:id/lessen', element: <main><LessonListPage /></main> }], { url, session: sessionFor(me) });
}

function api(items: LessonSummary[] = [askYoung, listenYoung], extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /networks/n-fr/lessons': () => json({ items }),
    'GET /networks/n-fr/codebook': () => json(withoutUsage(codebook)),
    ...extra,
  });
}

const lists = (seen: Seen[]) => seen.filter((s) => s.method === 'GET' && s.path === '/networks/n-fr/lessons');
const card = (statement: string) => screen.getByRole('article', { name: statement });

describe('LessonListPage for a facilitator', () => {
  it('lists the lessons still to curate with their codes, perspectives, cases and sources', async () => {
    const { seen } = api();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Lessen beoordelen' })).toBeInTheDocument();
    const ask = await screen.findByRole('article', { name: askYoung.statement });
    expect(within(ask).getByRole('link', { name: askYoung.statement })).toHaveAttribute('href', '/netwerk/n-fr/lessen/l-ask');
    expect(ask).toHaveTextContent('nog te beoordelen');
    expect(ask).toHaveTextContent('Stem van de jongere');
    expect(ask).toHaveTextContent('ouder');
    expect(within(ask).getByRole('link', { name: caseA.title })).toHaveAttribute('href', `/netwerk/n-fr/casussen/${caseA.id}`);
    expect(ask).toHaveTextContent('1 reflectie');
    expect(lists(seen)[0]!.query.get('status')).toBe('proposed');
  });

  it('merges the ticked lessons, chosen by keyboard, into the one that stays, with the versions it showed', async () => {
    const { seen } = api([askYoung, listenYoung], {
      'POST /networks/n-fr/lessons/merge': () => json({ ...askYoung, source_count: 2, sources: [] }),
    });
    render();
    const user = userEvent.setup();
    const first = within(await screen.findByRole('article', { name: askYoung.statement })).getByRole('checkbox', { name: `Kies om samen te voegen: ${askYoung.statement}` });
    first.focus();
    await user.keyboard(' ');
    expect(screen.getByText('Je hebt 1 les gekozen. Kies nog minstens één les.')).toBeInTheDocument();
    within(card(listenYoung.statement)).getByRole('checkbox').focus();
    await user.keyboard(' ');
    expect(screen.getByText('Je hebt 2 lessen gekozen.')).toBeInTheDocument();
    const into = screen.getByRole('group', { name: 'Welke les blijft?' });
    expect(within(into).getByRole('radio', { name: askYoung.statement })).toBeChecked();
    await user.click(within(into).getByRole('radio', { name: listenYoung.statement }));
    await user.click(screen.getByRole('button', { name: 'Samenvoegen' }));
    expect(screen.getByText(`1 les gaat op in „${listenYoung.statement}”. Wil je doorgaan?`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ja, samenvoegen' }));
    expect(await screen.findByText(`1 les is samengevoegd in „${askYoung.statement}”.`)).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({
      path: '/networks/n-fr/lessons/merge',
      body: { into: 'l-listen', lessons: [{ id: 'l-ask', version: 3 }] },
    });
    // The choice is cleared after the merge.
    expect(screen.queryByRole('group', { name: 'Welke les blijft?' })).toBeNull();
  });

  it('offers no merge for a rejected lesson', async () => {
    api([rejected]);
    render(curator, '/netwerk/n-fr/lessen?status=rejected');
    const rej = await screen.findByRole('article', { name: rejected.statement });
    expect(within(rej).queryByRole('checkbox')).toBeNull();
    expect(rej).toHaveTextContent('Dit is geen les.');
  });

  it('accepts a lesson in new words, sending only what changed with its version', async () => {
    const { seen } = api([askYoung], { 'POST /lessons/l-ask/accept': () => json({ ...askYoung, status: 'accepted', sources: [] }) });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Goedkeuren: ${askYoung.statement}` }));
    const statement = screen.getByLabelText('De les');
    expect(statement).toHaveFocus();
    await user.clear(statement);
    await user.type(statement, 'Vraag de jongere wat hij zelf wil.');
    await user.click(within(screen.getByRole('form', { name: 'Les goedkeuren' })).getByRole('button', { name: 'Goedkeuren' }));
    expect(await screen.findByText('De les is goedgekeurd. Leden van het netwerk zien hem nu.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({
      path: '/lessons/l-ask/accept',
      body: { statement: 'Vraag de jongere wat hij zelf wil.', version: 3 },
    });
    expect(seen.find((s) => s.method === 'POST')!.body).not.toHaveProperty('codes');
  });

  it('rewords the codes of a lesson: a code added from the grouped list, the list sent whole', async () => {
    const { seen } = api([waitLesson], { 'PATCH /lessons/l-wait': () => json({ ...waitLesson, sources: [] }) });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Anders schrijven: ${waitLesson.statement}` }));
    const form = screen.getByRole('form', { name: 'Les anders schrijven' });
    // Nothing changed yet: said, not sent.
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await within(form).findByText('Je hebt niets veranderd.')).toBeInTheDocument();
    const pick = within(form).getByLabelText('Thema kiezen');
    // Retired and merged codes are not offered; the codes are grouped by theme.
    expect(within(pick).queryByRole('option', { name: 'Oude code' })).toBeNull();
    expect(pick.querySelector(`optgroup[label="Betrokkenheid jongere en gezin"] option[value="${ids.heard}"]`)).not.toBeNull();
    await user.selectOptions(pick, ids.heard);
    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De les is gewijzigd.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ codes: [ids.wait, ids.heard], version: 4 });
  });

  it('keeps the typed words when someone else changed the lesson, and saves with the new version after the reload', async () => {
    let version = 3;
    let patches = 0;
    const { seen } = api([askYoung], {
      'GET /networks/n-fr/lessons': () => json({ items: [{ ...askYoung, version }] }),
      'PATCH /lessons/l-ask': () => {
        patches += 1;
        if (patches === 1) {
          version = 6;
          return problem(409, { title: 'Conflict' });
        }
        return json({ ...askYoung, version: 7, sources: [] });
      },
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Anders schrijven: ${askYoung.statement}` }));
    const statement = screen.getByLabelText('De les');
    await user.clear(statement);
    await user.type(statement, 'Vraag het de jongere zelf.');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText(/Iemand anders heeft deze les net gewijzigd/)).toBeInTheDocument();
    await vi.waitFor(() => expect(lists(seen).length).toBeGreaterThan(1));
    expect(screen.getByLabelText('De les')).toHaveValue('Vraag het de jongere zelf.');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De les is gewijzigd.')).toBeInTheDocument();
    const bodies = seen.filter((s) => s.method === 'PATCH').map((s) => s.body);
    expect(bodies).toEqual([
      { statement: 'Vraag het de jongere zelf.', version: 3 },
      { statement: 'Vraag het de jongere zelf.', version: 6 },
    ]);
  });

  it('rejects only with a reason, names what identifies someone in it, and can save it anyway as a false alarm', async () => {
    let tries = 0;
    const { seen } = api([askYoung], {
      'POST /lessons/l-ask/reject': () => {
        tries += 1;
        if (tries === 1) return problem(422, { findings: [{ field: '/reason', type: 'person', start: 9, end: 14, direct: true }] });
        return json({ ...askYoung, status: 'rejected', sources: [] });
      },
    });
    render();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Afwijzen: ${askYoung.statement}` }));
    const form = screen.getByRole('form', { name: 'Les afwijzen' });
    await user.click(within(form).getByRole('button', { name: 'Afwijzen' }));
    expect(await within(form).findAllByText('Schrijf waarom je de les afwijst.')).not.toHaveLength(0);
    expect(tries).toBe(0);
    await user.type(within(form).getByLabelText('Waarom wijs je deze les af?'), 'Zegt juf Marga ook al.');
    await user.click(within(form).getByRole('button', { name: 'Afwijzen' }));
    expect(await within(form).findAllByText('Hier staat „Marga” (naam). Haal dit weg of schrijf het anders.')).not.toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: 'Toch opslaan, dit is geen persoonsgegeven' }));
    expect(await screen.findByText('De les is afgewezen. Leden zien hem niet.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.body)).toEqual([
      { reason: 'Zegt juf Marga ook al.', version: 3 },
      { reason: 'Zegt juf Marga ook al.', version: 3, dismissed: [{ field: '/reason', type: 'person', start: 9, end: 14 }], confirmed: [] },
    ]);
  });

  it('takes a rejected lesson back into curation', async () => {
    const { seen } = api([rejected], { 'POST /lessons/l-rej/reopen': () => json({ ...rejected, status: 'proposed', sources: [] }) });
    render(curator, '/netwerk/n-fr/lessen?status=rejected');
    await userEvent.click(await screen.findByRole('button', { name: `Opnieuw beoordelen: ${rejected.statement}` }));
    expect(await screen.findByText('De les staat weer bij de lessen die je nog moet beoordelen.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({ path: '/lessons/l-rej/reopen', body: { version: 5 } });
  });

  it('filters by code and words through the URL, and narrows to a case from a link', async () => {
    const { seen } = api([askYoung]);
    const { router } = render(curator, `/netwerk/n-fr/lessen?case=${caseA.id}`);
    expect(await screen.findByText(`Je ziet alleen de lessen van de casus „${caseA.title}”.`)).toBeInTheDocument();
    expect(lists(seen)[0]!.query.get('case')).toBe(caseA.id);
    const user = userEvent.setup();
    // A filter is chosen (the case), so the filters are open.
    expect(screen.getByText('Filters (1 filter gekozen)').closest('details')).toHaveAttribute('open');
    await user.selectOptions(screen.getByLabelText('Thema'), ids.wait);
    await user.type(screen.getByLabelText('Zoek in de les'), 'wachten');
    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe(`?status=all&code=${ids.wait}&case=${caseA.id}&q=wachten`));
    await vi.waitFor(() => expect(lists(seen).length).toBe(2));
    const q = lists(seen)[1]!.query;
    expect([q.get('status'), q.get('code'), q.get('case'), q.get('q')]).toEqual([null, ids.wait, caseA.id, 'wachten']);
  });
});

describe('LessonListPage for a member', () => {
  it('reads the accepted lessons of the network, without status, selection or steps', async () => {
    const { seen } = api([{ ...waitLesson, reject_reason: undefined }]);
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lessen uit ons netwerk' })).toBeInTheDocument();
    const wait = await screen.findByRole('article', { name: waitLesson.statement });
    expect(wait).toHaveTextContent('Wachttijd');
    expect(wait).not.toHaveTextContent('goedgekeurd');
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Goedkeuren|Afwijzen|Anders schrijven/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Lessen samenvoegen' })).toBeNull();
    expect(screen.queryByLabelText('Status')).toBeNull();
    expect(lists(seen)[0]!.query.has('status')).toBe(false);
  });

  it('is not for people outside the network', () => {
    const { fetchMock } = api();
    render({ ...reader, memberships: [] });
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
