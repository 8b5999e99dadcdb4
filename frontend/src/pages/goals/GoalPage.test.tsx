import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import GoalPage from './GoalPage';
import GoalsPage from './GoalsPage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { ids, manager, proposer, zeroGoal } from '../actions/testdata';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me, url = `/netwerk/n-fr/doelen/${ids.goal}`) {
  return renderRoutes(
    [
      { path: '/netwerk/:id/doelen', element: <main><GoalsPage /></main> },
      { path: '/netwerk/:id/doelen/:goal', element: <main><GoalPage /></main> },
    ],
    { url, session: sessionFor(me) },
  );
}

describe('GoalsPage', () => {
  it('lists the goals with baseline, target and latest measurement; a manager sets a new one', async () => {
    const { seen } = mockApi({
      'GET /networks/n-fr/goals': () => json({ items: [zeroGoal] }),
      'POST /networks/n-fr/goals': () => json({ ...zeroGoal, id: 'g-new', name: 'Geen wachtlijst', measurements: [] }, 201),
      'GET /goals/g-new': () => json({ ...zeroGoal, id: 'g-new', name: 'Geen wachtlijst', measurements: [] }),
    });
    render(manager, '/netwerk/n-fr/doelen');
    const goal = await screen.findByRole('article', { name: zeroGoal.name });
    expect(goal).toHaveTextContent('Beginwaarde14 jongeren');
    expect(goal).toHaveTextContent('Streefwaarde0 jongeren');
    expect(goal).toHaveTextContent('7,5 jongeren op 15 jul 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Nieuw doel' }));
    await userEvent.type(screen.getByLabelText('Naam van het doel'), 'Geen wachtlijst');
    await userEvent.type(screen.getByLabelText('Eenheid'), 'weken');
    await userEvent.type(screen.getByLabelText('Streefwaarde'), 'nul');
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }));
    expect(screen.getAllByText('Vul een getal in, bijvoorbeeld 12 of 3,5.').length).toBeGreaterThan(0);
    await userEvent.clear(screen.getByLabelText('Streefwaarde'));
    await userEvent.type(screen.getByLabelText('Streefwaarde'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen wachtlijst' })).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ name: 'Geen wachtlijst', unit: 'weken', target: 0 });
  });

  it('offers a member no way to set a goal', async () => {
    mockApi({ 'GET /networks/n-fr/goals': () => json({ items: [] }) });
    render(proposer, '/netwerk/n-fr/doelen');
    expect(await screen.findByText('Dit netwerk heeft nog geen doelen.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('GoalPage', () => {
  it('shows the measurements as a run chart with the target, and as a table', async () => {
    mockApi({ [`GET /goals/${ids.goal}`]: () => json(zeroGoal) });
    render(proposer);
    expect(await screen.findByRole('heading', { level: 1, name: zeroGoal.name })).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: `${zeroGoal.name} (jongeren), per meting` });
    expect(chart.querySelectorAll('.leerlus-runchart__point')).toHaveLength(3);
    expect(chart).toHaveTextContent('Doel: 0');
    expect(screen.getByText(/Er zijn nog maar 2 metingen die niet op de middellijn liggen/)).toBeInTheDocument();
    const rows = within(screen.getByRole('region', { name: 'Metingen, nieuwste eerst' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['DatumWaarde', '15 jul 20267,5 jongeren', '15 apr 20269 jongeren', '15 jan 202612 jongeren']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets a manager enter, correct and remove a measurement with the goal version, reloading it after a conflict', async () => {
    let reads = 0;
    const { seen } = mockApi({
      // The second read is the reload after the conflict: someone else made version 7.
      [`GET /goals/${ids.goal}`]: () => json({ ...zeroGoal, version: ++reads > 1 ? 7 : 5 }),
      [`POST /goals/${ids.goal}/measurements`]: () => json({ ...zeroGoal, version: 6 }, 201),
      [`PATCH /goals/${ids.goal}/measurements/m2`]: () => problem(409, { title: 'Conflict' }),
      [`DELETE /goals/${ids.goal}/measurements/m1`]: () => json({ ...zeroGoal, measurements: zeroGoal.measurements.slice(1), version: 6 }),
    });
    render(manager);
    await userEvent.click(await screen.findByRole('button', { name: `Meting invoeren: ${zeroGoal.name}` }));
    await userEvent.clear(screen.getByLabelText('Datum'));
    await userEvent.type(screen.getByLabelText('Datum'), '2026-10-01');
    await userEvent.type(screen.getByLabelText('Waarde (in jongeren)'), '6,5');
    await userEvent.click(screen.getByRole('button', { name: 'Meting opslaan' }));
    expect(await screen.findByText('De meting is opgeslagen.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ measured_on: '2026-10-01', value: 6.5, version: 5 });

    await userEvent.click(screen.getByRole('button', { name: 'Meting van 15 apr 2026 wijzigen' }));
    const value = screen.getAllByLabelText('Waarde (in jongeren)').at(-1)!;
    expect(value).toHaveFocus();
    await userEvent.clear(value);
    await userEvent.type(value, '10');
    await userEvent.click(within(screen.getByRole('form', { name: 'Meting wijzigen' })).getByRole('button', { name: 'Opslaan' }));
    expect((await screen.findAllByText(/Iemand anders heeft dit doel of de metingen net gewijzigd/)).length).toBeGreaterThan(0);
    expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ value: 10, version: 6 });

    await userEvent.click(screen.getByRole('button', { name: 'Meting van 15 jan 2026 verwijderen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByText('De meting van 15 jan 2026 is verwijderd.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'DELETE')?.query.get('version')).toBe('7');
  });
});
