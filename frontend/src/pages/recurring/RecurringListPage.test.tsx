import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RecurringListPage from './RecurringListPage';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { curator, reader } from '../codebook/testdata';
import { askGroup, waitGroup } from './testdata';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me) {
  return renderRoutes([{ path: '/netwerk/:id/terugkerende-lessen', element: <main><RecurringListPage /></main> }], {
    url: '/netwerk/n-fr/terugkerende-lessen',
    session: sessionFor(me),
  });
}

describe('RecurringListPage', () => {
  it('shows a member each recurring lesson with its cases, perspectives, a good-vs-stuck bar in words and the lift in plain words', async () => {
    const { seen } = mockApi({ 'GET /networks/n-fr/recurring-lessons': () => json({ items: [askGroup] }) });
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Terugkerende lessen' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Terugkerende lessen' });
    const card = within(list).getByRole('article', { name: askGroup.statement });
    expect(within(card).getByRole('link', { name: askGroup.statement })).toHaveAttribute('href', '/netwerk/n-fr/terugkerende-lessen/g-ask');
    expect(card).toHaveTextContent('3 casussen');
    expect(card).toHaveTextContent('jongere (1), ouder (1), professional (1)');
    expect(card).toHaveTextContent('Van de 3 casussen: 1 liep goed, 0 liepen deels goed en 2 liepen vast.');
    expect(card).toHaveTextContent('67% van deze casussen liep vast. In het hele netwerk is dat 33%. Deze les komt dus vaker voor bij trajecten die vastliepen.');
    expect(card).toHaveTextContent('Let op: dit rust op maar 3 casussen.');
    // The bar is a picture of the words beside it, hidden from screen readers.
    expect(card.querySelector('.leerlus-outcome__bar')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(seen[seen.length - 1]!.query.get('all')).toBeNull();
  });

  it('lets a facilitator also show the groups that are no recurring lesson yet', async () => {
    const { seen } = mockApi({
      'GET /networks/n-fr/recurring-lessons': (req) => json({ items: req.query.get('all') === 'true' ? [askGroup, waitGroup] : [askGroup] }),
    });
    render(curator);
    const list = await screen.findByRole('list', { name: 'Terugkerende lessen' });
    expect(within(list).getAllByRole('article')).toHaveLength(1);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Toon ook groepen die (nog) geen terugkerende les zijn' }));
    const wait = await screen.findByRole('article', { name: waitGroup.statement });
    expect(wait).toHaveTextContent('Nog geen terugkerende les: te weinig casussen');
    expect(seen.some((s) => s.query.get('all') === 'true')).toBe(true);
  });

  it('says so when no lesson comes back yet', async () => {
    mockApi({ 'GET /networks/n-fr/recurring-lessons': () => json({ items: [] }) });
    render(reader);
    expect(await screen.findByText('Er zijn nog geen lessen die in meerdere casussen terugkomen.')).toBeInTheDocument();
  });
});
