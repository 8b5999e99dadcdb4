import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ActionBoardPage from './ActionBoardPage';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { reader } from '../codebook/testdata';
import { autoAction, board, lateAction, manager, proposer } from './testdata';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me, url = '/netwerk/n-fr/verbeteracties') {
  return renderRoutes([{ path: '/netwerk/:id/verbeteracties', element: <main><ActionBoardPage /></main> }], { url, session: sessionFor(me) });
}

describe('ActionBoardPage', () => {
  it('shows a column per status with its number, and flags overdue and stalled actions in words', async () => {
    mockApi({ 'GET /networks/n-fr/actions': () => json(board) });
    render(manager);
    expect(await screen.findByRole('heading', { level: 1, name: 'Verbeteracties' })).toBeInTheDocument();
    const proposed = await screen.findByRole('region', { name: 'Voorgesteld (1)' });
    expect(within(proposed).getByRole('article', { name: autoAction.title })).toHaveTextContent('Nog geen eigenaar');
    expect(within(proposed).getByRole('link', { name: autoAction.title })).toHaveAttribute('href', `/netwerk/n-fr/verbeteracties/${autoAction.id}`);
    const running = screen.getByRole('region', { name: 'In uitvoering (1)' });
    const late = within(running).getByRole('article', { name: lateAction.title });
    expect(late).toHaveTextContent('Te laat: moest klaar zijn op 15 jan 2025');
    expect(late).toHaveTextContent('Stilgevallen: al 60 dagen geen voortgang');
    expect(late).toHaveTextContent('Fase: Uitvoeren');
    expect(screen.getByRole('region', { name: 'Afgerond (0)' })).toHaveTextContent('Geen acties.');
    expect(screen.getByText(/2 acties\. 1 is te laat\. 1 is stilgevallen/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Een verbeteractie voorstellen' })).toHaveAttribute('href', '/netwerk/n-fr/verbeteracties/nieuw');
  });

  it('switches to columns by PDCA phase, keeping the view in the URL', async () => {
    mockApi({ 'GET /networks/n-fr/actions': () => json(board) });
    const { router } = render(manager);
    await userEvent.click(await screen.findByRole('link', { name: /^Per fase/ }));
    const doing = await screen.findByRole('region', { name: 'Uitvoeren (1)' });
    expect(within(doing).getByRole('article', { name: lateAction.title })).toHaveTextContent('In uitvoering');
    expect(screen.getByRole('region', { name: 'Plannen (1)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Bijstellen (0)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Per fase/ })).toHaveAttribute('aria-current', 'true');
    expect(router.state.location.search).toBe('?per=fase');
  });

  it('asks the server for my, overdue or stalled actions when a manager filters', async () => {
    const { seen } = mockApi({ 'GET /networks/n-fr/actions': () => json(board) });
    render(manager);
    await screen.findByRole('region', { name: 'Voorgesteld (1)' });
    await userEvent.click(screen.getByText('Filters'));
    await userEvent.click(screen.getByLabelText('Alleen acties waar ik eigenaar van ben'));
    await userEvent.click(screen.getByLabelText('Alleen acties die te laat zijn'));
    await userEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    await vi.waitFor(() => expect(seen.at(-1)?.query.get('owner')).toBe('me'));
    expect(seen.at(-1)?.query.get('overdue')).toBe('true');
    expect(seen.at(-1)?.query.has('stalled')).toBe(false);
  });

  it('offers a member no filter on owner, and says when nothing matches', async () => {
    mockApi({
      'GET /networks/n-fr/actions': () =>
        json({ ...board, items: [], counts: { ...board.counts, total: 0, overdue: 0, stalled: 0, by_status: { proposed: 0, accepted: 0, in_progress: 0, done: 0, stopped: 0 } } }),
    });
    render(proposer, '/netwerk/n-fr/verbeteracties?stil=ja');
    expect(await screen.findByText('Er zijn geen acties die hierbij passen. Kies andere filters.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Alleen acties waar ik eigenaar van ben')).toBeNull();
    expect(screen.getByLabelText('Alleen acties die stilgevallen zijn')).toBeChecked();
  });

  it('tells someone without the right that the board is not for them', async () => {
    const { seen } = mockApi({});
    render(reader);
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(seen).toHaveLength(0);
  });
});
