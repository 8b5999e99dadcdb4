import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MyCases } from './MyCases';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { draftKey, readJSON, writeJSON } from './draftStore';
import { draftCase, writer } from './testData';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const summary = (id: string, title: string, status: string, version = 2, extra: object = {}) => ({
  id,
  network_id: 'n-fr',
  status,
  title,
  services: [],
  episode_count: 1,
  mine: true,
  correction: false,
  updated_at: '2026-03-01T10:00:00Z',
  version,
  ...extra,
});

function page(extra: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /networks/n-fr/cases': () =>
      json({
        items: [
          summary('c1', 'Teruggestuurd verhaal', 'draft', 2, { review_comment: 'Haal de plaatsnaam weg.' }),
          summary('c2', 'Ingediend verhaal', 'submitted', 5), summary('c3', 'Gelezen verhaal', 'published'),
          summary('c4', 'Verbeterd verhaal', 'submitted', 6, { correction: true }),
        ],
        by_outcome: { good: 0, stuck: 0, mixed: 0 },
      }),
    ...extra,
  });
  renderPage(<MyCases networkId="n-fr" />, { path: '/netwerk/:id', url: '/netwerk/n-fr', session: sessionFor(writer) });
  return api;
}

describe('MyCases', () => {
  it('lists my cases in every status, with the facilitator comment on a draft sent back', async () => {
    const { seen } = page();
    const draft = (await screen.findByText('Teruggestuurd verhaal')).closest('tr')!;
    expect(within(draft).getByText('concept')).toBeInTheDocument();
    expect(await within(draft).findByText('Teruggestuurd door de facilitator: Haal de plaatsnaam weg.')).toBeInTheDocument();
    expect(within(draft).getByRole('link', { name: 'Verder schrijven aan Teruggestuurd verhaal' })).toHaveAttribute(
      'href',
      '/netwerk/n-fr/casussen/c1/bewerken?stap=1',
    );
    expect(within(draft).getByRole('link', { name: 'Teruggestuurd verhaal' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/c1');
    const submitted = screen.getByText('Ingediend verhaal').closest('tr')!;
    expect(within(submitted).getByText('ingediend, wacht op controle')).toBeInTheDocument();
    const correction = screen.getByText('Verbeterd verhaal').closest('tr')!;
    expect(within(correction).getByText('verbetering, wacht op controle')).toBeInTheDocument();
    expect(within(correction).getByRole('button', { name: 'Verbeterd verhaal terugtrekken' })).toBeInTheDocument();
    expect(within(screen.getByText('Gelezen verhaal').closest('tr')!).queryByRole('button')).toBeNull();
    expect(seen.find((s) => s.path === '/networks/n-fr/cases')).toBeTruthy();
    // The comment comes with the list: no draft is read for it.
    expect(seen.filter((s) => s.path.startsWith('/cases/'))).toEqual([]);
    expect(screen.getByRole('link', { name: 'Een nieuwe casus schrijven' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/nieuw');
  });

  it('withdraws a submitted case after a question', async () => {
    const { seen } = page({ 'POST /cases/c2/withdraw': () => json({ ...draftCase, id: 'c2', version: 6 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Ingediend verhaal terugtrekken' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, terugtrekken' }));
    expect(await screen.findByText('Ingediend verhaal is teruggetrokken. Je kunt hem weer veranderen.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 5 });
  });

  it('deletes a draft after a question, and forgets its unsaved text', async () => {
    writeJSON(draftKey(writer.id, 'c1'), { dirty: ['summary'] });
    const { seen } = page({ 'DELETE /cases/c1': () => new Response(null, { status: 204 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Teruggestuurd verhaal verwijderen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(screen.getByText('Teruggestuurd verhaal is verwijderd.')).toBeInTheDocument());
    const del = seen.find((s) => s.method === 'DELETE')!;
    expect(del.path).toBe('/cases/c1');
    expect(readJSON(draftKey(writer.id, 'c1'))).toBeNull();
  });
});
