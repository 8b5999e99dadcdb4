import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResetPassword } from './ResetPassword';
import { json, mockApi, problem, renderRoutes } from '../test/helpers';

afterEach(() => vi.unstubAllGlobals());

function renderReset() {
  return renderRoutes([{ path: '/wachtwoord-herstellen/:token', element: <ResetPassword /> }], {
    url: '/wachtwoord-herstellen/tok-1',
  });
}

describe('ResetPassword', () => {
  it('sets a new password and points to sign in', async () => {
    const { seen } = mockApi({
      'GET /password-reset-tokens/tok-1': () => json({ name: 'Noor', expires_at: '2030-01-01T00:00:00Z' }),
      'POST /password-reset-tokens/tok-1': () => new Response(null, { status: 204 }),
    });
    renderReset();
    expect(await screen.findByText(/account van Noor/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Nieuw wachtwoord'), 'een heel nieuw wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText(/Je nieuwe wachtwoord is opgeslagen/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar aanmelden' })).toBeInTheDocument();
    expect(seen.at(-1)?.body).toEqual({ new_password: 'een heel nieuw wachtwoord' });
  });

  it('checks the length before sending', async () => {
    const { seen } = mockApi({ 'GET /password-reset-tokens/tok-1': () => json({ name: 'Noor', expires_at: '2030-01-01T00:00:00Z' }) });
    renderReset();
    await userEvent.type(await screen.findByLabelText('Nieuw wachtwoord'), 'kort');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('link', { name: /Nieuw wachtwoord: / })).toBeInTheDocument();
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(0);
  });

  it('says plainly when a link is used or too old', async () => {
    mockApi({ 'GET /password-reset-tokens/tok-1': () => problem(410, { title: 'Gone' }) });
    renderReset();
    expect(await screen.findByText(/Deze link werkt niet meer/)).toBeInTheDocument();
  });
});
