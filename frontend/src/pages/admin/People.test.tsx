import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import People from './People';
import { facilitator, json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

const admin: Me = {
  ...facilitator,
  id: 'p-admin',
  name: 'Anna Beheer',
  is_admin: true,
  memberships: [],
  permissions: ['account.edit', 'account.read', 'audit.read', 'people.manage', 'workplaces.manage', 'workplaces.read'],
  every_network_permissions: ['invitations.manage', 'members.manage', 'members.read', 'network.edit', 'network.read'],
};
const lotte = { id: 'p-1', name: 'Lotte Lid', email: 'lid@leerlus.demo', is_admin: false, disabled: false, version: 4, created_at: '2026-01-01T00:00:00Z' };

describe('People', () => {
  it.each([
    ['Account van Lotte Lid uitzetten', /Het account van Lotte Lid echt uitzetten/, 'Ja, uitzetten', { disabled: true }, 'Het account van Lotte Lid is uitgezet.'],
    ['Lotte Lid beheerder maken', /Lotte Lid echt beheerder maken/, 'Ja, beheerder maken', { is_admin: true }, 'Lotte Lid is nu beheerder.'],
  ])('"%s" asks first, then says what happened', async (button, question, yes, change, done) => {
    const { seen } = mockApi({
      'GET /people': () => json({ items: [lotte] }),
      'PATCH /people/p-1': () => json({ ...lotte, ...change, version: 5 }),
    });
    renderPage(<People />, { session: sessionFor(admin) });
    await userEvent.click(await screen.findByRole('button', { name: button }));
    expect(seen.some((s) => s.method === 'PATCH')).toBe(false);
    const group = screen.getByRole('group', { name: question });
    await userEvent.click(within(group).getByRole('button', { name: yes }));
    await vi.waitFor(() => expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ ...change, version: 4 }));
    expect(await screen.findByText(done)).toBeInTheDocument();
    expect(screen.getByText(done).closest('[role="status"]')).not.toBeNull();
  });

  it('does nothing when the answer is no', async () => {
    const { seen } = mockApi({ 'GET /people': () => json({ items: [lotte] }) });
    renderPage(<People />, { session: sessionFor(admin) });
    await userEvent.click(await screen.findByRole('button', { name: 'Account van Lotte Lid uitzetten' }));
    await userEvent.click(screen.getByRole('button', { name: 'Nee, terug' }));
    expect(seen.some((s) => s.method === 'PATCH')).toBe(false);
    expect(screen.getByRole('button', { name: 'Account van Lotte Lid uitzetten' })).toHaveFocus();
  });
});
