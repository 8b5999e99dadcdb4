import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RecurringPage from './RecurringPage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { curator, reader } from '../codebook/testdata';
import { caseA } from '../lessons/testdata';
import { askDetail, waitGroup } from './testdata';
import type { Me } from '../../api/types';
import { board, proposer } from '../actions/testdata';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me = curator) {
  return renderRoutes([{ path: '/netwerk/:id/terugkerende-lessen/:group', element: <main><RecurringPage /></main> }], {
    url: '/netwerk/n-fr/terugkerende-lessen/g-ask',
    session: sessionFor(me),
  });
}

describe('RecurringPage', () => {
  it('shows a member the statement, the spread, the cases one click away and the lessons by perspective, without curation', async () => {
    mockApi({ 'GET /recurring-lessons/g-ask': () => json({ ...askDetail, lessons: askDetail.lessons.slice(0, 2) }) });
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Terugkerende les' })).toBeInTheDocument();
    expect(screen.getByText(askDetail.statement, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText('van 2024-Q2 tot en met 2024-Q4')).toBeInTheDocument();
    expect(screen.getByText('2 organisaties')).toBeInTheDocument();
    const cases = screen.getByRole('region', { name: 'De casussen achter deze les' });
    expect(within(cases).getByRole('link', { name: caseA.title })).toHaveAttribute('href', `/netwerk/n-fr/casussen/${caseA.id}`);
    expect(within(cases).getAllByRole('link')).toHaveLength(3);
    const lessons = screen.getByRole('region', { name: 'Zo schreven mensen deze les op' });
    expect(within(lessons).getByRole('article', { name: 'Perspectief: jongere' })).toHaveTextContent('Fijn dat ze eerst vroegen wat ik zelf wou.');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('lists the actions that follow the lesson up, and offers to propose one for it', async () => {
    const { seen } = mockApi({
      'GET /recurring-lessons/g-ask': () => json(askDetail),
      'GET /networks/n-fr/actions': () => json(board),
    });
    const me: Me = { ...proposer, memberships: [{ ...proposer.memberships[0]!, permissions: [...proposer.memberships[0]!.permissions, 'lessons.read'] }] };
    render(me);
    const followUp = await screen.findByRole('region', { name: 'Verbeteracties bij deze les' });
    expect(await within(followUp).findByRole('article', { name: board.items[1]!.title })).toHaveTextContent('Te laat');
    expect(within(followUp).getAllByRole('article')).toHaveLength(2);
    expect(seen.find((s) => s.method === 'GET' && s.path === '/networks/n-fr/actions')?.query.get('lesson')).toBe(askDetail.id);
    expect(within(followUp).getByRole('link', { name: 'Een verbeteractie voorstellen voor deze les' })).toHaveAttribute(
      'href',
      `/netwerk/n-fr/verbeteracties/nieuw?les=${askDetail.id}`,
    );
  });

  it('shows no actions to whom may not read them', async () => {
    mockApi({ 'GET /recurring-lessons/g-ask': () => json(askDetail) });
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Terugkerende les' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Verbeteracties bij deze les' })).toBeNull();
  });

  it('lets a facilitator split off the ticked lessons with the version they saw', async () => {
    const { seen } = mockApi({
      'GET /recurring-lessons/g-ask': () => json(askDetail),
      'POST /recurring-lessons/g-ask/split': () => json({ ...askDetail, lessons: askDetail.lessons.slice(0, 2), version: 5 }),
    });
    render();
    await userEvent.click(await screen.findByRole('checkbox', { name: `Eruit halen: ${askDetail.lessons[2]!.statement}` }));
    expect(screen.getByText('Je hebt 1 les aangevinkt.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Aangevinkte lessen eruit halen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, eruit halen' }));
    expect(await screen.findByText('1 les is uit de groep gehaald.')).toBeInTheDocument();
    const sent = seen.find((s) => s.method === 'POST');
    expect(sent?.body).toEqual({ version: 4, lessons: ['l-3'] });
  });

  it('does not offer to split off every lesson', async () => {
    mockApi({ 'GET /recurring-lessons/g-ask': () => json(askDetail) });
    render();
    for (const l of askDetail.lessons) await userEvent.click(await screen.findByRole('checkbox', { name: `Eruit halen: ${l.statement}` }));
    expect(screen.getByText('Je kunt niet alle lessen eruit halen. Zet de groep dan opzij.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Aangevinkte lessen eruit halen' })).toBeNull();
  });

  it('renames, and names back a name found in the new statement', async () => {
    const { seen } = mockApi({
      'GET /recurring-lessons/g-ask': () => json(askDetail),
      'PATCH /recurring-lessons/g-ask': (req) => {
        const body = req.body as { statement: string };
        if (body.statement.includes('Sanne'))
          return problem(422, { findings: [{ field: '/statement', type: 'name', start: 4, end: 9, direct: true, note: '' }] });
        return json({ ...askDetail, statement: body.statement, statement_edited: true, version: 5 });
      },
    });
    render();
    await userEvent.click(await screen.findByRole('button', { name: `Andere naam geven: ${askDetail.statement}` }));
    const field = screen.getByRole('textbox', { name: 'Naam van de terugkerende les' });
    expect(field).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.type(field, 'Bel Sanne eerst.');
    await userEvent.click(screen.getByRole('button', { name: 'Naam opslaan' }));
    expect(await screen.findAllByText(/Sanne/)).not.toHaveLength(0);
    await userEvent.clear(field);
    await userEvent.type(field, 'Vraag jongeren wat zij willen.');
    await userEvent.click(screen.getByRole('button', { name: 'Naam opslaan' }));
    expect(await screen.findByText('De naam is opgeslagen.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => s.body)).toEqual([
      { statement: 'Bel Sanne eerst.', version: 4 },
      { statement: 'Vraag jongeren wat zij willen.', version: 4 },
    ]);
  });

  it('dismisses only with a reason, and restores', async () => {
    let current = askDetail;
    const { seen } = mockApi({
      'GET /recurring-lessons/g-ask': () => json(current),
      'PATCH /recurring-lessons/g-ask': (req) => {
        const body = req.body as { status: 'active' | 'dismissed'; dismiss_reason?: string };
        current = { ...current, status: body.status, dismiss_reason: body.dismiss_reason, recurring: body.status === 'active', version: current.version + 1 };
        return json(current);
      },
    });
    render();
    await userEvent.click(await screen.findByRole('button', { name: `Opzijzetten: ${askDetail.statement}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Opzijzetten' }));
    expect(await screen.findAllByText('Schrijf waarom je de groep opzijzet.')).not.toHaveLength(0);
    await userEvent.type(screen.getByRole('textbox', { name: 'Waarom zet je deze groep opzij?' }), 'Dit is al afgesproken.');
    await userEvent.click(screen.getByRole('button', { name: 'Opzijzetten' }));
    expect(await screen.findByText('De groep staat opzij. Leden zien hem niet meer.')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: `Terugzetten: ${askDetail.statement}` }));
    expect(await screen.findByText('De groep is teruggezet.')).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => s.body)).toEqual([
      { status: 'dismissed', dismiss_reason: 'Dit is al afgesproken.', version: 4 },
      { status: 'active', version: 5 },
    ]);
  });

  it('merges another group chosen from the list of every group', async () => {
    const { seen } = mockApi({
      'GET /recurring-lessons/g-ask': () => json(askDetail),
      'GET /networks/n-fr/recurring-lessons': () => json({ items: [askDetail, waitGroup] }),
      'POST /recurring-lessons/g-ask/merge': () => json({ ...askDetail, version: 5 }),
    });
    render();
    await userEvent.click(await screen.findByRole('button', { name: `Samenvoegen met een andere groep: ${askDetail.statement}` }));
    const select = await screen.findByRole('combobox', { name: 'Groep die erbij komt' });
    expect(within(select).queryByRole('option', { name: /Vraag de jongere eerst/ })).toBeNull();
    await userEvent.selectOptions(select, 'g-wait');
    await userEvent.click(screen.getByRole('button', { name: 'Samenvoegen' }));
    expect(await screen.findByText('De groepen zijn samengevoegd.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 4, groups: ['g-wait'] });
    expect(seen.find((s) => s.path === '/networks/n-fr/recurring-lessons')?.query.get('all')).toBe('true');
  });
});
