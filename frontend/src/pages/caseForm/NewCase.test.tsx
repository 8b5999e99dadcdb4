import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewCase } from './NewCase';
import { json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';
import { newCaseKey, writeJSON } from './draftStore';
import { draftCase, fakeScan, writer } from './testData';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

function page(create: (body: { title: string; dismissed?: unknown }) => Response) {
  const api = mockApi({ 'POST /networks/n-fr/cases': (r) => create(r.body as { title: string }) });
  const utils = renderPage(<NewCase />, { path: '/netwerk/:id/casussen/nieuw', url: '/netwerk/n-fr/casussen/nieuw', session: sessionFor(writer) });
  return { ...api, ...utils };
}

describe('NewCase', { timeout: 30_000 }, () => {
  it('makes the draft from the title by itself and opens step 1', async () => {
    const { router, seen } = page(() => json({ ...draftCase, id: 'c9' }, 201));
    await userEvent.type(screen.getByRole('textbox', { name: 'Titel' }), 'Lang wachten');
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c9/bewerken'), { timeout: 10_000 });
    expect(router.state.location.search).toBe('?stap=1');
    expect(seen[0]!.body).toEqual({ title: 'Lang wachten', dismissed: [], confirmed: [] });
  });

  it('shows the findings of a refused title and sends the dismissal placed on them', async () => {
    const { router, seen } = page((body) => {
      const found = fakeScan(body.title, '/title');
      return body.dismissed && (body.dismissed as unknown[]).length === found.length
        ? json({ ...draftCase, id: 'c9' }, 201)
        : problem(422, { findings: found });
    });
    await userEvent.type(screen.getByRole('textbox', { name: 'Titel' }), 'De Margriet');
    await userEvent.click(screen.getByRole('button', { name: 'Beginnen' }));
    expect(await screen.findByText('Naam: „Margriet”')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Dit is geen persoonsgegeven' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c9/bewerken'), { timeout: 10_000 });
    expect(seen.at(-1)!.body).toEqual({
      title: 'De Margriet',
      dismissed: [{ field: '/title', type: 'person', start: 3, end: 11 }],
      confirmed: [],
    });
  });

  it('keeps a title typed before a reload', () => {
    writeJSON(newCaseKey(writer.id, 'n-fr'), { title: 'Bijna klaar', decisions: [] });
    page(() => problem(500));
    expect(screen.getByRole('textbox', { name: 'Titel' })).toHaveValue('Bijna klaar');
  });
});
