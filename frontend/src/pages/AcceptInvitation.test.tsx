import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AcceptInvitation } from './AcceptInvitation';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../test/helpers';
import type { Me } from '../api/types';

afterEach(() => vi.unstubAllGlobals());

const preview = {
  network: { id: 'n-fr', name: 'Leren van praktijkervaringen' },
  workplace: { id: 'w-fr', name: 'Kenniswerkplaats Jeugd Friesland' },
  email: 'noor@example.org',
  role: 'member',
  perspective: 'jongere',
  account_exists: false,
  expires_at: '2030-01-01T00:00:00Z',
};

const noor: Me = {
  id: 'p-noor',
  email: 'noor@example.org',
  name: 'Noor',
  is_admin: false,
  memberships: [],
  permissions: ['account.read'],
  every_network_permissions: [],
};

function renderAccept(session: ReturnType<typeof sessionFor> | null = null) {
  return renderRoutes(
    [
      { path: '/uitnodiging/:token', element: <AcceptInvitation /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { url: '/uitnodiging/tok-1', session },
  );
}

describe('AcceptInvitation', () => {
  it('shows network, workplace, role and perspective in plain Dutch', async () => {
    mockApi({ 'GET /invitation-tokens/tok-1': () => json(preview) });
    renderAccept();
    expect(
      await screen.findByText(
        'Je bent uitgenodigd voor het leernetwerk Leren van praktijkervaringen van Kenniswerkplaats Jeugd Friesland. Je rol wordt: lid.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('jongere')).toBeInTheDocument();
  });

  it('creates a new account without CSRF, and lands in the network', async () => {
    const { seen } = mockApi({
      'GET /invitation-tokens/tok-1': () => json(preview),
      'POST /invitation-tokens/tok-1/accept': () => json(sessionFor(noor), 201),
    });
    const { router } = renderAccept();
    await screen.findByText('Maak je account');
    await userEvent.click(screen.getByRole('button', { name: 'Account maken en meedoen' }));
    expect(screen.getByRole('link', { name: 'Naam: Vul je naam in.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Wachtwoord: Het wachtwoord is te kort/ })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Naam'), 'Noor');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'een lange zin als wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Account maken en meedoen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr'));
    const post = seen.find((s) => s.method === 'POST');
    expect(post?.body).toEqual({ name: 'Noor', password: 'een lange zin als wachtwoord' });
    expect(post?.headers.get('X-CSRF-Token')).toBeNull();
  });

  it('shows the server password rule beside the password field', async () => {
    mockApi({
      'GET /invitation-tokens/tok-1': () => json(preview),
      'POST /invitation-tokens/tok-1/accept': () =>
        problem(422, { errors: [{ field: 'password', code: 'common_password', message: 'is too common; choose another' }] }),
    });
    renderAccept();
    await screen.findByText('Maak je account');
    await userEvent.type(screen.getByLabelText('Naam'), 'Noor');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'wachtwoord1234');
    await userEvent.click(screen.getByRole('button', { name: 'Account maken en meedoen' }));
    expect(await screen.findByLabelText('Wachtwoord')).toHaveAccessibleDescription(
      expect.stringContaining('Veel mensen gebruiken dit wachtwoord.'),
    );
  });

  it('asks an existing account to sign in first', async () => {
    mockApi({ 'GET /invitation-tokens/tok-1': () => json({ ...preview, account_exists: true }) });
    renderAccept();
    const link = await screen.findByRole('link', { name: 'Aanmelden en daarna accepteren' });
    expect(link).toHaveAttribute('href', '/aanmelden?next=%2Fuitnodiging%2Ftok-1');
  });

  it('lets the signed-in invitee accept with the CSRF token', async () => {
    const { seen } = mockApi({
      'GET /invitation-tokens/tok-1': () => json({ ...preview, account_exists: true }),
      'POST /invitation-tokens/tok-1/accept': () => json(sessionFor(noor), 201),
    });
    const { router } = renderAccept(sessionFor(noor));
    await userEvent.click(await screen.findByRole('button', { name: 'Uitnodiging accepteren' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr'));
    const post = seen.find((s) => s.method === 'POST');
    expect(post?.body).toEqual({});
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-123');
  });

  it('warns when signed in as someone else', async () => {
    mockApi({ 'GET /invitation-tokens/tok-1': () => json({ ...preview, account_exists: true }) });
    renderAccept(sessionFor({ ...noor, email: 'ander@example.org' }));
    expect(await screen.findByText(/Je bent aangemeld als ander@example.org/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Uitnodiging accepteren' })).toBeNull();
  });

  it('explains an invitation that no longer works', async () => {
    mockApi({ 'GET /invitation-tokens/tok-1': () => problem(404) });
    renderAccept();
    expect(await screen.findByText(/Deze uitnodiging werkt niet meer/)).toBeInTheDocument();
  });
});
