import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignIn, safeNext } from './SignIn';
import { facilitator, json, mockApi, problem, renderRoutes, sessionFor } from '../test/helpers';
import { getCsrfToken, setCsrfToken } from '../api/client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderSignIn(url = '/aanmelden') {
  return renderRoutes(
    [
      { path: '/aanmelden', element: <SignIn /> },
      { path: '*', element: <p>landed</p> },
    ],
    { url },
  );
}

describe('SignIn', () => {
  it('shows an error summary and field errors when fields are empty', async () => {
    const { fetchMock } = mockApi({});
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));

    const summary = screen.getByRole('heading', { name: 'Dit moet je nog aanpassen' }).closest('[tabindex]');
    expect(summary).toHaveFocus();
    const link = screen.getByRole('link', { name: 'E-mailadres: Vul je e-mailadres in.' });
    expect(link).toHaveAttribute('href', '#signin-email');

    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Vul je e-mailadres in.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveAccessibleDescription('Vul je wachtwoord in.');

    await userEvent.click(link);
    expect(email).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says plainly that the e-mail or password is wrong on 401', async () => {
    mockApi({ 'POST /session': () => problem(401, { title: 'Unauthorized' }) });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'lid@leerlus.demo');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'fout-wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(
      await screen.findByText('Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw.'),
    ).toBeInTheDocument();
  });

  it('uses Retry-After to say how long to wait, and blocks the button meanwhile', async () => {
    mockApi({ 'POST /session': () => problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '30' }) });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'lid@leerlus.demo');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByText(/Wacht 30 seconden/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Aanmelden' })).toBeDisabled();
  });

  it('shows server field errors beside the field', async () => {
    mockApi({
      'POST /session': () =>
        problem(400, { title: 'Invalid', errors: [{ field: 'email', code: 'format', params: { format: 'email' }, message: 'is not a valid email' }] }),
    });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mailadres'), 'nope');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByRole('link', { name: 'E-mailadres: Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadres')).toHaveAccessibleDescription('Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.');
  });

  it('toggles the password between hidden and shown', async () => {
    mockApi({});
    renderSignIn();
    const pw = screen.getByLabelText('Wachtwoord');
    expect(pw).toHaveAttribute('type', 'password');
    await userEvent.click(screen.getByLabelText('Laat het wachtwoord zien'));
    expect(pw).toHaveAttribute('type', 'text');
  });

  it('signs in, keeps the CSRF token and goes to the next page', async () => {
    const { seen } = mockApi({ 'POST /session': () => json(sessionFor(facilitator), 201) });
    const { router } = renderSignIn('/aanmelden?next=%2Faccount');
    await userEvent.type(screen.getByLabelText('E-mailadres'), ' facilitator@leerlus.demo ');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'demo-wachtwoord-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    expect(seen[0]?.body).toEqual({ email: 'facilitator@leerlus.demo', password: 'demo-wachtwoord-2026' });
    expect(getCsrfToken()).toBe('csrf-123');
  });
});

describe('safeNext', () => {
  it('keeps redirects inside the app', () => {
    expect(safeNext('/netwerk/1')).toBe('/netwerk/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
