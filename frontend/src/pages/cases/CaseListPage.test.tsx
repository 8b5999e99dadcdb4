import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CaseListPage from './CaseListPage';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { outsider, researcher, reviewer, summary, vocabulary } from './testdata';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function api() {
  return mockApi({
    'GET /case-vocabulary': () => json(vocabulary),
    'GET /networks/n-fr/cases': () => json({ items: [summary], by_outcome: { good: 12, stuck: 9, mixed: 4 } }),
  });
}

function render(me: Me, url = '/netwerk/n-fr/casussen') {
  return renderPage(<CaseListPage />, { path: '/netwerk/:id/casussen', url, session: sessionFor(me) });
}

/** listQueries gives the query of every list call made. */
function listQueries(fetchMock: ReturnType<typeof mockApi>['fetchMock']): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL((input as Request).url))
    .filter((u) => u.pathname.endsWith('/cases'))
    .map((u) => u.searchParams);
}

describe('CaseListPage', () => {
  it('lists cases with their context in Dutch, and the count per outcome', async () => {
    api();
    render(researcher);
    expect(await screen.findByRole('heading', { level: 1, name: 'Casussen van Leren van praktijkervaringen' })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' })).closest('tr')!;
    expect(within(row).getByRole('link')).toHaveAttribute('href', '/netwerk/n-fr/casussen/c1');
    expect(within(row).getByText('vastgelopen')).toBeInTheDocument();
    expect(within(row).getByText('2e kwartaal 2023 tot en met 1e kwartaal 2024')).toBeInTheDocument();
    expect(within(row).getByText('12 tot 18 jaar')).toBeInTheDocument();
    expect(within(row).getByText('wijkteam of toegang, jeugd-ggz')).toBeInTheDocument();
    const outcomes = screen.getByRole('navigation', { name: 'Uitkomst van het traject' });
    expect(within(outcomes).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Alle uitkomsten (25)',
      'goed verlopen (12)',
      'vastgelopen (9)',
      'wisselend (4)',
    ]);
    expect(within(outcomes).getByRole('link', { name: 'Alle uitkomsten (25)' })).toHaveAttribute('aria-current', 'true');
  });

  it('sends the filters from the URL, and an outcome link keeps them', async () => {
    const { fetchMock } = api();
    render(researcher, '/netwerk/n-fr/casussen?phase=access&from=2024-Q1&outcome=good');
    await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' });
    const q = listQueries(fetchMock)[0]!;
    expect(Object.fromEntries(q)).toEqual({ phase: 'access', from: '2024-Q1', outcome: 'good', limit: '25' });
    expect(screen.getByLabelText('Fase van een cruciaal moment')).toHaveValue('access');
    expect(screen.getByLabelText('Vanaf jaar')).toHaveValue('2024');
    expect(screen.getByLabelText('Vanaf kwartaal')).toHaveValue('1');
    expect(screen.getByRole('link', { name: 'goed verlopen (12)' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'vastgelopen (9)' })).toHaveAttribute(
      'href',
      '/netwerk/n-fr/casussen?outcome=stuck&phase=access&from=2024-Q1',
    );
  });

  it('puts the applied filters in the URL and lists again', async () => {
    const { fetchMock } = api();
    const { router } = render(researcher);
    await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' });
    await userEvent.selectOptions(screen.getByLabelText('Leeftijd aan het begin'), '12-18');
    await userEvent.selectOptions(screen.getByLabelText('Tot en met jaar'), '2025');
    await userEvent.click(screen.getByRole('button', { name: 'Filters toepassen' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?age_band=12-18&to=2025-Q4'));
    await vi.waitFor(() => expect(listQueries(fetchMock).some((q) => q.get('age_band') === '12-18' && q.get('to') === '2025-Q4')).toBe(true));
  });

  it('refuses an end before the start, beside the field', async () => {
    api();
    const { router } = render(researcher);
    await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' });
    await userEvent.selectOptions(screen.getByLabelText('Vanaf jaar'), '2025');
    await userEvent.selectOptions(screen.getByLabelText('Tot en met jaar'), '2024');
    await userEvent.click(screen.getByRole('button', { name: 'Filters toepassen' }));
    expect(await screen.findByRole('link', { name: /Tot en met jaar: Kies een einde dat na het begin ligt/ })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('offers the cases waiting for the check only to facilitators', async () => {
    api();
    render(researcher);
    await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' });
    expect(within(screen.getByLabelText('Welke casussen')).queryByRole('option', { name: 'wacht op controle' })).toBeNull();
  });

  it('lets a facilitator list the cases waiting for the check', async () => {
    api();
    render(reviewer);
    await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' });
    expect(within(screen.getByLabelText('Welke casussen')).getByRole('option', { name: 'wacht op controle' })).toBeInTheDocument();
  });

  it('says plainly when the filters leave nothing', async () => {
    mockApi({
      'GET /case-vocabulary': () => json(vocabulary),
      'GET /networks/n-fr/cases': () => json({ items: [], by_outcome: { good: 0, stuck: 0, mixed: 0 } }),
    });
    render(researcher, '/netwerk/n-fr/casussen?service=gp');
    expect(await screen.findByText(/geen casussen die bij deze filters passen/)).toBeInTheDocument();
  });

  it('pages on with the cursor, and a new filter starts at page 1', async () => {
    const { fetchMock } = mockApi({
      'GET /case-vocabulary': () => json(vocabulary),
      'GET /networks/n-fr/cases': () => json({ items: [summary], next_cursor: 'n2', by_outcome: { good: 0, stuck: 30, mixed: 0 } }),
    });
    render(researcher);
    await userEvent.click(await screen.findByRole('button', { name: 'Volgende pagina' }));
    await vi.waitFor(() => expect(listQueries(fetchMock).at(-1)?.get('cursor')).toBe('n2'));
    expect(screen.getByText('Pagina 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'vastgelopen (30)' }));
    await vi.waitFor(() => expect(listQueries(fetchMock).at(-1)?.get('outcome')).toBe('stuck'));
    expect(listQueries(fetchMock).at(-1)?.get('cursor')).toBeNull();
  });

  it('tells someone without access to cases that this page is not for them', () => {
    api();
    render(outsider);
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
  });
});
