import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ProposeActionPage from './ProposeActionPage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { autoRead, ids, proposer, zeroGoal } from './testdata';

afterEach(() => vi.unstubAllGlobals());

function render(url: string, state?: unknown) {
  return renderRoutes(
    [
      { path: '/netwerk/:id/verbeteracties/nieuw', element: <main><ProposeActionPage /></main> },
      { path: '/netwerk/:id/verbeteracties/:action', element: <p>action page</p> },
    ],
    { url, session: sessionFor(proposer), state },
  );
}

describe('ProposeActionPage', () => {
  it('proposes an action with the recurring lesson it came from and a goal', async () => {
    const { seen } = mockApi({
      'GET /networks/n-fr/goals': () => json({ items: [zeroGoal] }),
      'POST /networks/n-fr/actions': () => json(autoRead, 201),
    });
    const { router } = render(`/netwerk/n-fr/verbeteracties/nieuw?les=${ids.group}&les=niet-een-id`, {
      lessons: [{ id: ids.group, statement: 'Vraag de jongere wat hij nodig heeft.' }],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Verbeteractie voorstellen' })).toBeInTheDocument();
    expect(screen.getByLabelText('Vraag de jongere wat hij nodig heeft.')).toBeChecked();
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen' }));
    expect(screen.getAllByText('Kies een soort actie.').length).toBeGreaterThan(0);
    expect(seen.some((s) => s.method === 'POST')).toBe(false);

    await userEvent.type(screen.getByLabelText('Titel'), 'Vraag eerst, plan daarna');
    await userEvent.selectOptions(screen.getByLabelText('Soort actie'), 'Opleiding');
    await userEvent.type(screen.getByLabelText('Klaar op'), '2026-12-31');
    await userEvent.selectOptions(await screen.findByLabelText('Hoort bij doel'), zeroGoal.name);
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/netwerk/n-fr/verbeteracties/${autoRead.id}`));
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({
      title: 'Vraag eerst, plan daarna',
      description: '',
      kind: 'training',
      due_on: '2026-12-31',
      goal_id: ids.goal,
      lessons: [ids.group],
    });
  });

  it('names what identifies someone beside its field, and lets the proposer send it anyway', async () => {
    const title = 'Bel mevrouw Jansen elke week';
    const finding = { field: '/title', type: 'name', start: 4, end: 18, direct: true };
    let calls = 0;
    const { seen } = mockApi({
      'GET /networks/n-fr/goals': () => json({ items: [] }),
      'POST /networks/n-fr/actions': () => (++calls === 1 ? problem(422, { title: 'Identifying', findings: [finding] }) : json(autoRead, 201)),
    });
    render('/netwerk/n-fr/verbeteracties/nieuw');
    await userEvent.type(await screen.findByLabelText('Titel'), title);
    await userEvent.selectOptions(screen.getByLabelText('Soort actie'), 'Verandering in de praktijk');
    await userEvent.click(screen.getByRole('button', { name: 'Voorstellen' }));
    expect((await screen.findAllByText(/mevrouw Jansen/)).length).toBeGreaterThan(0);
    expect(screen.getByLabelText('Titel')).toHaveAccessibleDescription(expect.stringContaining('mevrouw Jansen'));
    await userEvent.click(screen.getByRole('button', { name: 'Toch opslaan, dit is geen persoonsgegeven' }));
    await vi.waitFor(() => expect(calls).toBe(2));
    const second = seen.filter((s) => s.method === 'POST')[1]?.body as { dismissed: unknown[] };
    expect(second.dismissed).toEqual([{ field: '/title', type: 'name', start: 4, end: 18 }]);
  });
});
