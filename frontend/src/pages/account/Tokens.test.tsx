import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Tokens } from './Tokens';
import { facilitator, json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';

afterEach(() => vi.unstubAllGlobals());

const existing = {
  id: 't-old',
  name: 'export-script',
  created_at: '2026-01-10T10:00:00Z',
  expires_at: '2099-01-10T10:00:00Z',
};

describe('Tokens', () => {
  it('shows the empty state', async () => {
    mockApi({ 'GET /me/tokens': () => json({ items: [] }) });
    renderPage(<Tokens />, { session: sessionFor(facilitator) });
    expect(await screen.findByText('Je hebt nog geen sleutels.')).toBeInTheDocument();
  });

  it('checks the fields before sending', async () => {
    const { seen } = mockApi({ 'GET /me/tokens': () => json({ items: [] }) });
    renderPage(<Tokens />, { session: sessionFor(facilitator) });
    const days = screen.getByLabelText('Aantal dagen geldig');
    await userEvent.clear(days);
    await userEvent.type(days, '400');
    await userEvent.click(screen.getByRole('button', { name: 'Sleutel maken' }));
    expect(screen.getByRole('link', { name: 'Naam van de sleutel: Geef de sleutel een naam.' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Aantal dagen geldig: Vul een getal in van 1 tot en met 365.' }),
    ).toHaveAttribute('href', '#token-days');
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(0);
  });

  it('shows server field errors next to their fields', async () => {
    mockApi({
      'GET /me/tokens': () => json({ items: [] }),
      'POST /me/tokens': () =>
        problem(422, { title: 'Invalid', errors: [{ field: 'name', code: 'in_use', message: 'is in use already' }] }),
    });
    renderPage(<Tokens />, { session: sessionFor(facilitator) });
    await userEvent.type(screen.getByLabelText('Naam van de sleutel'), 'export-script');
    await userEvent.click(screen.getByRole('button', { name: 'Sleutel maken' }));
    expect(await screen.findByLabelText('Naam van de sleutel')).toHaveAccessibleDescription(
      expect.stringContaining('Iemand gebruikt dit al. Kies iets anders.'),
    );
    expect(screen.getByRole('link', { name: 'Naam van de sleutel: Iemand gebruikt dit al. Kies iets anders.' })).toBeInTheDocument();
  });

  it('creates a token, shows the secret once with a copy button, and revokes', async () => {
    let items = [existing];
    const { seen } = mockApi({
      'GET /me/tokens': () => json({ items }),
      'POST /me/tokens': () => {
        const tok = { id: 't-new', name: 'analyse', created_at: '2026-02-01T10:00:00Z', expires_at: '2026-03-03T10:00:00Z' };
        items = [...items, tok];
        return json({ ...tok, secret: 'llp_secret_value' }, 201);
      },
      'DELETE /me/tokens/t-old': () => {
        items = items.map((t) => (t.id === 't-old' ? { ...t, revoked_at: '2026-02-01T11:00:00Z' } : t));
        return new Response(null, { status: 204 });
      },
    });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(<Tokens />, { session: sessionFor(facilitator) });
    await screen.findByText('export-script');

    await userEvent.type(screen.getByLabelText('Naam van de sleutel'), 'analyse');
    const days = screen.getByLabelText('Aantal dagen geldig');
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Sleutel maken' }));

    const secret = await screen.findByLabelText('Je nieuwe sleutel');
    expect(secret).toHaveValue('llp_secret_value');
    expect(secret).toHaveAttribute('readonly');
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ name: 'analyse', expires_in_days: 30 });
    expect(seen.find((s) => s.method === 'POST')?.headers.get('X-CSRF-Token')).toBe('csrf-123');

    await userEvent.click(screen.getByRole('button', { name: 'Kopiëren' }));
    expect(writeText).toHaveBeenCalledWith('llp_secret_value');
    expect(await screen.findByText('Gekopieerd.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Sleutel export-script intrekken' }));
    const yes = screen.getByRole('button', { name: 'Ja, intrekken' });
    expect(yes).toHaveFocus();
    await userEvent.click(yes);
    const row = (await screen.findByText('Ingetrokken')).closest('tr')!;
    expect(within(row).getByText('export-script')).toBeInTheDocument();
    await waitFor(() => expect(seen.some((s) => s.method === 'DELETE' && s.path === '/me/tokens/t-old')).toBe(true));
  });
});
