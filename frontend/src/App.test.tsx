import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { newQueryClient, routes } from './App';
import { sessionKey } from './auth/session';
import { facilitator, mockApi, problem, sessionFor } from './test/helpers';

afterEach(() => vi.unstubAllGlobals());

describe('App', () => {
  it('sends people to sign in when their session ended (401 on any call), and back after', async () => {
    mockApi({
      'GET /session': () => problem(401),
      'GET /networks/n-fr': () => problem(401),
    });
    const qc = newQueryClient();
    qc.setQueryData(sessionKey, sessionFor(facilitator));
    const router = createMemoryRouter(routes, { initialEntries: ['/netwerk/n-fr'] });
    render(
      <QueryClientProvider client={qc}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/aanmelden'));
    expect(router.state.location.search).toBe('?next=%2Fnetwerk%2Fn-fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeInTheDocument();
    // The title follows the page once its effects have run.
    await waitFor(() => expect(document.title).toBe('Aanmelden – Leerlus'));
  });
});
