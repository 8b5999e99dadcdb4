import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Invitations, acceptLink } from './Invitations';
import { facilitator, json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';

afterEach(() => vi.unstubAllGlobals());

const network = { id: 'n-fr', workplace_id: 'w-fr', name: 'Friesland', description: '', created_at: '', version: 1 };
const pending = {
  id: 'i-1',
  email: 'oud@example.org',
  role: 'member',
  perspective: 'ouder',
  status: 'pending',
  expires_at: '2030-01-01T00:00:00Z',
  created_at: '2026-01-01T00:00:00Z',
};

function page(extra: Record<string, () => Response> = {}) {
  const api = mockApi({
    'GET /networks/n-fr': () => json(network),
    'GET /workplaces/w-fr/organisations': () => json({ items: [] }),
    'GET /networks/n-fr/invitations': () => json({ items: [pending] }),
    ...extra,
  });
  renderPage(<Invitations />, { path: '/netwerk/:id/uitnodigingen', url: '/netwerk/n-fr/uitnodigingen', session: sessionFor(facilitator) });
  return api;
}

describe('Invitations', () => {
  it('lists invitations with their status in words', async () => {
    page();
    const row = (await screen.findByText('oud@example.org')).closest('tr')!;
    expect(within(row).getByText('Wacht op antwoord')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Uitnodiging voor oud@example.org intrekken' })).toBeInTheDocument();
  });

  it('checks e-mail and perspective before sending', async () => {
    const { seen } = page();
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'geen-adres');
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging maken' }));
    expect(screen.getByRole('link', { name: /^E-mailadres: Vul een goed e-mailadres in/ })).toHaveAttribute('href', '#invite-email');
    expect(screen.getByRole('link', { name: 'Perspectief: Kies een perspectief.' })).toHaveAttribute('href', '#invite-perspective');
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });

  it('shows the accept link to copy after creating', async () => {
    const { seen } = page({
      'POST /networks/n-fr/invitations': () =>
        json({ ...pending, id: 'i-2', email: 'nieuw@example.org', token: 'tok', accept_url: '/uitnodiging/tok' }, 201),
    });
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'nieuw@example.org');
    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'researcher');
    await userEvent.selectOptions(screen.getByLabelText('Perspectief'), 'onderzoek');
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging maken' }));
    const link = await screen.findByLabelText('Link om te accepteren');
    expect(link).toHaveValue(`${window.location.origin}/uitnodiging/tok`);
    expect(screen.getByRole('button', { name: 'Kopiëren' })).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({
      email: 'nieuw@example.org',
      role: 'researcher',
      perspective: 'onderzoek',
    });
  });

  it('puts a server error for the e-mail beside the field, in Dutch', async () => {
    page({
      'POST /networks/n-fr/invitations': () => problem(422, { errors: [{ field: 'email', code: 'member_already', message: 'is a member already' }] }),
    });
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'lid@leerlus.demo');
    await userEvent.selectOptions(screen.getByLabelText('Perspectief'), 'ouder');
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging maken' }));
    expect(await screen.findByRole('link', { name: 'E-mailadres: Deze persoon doet al mee in dit netwerk.' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadres')).toHaveAccessibleDescription('Deze persoon doet al mee in dit netwerk.');
  });
});

describe('acceptLink', () => {
  it('makes the link absolute', () => {
    expect(acceptLink('/uitnodiging/abc', 'https://leerlus.example')).toBe('https://leerlus.example/uitnodiging/abc');
    expect(acceptLink('https://elders.example/uitnodiging/abc', 'https://leerlus.example')).toBe(
      'https://elders.example/uitnodiging/abc',
    );
  });
});
