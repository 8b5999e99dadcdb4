import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { RequireAdmin, RequireManager } from './guards';
import { ErrorState } from './states';
import { ApiError } from '../api/problem';
import { facilitator, renderPage, sessionFor } from '../test/helpers';
import type { Me } from '../api/types';
import { render } from '@testing-library/react';
import '../i18n';

const member: Me = {
  ...facilitator,
  id: 'p-lid',
  memberships: facilitator.memberships.map((m) => ({ ...m, role: 'member', permissions: ['network.read'] })),
};

describe('NotAllowed says whom to ask, fitting the role', () => {
  it('tells a facilitator on an admin page to ask a beheerder, not the facilitator', async () => {
    renderPage(<RequireAdmin>secret</RequireAdmin>, { session: sessionFor(facilitator) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(screen.getByText(/alleen voor beheerders/)).toBeInTheDocument();
    expect(screen.queryByText(/facilitator/)).not.toBeInTheDocument();
  });

  it('tells a member of the network to ask its facilitator', async () => {
    renderPage(<RequireManager networkId="n-fr">list</RequireManager>, { session: sessionFor(member) });
    expect(await screen.findByText(/alleen voor de facilitator van dit leernetwerk/)).toBeInTheDocument();
  });

  it('tells someone outside the network how to get in', async () => {
    renderPage(<RequireManager networkId="n-other">list</RequireManager>, { session: sessionFor(facilitator) });
    expect(await screen.findByText(/Je doet niet mee in dit leernetwerk/)).toBeInTheDocument();
  });

  it('shows the page to the facilitator of the network', async () => {
    renderPage(<RequireManager networkId="n-fr">the list</RequireManager>, { session: sessionFor(facilitator) });
    expect(await screen.findByText('the list')).toBeInTheDocument();
  });
});

describe('ErrorState offers "try again" only when that can help', () => {
  const retry = () => undefined;
  it.each([
    [404, false],
    [403, false],
    [400, false],
    [500, true],
    [503, true],
    [429, true],
  ])('status %i: retry button %s', (status, shown) => {
    render(<ErrorState error={new ApiError({ status })} onRetry={retry} />);
    expect(screen.queryAllByRole('button', { name: 'Probeer opnieuw' })).toHaveLength(shown ? 1 : 0);
  });

  it('offers it when the connection failed', () => {
    render(<ErrorState error={new TypeError('Failed to fetch')} onRetry={retry} />);
    expect(screen.getByRole('button', { name: 'Probeer opnieuw' })).toBeInTheDocument();
  });
});
