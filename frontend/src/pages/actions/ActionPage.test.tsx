import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ActionPage from './ActionPage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { autoRead, ids, lateRead, manager, proposer, tooFew } from './testdata';
import type { Me } from '../../api/types';
import type { Action } from '../../api/actions';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me, id: string) {
  return renderRoutes([{ path: '/netwerk/:id/verbeteracties/:action', element: <main><ActionPage /></main> }], {
    url: `/netwerk/n-fr/verbeteracties/${id}`,
    session: sessionFor(me),
  });
}

const progress = {
  items: [
    { id: 'g2', phase: 'do', text: 'De teams vragen het nu eerst.', written_at: '2026-02-01T09:00:00Z', writer: { id: 'p-man', name: 'Mara Manager' } },
    { id: 'g1', phase: 'plan', text: 'Plan gemaakt.', written_at: '2026-01-10T09:00:00Z' },
  ],
};

function api(action: Action, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    [`GET /actions/${action.id}`]: () => json(action),
    [`GET /actions/${action.id}/progress`]: () => json(progress),
    [`GET /actions/${action.id}/effect`]: () => json(action.id === ids.late ? tooFew : { action_id: action.id, lessons: action.lessons }),
    ...extra,
  });
}

describe('ActionPage', () => {
  it('offers a manager only the next statuses the server allows, and accepts with the version seen', async () => {
    const { seen } = api(autoRead, { [`POST /actions/${ids.auto}/status`]: () => json({ ...autoRead, status: 'accepted', next_statuses: ['in_progress', 'stopped'], version: 3 }) });
    render(manager, ids.auto);
    expect(await screen.findByRole('heading', { level: 1, name: autoRead.title })).toBeInTheDocument();
    const steps = screen.getByRole('region', { name: 'Wat wil je doen?' });
    expect(within(steps).getByRole('button', { name: `Aannemen: ${autoRead.title}` })).toBeInTheDocument();
    expect(within(steps).getByRole('button', { name: `Stoppen: ${autoRead.title}` })).toBeInTheDocument();
    expect(within(steps).queryByRole('button', { name: /Afronden|Beginnen/ })).toBeNull();
    // A proposal has no phase to change yet.
    expect(within(steps).queryByRole('button', { name: /Fase wijzigen/ })).toBeNull();
    expect(screen.getByText('Leerlus, omdat de les in genoeg casussen terugkwam')).toBeInTheDocument();
    const follows = screen.getByRole('region', { name: 'Waar komt deze actie vandaan?' });
    expect(within(follows).getByRole('link', { name: 'Lang wachten op jeugd-ggz' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/00000000-0000-4000-8000-00000000ca5a');
    expect(await screen.findByText(/De actie is nog niet gestart/)).toBeInTheDocument();

    await userEvent.click(within(steps).getByRole('button', { name: `Aannemen: ${autoRead.title}` }));
    expect(await screen.findByText('De actie is nu: Aangenomen.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ status: 'accepted', version: 2 });
  });

  it('says plainly when someone else changed the action, and reloads it', async () => {
    const { seen } = api(autoRead, { [`POST /actions/${ids.auto}/status`]: () => problem(409, { title: 'Conflict' }) });
    render(manager, ids.auto);
    await userEvent.click(await screen.findByRole('button', { name: `Aannemen: ${autoRead.title}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Iemand anders heeft deze actie net gewijzigd.');
    await vi.waitFor(() => expect(seen.filter((s) => s.method === 'GET' && s.path === `/actions/${ids.auto}`)).toHaveLength(2));
  });

  it('asks a reason to stop, and shows a name the anonymiser found beside the field', async () => {
    const reason = 'Jan de Vries is vertrokken.';
    const { seen } = api(lateRead, {
      [`POST /actions/${ids.late}/status`]: () =>
        problem(422, { title: 'Identifying', findings: [{ field: '/reason', type: 'name', start: 0, end: 11, direct: true }] }),
    });
    render(manager, ids.late);
    await userEvent.click(await screen.findByRole('button', { name: `Stoppen: ${lateRead.title}` }));
    const form = screen.getByRole('form', { name: 'Actie stoppen' });
    expect(screen.getByLabelText('Waarom stopt de actie?')).toHaveFocus();
    await userEvent.click(within(form).getByRole('button', { name: 'Stoppen' }));
    expect(within(form).getAllByText('Vul dit in.').length).toBeGreaterThan(0);
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByLabelText('Waarom stopt de actie?'), reason);
    await userEvent.click(within(form).getByRole('button', { name: 'Stoppen' }));
    expect((await within(form).findAllByText(/Jan de Vries/)).length).toBeGreaterThan(0);
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ status: 'stopped', reason, version: 4 });
  });

  it('flags an overdue, stalled action, logs progress in a phase, and shows the effect with its too-few verdict, chart and table', async () => {
    const { seen } = api(lateRead, {
      [`POST /actions/${ids.late}/progress`]: () => json({ id: 'g3', phase: 'check', text: 'x', written_at: '2026-03-01T09:00:00Z' }, 201),
    });
    render(manager, ids.late);
    expect(await screen.findByText('Te laat: moest klaar zijn op 15 jan 2025', { selector: '.utrecht-alert *' })).toBeInTheDocument();
    const log = await screen.findByRole('list', { name: 'Voortgang, nieuwste eerst' });
    expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent('Fase: Uitvoeren · Mara Manager');
    expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent('De teams vragen het nu eerst.');
    await userEvent.type(screen.getByLabelText('Wat is er gebeurd?'), 'We kijken of het werkt.');
    await userEvent.selectOptions(screen.getByLabelText('In welke fase?'), 'Checken');
    await userEvent.click(screen.getByRole('button', { name: 'Opschrijven' }));
    expect(await screen.findByText('De voortgang is opgeschreven.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ text: 'We kijken of het werkt.', phase: 'check' });

    const effect = screen.getByRole('region', { name: 'Werkt het?' });
    expect(await within(effect).findByText(/Er zijn nog te weinig casussen om iets te zeggen/)).toBeInTheDocument();
    expect(effect).toHaveTextContent('Voor de start: 2 van 6 casussen (33%). Na de start: 1 van 3 casussen (33%).');
    const chart = within(effect).getByRole('img', { name: 'Deel van de casussen met deze les, per kwartaal' });
    expect(chart.querySelector('.leerlus-runchart__start')).not.toBeNull();
    expect(chart.querySelectorAll('.leerlus-runchart__point')).toHaveLength(3);
    expect(effect).toHaveTextContent('3 punten. Middellijn: 33%. Verschuiving: geen. Trend: geen.');
    const rows = within(within(effect).getByRole('region', { name: 'Cijfers per kwartaal' })).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[3]).toHaveTextContent('2025 Q1kwartaal van de start00geen casussen, geen punt');
  });

  it('shows a member the action without any step', async () => {
    api(lateRead);
    render(proposer, ids.late);
    expect(await screen.findByRole('heading', { level: 1, name: lateRead.title })).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'Voortgang, nieuwste eerst' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Wat wil je doen?' })).toBeNull();
    expect(screen.queryByLabelText('Wat is er gebeurd?')).toBeNull();
  });
});
