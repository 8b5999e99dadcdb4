import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NetworkSwitcher } from './NetworkSwitcher';
import { renderPage } from '../test/helpers';
import type { MyMembership } from '../api/types';

const memberships: MyMembership[] = [
  {
    id: 'm1',
    network: { id: 'n1', name: 'Leren van praktijkervaringen', workplace_id: 'w1', workplace_name: 'Kenniswerkplaats Jeugd Friesland' },
    role: 'member',
    perspective: 'ouder',
    permissions: ['network.read'],
  },
  {
    id: 'm2',
    network: { id: 'n2', name: 'Thuiszitters', workplace_id: 'w1', workplace_name: 'Kenniswerkplaats Jeugd Friesland' },
    role: 'facilitator',
    perspective: 'professional',
    permissions: ['invitations.manage', 'members.manage', 'members.read', 'network.read'],
  },
  {
    id: 'm3',
    network: { id: 'n3', name: 'Leernetwerk Integraal werken', workplace_id: 'w2', workplace_name: 'SAMEN' },
    role: 'researcher',
    perspective: 'onderzoek',
    permissions: ['network.read'],
  },
];

describe('NetworkSwitcher', () => {
  it('lists my networks per workplace with my role in Dutch', () => {
    renderPage(<NetworkSwitcher memberships={memberships} currentNetworkId="n2" />);
    const select = screen.getByLabelText('Leernetwerk');
    expect(select).toHaveValue('n2');
    const groups = within(select).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual(['Kenniswerkplaats Jeugd Friesland', 'SAMEN']);
    expect(within(groups[0]!).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Leren van praktijkervaringen – jij bent lid',
      'Thuiszitters – jij bent facilitator',
    ]);
    expect(within(groups[1]!).getByRole('option').textContent).toBe('Leernetwerk Integraal werken – jij bent onderzoeker');
  });

  it('opens the chosen network only when asked (no jump on select)', async () => {
    const { router } = renderPage(<NetworkSwitcher memberships={memberships} currentNetworkId="n1" />, {
      path: '/netwerk/:id',
      url: '/netwerk/n1',
    });
    await userEvent.selectOptions(screen.getByLabelText('Leernetwerk'), 'n3');
    expect(router.state.location.pathname).toBe('/netwerk/n1');
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n3'));
  });

  it('shows nothing without memberships', () => {
    const { container } = renderPage(<NetworkSwitcher memberships={[]} />);
    expect(container.querySelector('form')).toBeNull();
  });
});
