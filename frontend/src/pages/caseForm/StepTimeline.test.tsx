import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseForm } from './CaseForm';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { draftCase, scanHandler, vocabulary, writer } from './testData';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const twoEpisodes = {
  ...draftCase,
  episodes: [
    { id: 'e1', position: 1, what_happened: 'Eerst belde de school.', updated_at: '', version: 1 },
    { id: 'e2', position: 2, what_happened: 'Daarna kwam het wijkteam.', updated_at: '', version: 4 },
  ],
};

function open(handlers: Parameters<typeof mockApi>[0]) {
  const api = mockApi({
    'GET /case-vocabulary': () => json(vocabulary),
    'GET /cases/c1': () => json(twoEpisodes),
    'POST /cases/c1/scan': scanHandler,
    ...handlers,
  });
  renderPage(<CaseForm />, { path: '/netwerk/:id/casussen/:case/bewerken', url: '/netwerk/n-fr/casussen/c1/bewerken?stap=3', session: sessionFor(writer) });
  return api;
}

const texts = () => screen.getAllByRole('textbox', { name: 'Wat gebeurde er?' }).map((t) => (t as HTMLTextAreaElement).value);

describe('the timeline', { timeout: 30_000 }, () => {
  it('moves a moment down with the keyboard, keeps the focus on it, says where it went and saves the order', async () => {
    const { seen } = open({ 'PUT /cases/c1/episode-order': () => json({ ...twoEpisodes, version: 4 }) });
    const down = await screen.findByRole('button', { name: 'Moment 1 omlaag' });
    expect(screen.getByRole('button', { name: 'Moment 1 omhoog' })).toBeDisabled();
    down.focus();
    await userEvent.keyboard('{Enter}');
    expect(texts()).toEqual(['Daarna kwam het wijkteam.', 'Eerst belde de school.']);
    // It is now the last one: "down" is gone, so the focus is on its "up".
    await waitFor(() => expect(screen.getByRole('button', { name: 'Moment 2 omhoog' })).toHaveFocus());
    expect(screen.getByText('Het moment staat nu op plek 2.')).toBeInTheDocument();
    await waitFor(() => expect(seen.find((s) => s.method === 'PUT')?.body).toEqual({ episodes: ['e2', 'e1'], version: 3 }));
  });

  it('removes a moment only after a question, with its version', async () => {
    const { seen } = open({ 'DELETE /cases/c1/episodes/e2': () => new Response(null, { status: 204 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Moment 2 verwijderen' }));
    expect(texts()).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(texts()).toEqual(['Eerst belde de school.']));
    expect(seen.find((s) => s.method === 'DELETE')?.path).toBe('/cases/c1/episodes/e2');
    expect(screen.getByText('Het moment is verwijderd.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Moment toevoegen' })).toHaveFocus();
  });

  it('adds a moment and puts the focus in it', async () => {
    open({ 'POST /cases/c1/episodes': () => json({ id: 'e3', position: 3, what_happened: '', updated_at: '', version: 1 }, 201) });
    await userEvent.click(await screen.findByRole('button', { name: 'Moment toevoegen' }));
    await waitFor(() => expect(texts()).toHaveLength(3));
    await waitFor(() => expect(document.getElementById('episode-e3-phase')).toHaveFocus());
    expect(screen.getByText('Moment 3 is toegevoegd.')).toBeInTheDocument();
  });
});
