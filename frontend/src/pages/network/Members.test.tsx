import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Members } from './Members';
import { facilitator, json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';

afterEach(() => vi.unstubAllGlobals());

const network = {
  id: 'n-fr',
  workplace_id: 'w-fr',
  name: 'Leren van praktijkervaringen',
  description: '',
  created_at: '2026-01-01T00:00:00Z',
  version: 1,
};
const lotte = {
  id: 'ms-1',
  person: { id: 'p-1', name: 'Lotte Lid', email: 'lid@leerlus.demo' },
  network_id: 'n-fr',
  role: 'member',
  perspective: 'ouder',
  created_at: '2026-01-01T00:00:00Z',
  version: 3,
};

function api(extra: Record<string, () => Response> = {}) {
  return mockApi({
    'GET /networks/n-fr': () => json(network),
    'GET /workplaces/w-fr/organisations': () =>
      json({ items: [{ id: 'o-1', workplace_id: 'w-fr', name: 'Gemeente Leeuwarden', kind: 'municipality' }] }),
    'GET /networks/n-fr/members': () => json({ items: [lotte] }),
    ...extra,
  });
}

describe('Members', () => {
  it('lists members with role and perspective in Dutch', async () => {
    api();
    renderPage(<Members />, { path: '/netwerk/:id/leden', url: '/netwerk/n-fr/leden', session: sessionFor(facilitator) });
    const row = (await screen.findByText('Lotte Lid')).closest('tr')!;
    expect(within(row).getByText('lid')).toBeInTheDocument();
    expect(within(row).getByText('ouder')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Deelnemers van Leren van praktijkervaringen' })).toBeInTheDocument();
  });

  it('sends the version and shows a conflict in plain words', async () => {
    const { seen } = api({
      'PATCH /networks/n-fr/members/ms-1': () => problem(409, { title: 'Conflict' }),
    });
    renderPage(<Members />, { path: '/netwerk/:id/leden', url: '/netwerk/n-fr/leden', session: sessionFor(facilitator) });
    await userEvent.click(await screen.findByRole('button', { name: 'Lotte Lid wijzigen' }));
    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'facilitator');
    await userEvent.selectOptions(screen.getByLabelText('Organisatie'), 'o-1');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText(/Iemand anders heeft dit net ook veranderd/)).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({
      role: 'facilitator',
      perspective: 'ouder',
      organisation_id: 'o-1',
      version: 3,
    });
  });

  it('tells a member plainly that this page is not for them', () => {
    api();
    const member = {
      ...facilitator,
      memberships: [{ ...facilitator.memberships[0]!, role: 'member' as const, permissions: ['network.read' as const] }],
    };
    renderPage(<Members />, { path: '/netwerk/:id/leden', url: '/netwerk/n-fr/leden', session: sessionFor(member) });
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
  });
});

describe('Members: my own role and the last facilitator', () => {
  const me = {
    ...lotte,
    id: 'ms-me',
    person: { id: facilitator.id, name: facilitator.name, email: facilitator.email },
    role: 'facilitator',
    perspective: 'professional',
    version: 1,
  };
  const other = { ...lotte, id: 'ms-2', person: { id: 'p-2', name: 'Frits Facilitator', email: 'f2@leerlus.demo' }, role: 'facilitator' };

  it('asks before I change my own role, then reloads who I am', async () => {
    const { seen } = mockApi({
      'GET /networks/n-fr': () => json(network),
      'GET /workplaces/w-fr/organisations': () => json({ items: [] }),
      'GET /networks/n-fr/members': () => json({ items: [me, other] }),
      'PATCH /networks/n-fr/members/ms-me': () => json({ ...me, role: 'member', version: 2 }),
      'GET /session': () => json(sessionFor(facilitator)),
    });
    const { router } = renderPage(<Members />, { path: '/netwerk/:id/leden', url: '/netwerk/n-fr/leden', session: sessionFor(facilitator) });
    await userEvent.click(await screen.findByRole('button', { name: `${facilitator.name} wijzigen` }));
    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'member');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(seen.some((s) => s.method === 'PATCH')).toBe(false);
    expect(screen.getByRole('group', { name: /Je verandert je eigen rol in lid/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ja, mijn rol wijzigen' }));
    await vi.waitFor(() => expect(seen.some((s) => s.method === 'PATCH')).toBe(true));
    await vi.waitFor(() => expect(seen.some((s) => s.method === 'GET' && s.path === '/session')).toBe(true));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr'));
  });

  it('says why the last facilitator cannot lose the role', async () => {
    mockApi({
      'GET /networks/n-fr': () => json(network),
      'GET /workplaces/w-fr/organisations': () => json({ items: [] }),
      'GET /networks/n-fr/members': () => json({ items: [me, lotte] }),
      'PATCH /networks/n-fr/members/ms-me': () =>
        problem(400, { errors: [{ field: 'role', code: 'last_facilitator', message: 'a network needs at least one facilitator' }] }),
    });
    renderPage(<Members />, { path: '/netwerk/:id/leden', url: '/netwerk/n-fr/leden', session: sessionFor(facilitator) });
    await userEvent.click(await screen.findByRole('button', { name: `${facilitator.name} wijzigen` }));
    expect(screen.getByLabelText('Rol')).toHaveAccessibleDescription(/enige facilitator/);
    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'member');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, mijn rol wijzigen' }));
    expect(await screen.findByRole('link', { name: /Rol: Dit is de enige facilitator/ })).toBeInTheDocument();
  });
});
