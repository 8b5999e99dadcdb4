import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseForm } from './CaseForm';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { draftKey, writeJSON } from './draftStore';
import { draftCase, scanHandler, vocabulary, writer } from './testData';
import { autosaveDelay } from './useCaseDraft';
import type { Case } from '../../api/types';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const wait = { timeout: 10_000 };

const published: Case = { ...draftCase, status: 'published', version: 7, published_at: '2026-02-01T00:00:00Z' };
/** corrected is what the server answers on the first write of a published case: back to the check. */
const corrected = (body: unknown, version = 8): Case => ({ ...published, ...(body as object), status: 'submitted', correction: true, version });

function open(step: number, handlers: Parameters<typeof mockApi>[0] = {}, state?: unknown) {
  const api = mockApi({
    'GET /case-vocabulary': () => json(vocabulary),
    'GET /cases/c1': () => json(published),
    'POST /cases/c1/scan': scanHandler,
    ...handlers,
  });
  renderPage(<CaseForm />, {
    path: '/netwerk/:id/casussen/:case/bewerken',
    url: `/netwerk/n-fr/casussen/c1/bewerken?stap=${step}`,
    session: sessionFor(writer),
    state,
  });
  return api;
}

const notice = /^Je verbetert een gepubliceerde casus\. Als we je verandering opslaan, gaat de casus terug naar de controle\.$/;

describe('CaseForm on a published case', { timeout: 30_000 }, () => {
  it('asks first and saves nothing until the author says yes, not even text put back from an earlier visit; then the first save sends it back to the check', async () => {
    writeJSON(draftKey(writer.id, 'c1'), {
      at: 1,
      fields: { summary: 'Een betere samenvatting van het traject.' },
      dirty: ['summary'],
      episodes: {},
      decisions: { summary: [] },
    });
    const patch = vi.fn((r: { body: unknown }) => json(corrected(r.body)));
    open(4, { 'PATCH /cases/c1': patch });
    expect(await screen.findByText('Deze casus is gepubliceerd.')).toBeInTheDocument();
    expect(screen.getByText('Je verbetering gaat eerst weer langs een facilitator. Tot die hem heeft bekeken, zien anderen je casus niet.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Samenvatting' })).toBeNull();
    // Longer than autosave waits: still nothing sent.
    await new Promise((r) => setTimeout(r, autosaveDelay + 500));
    expect(patch).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Ja, verbeteren' }));
    expect(await screen.findByText('Je verbetering wacht op controle', undefined, wait)).toBeInTheDocument();
    expect(patch).toHaveBeenCalledTimes(1);
    expect(patch).toHaveBeenCalledWith(expect.objectContaining({ body: { summary: 'Een betere samenvatting van het traject.', version: 7 } }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Terugtrekken en verder schrijven' })).toBeInTheDocument();
  });

  it('opened after saying yes on the case page: shows the notice, the first save moves it to its check, withdrawing makes it editable again', async () => {
    const patch = vi.fn((r: { body: unknown }) => json(corrected(r.body)));
    const withdraw = vi.fn(() => json({ ...published, status: 'draft', correction: true, summary: 'Het gezin wachtte lang op hulp.', version: 9 }));
    open(4, { 'PATCH /cases/c1': patch, 'POST /cases/c1/withdraw': withdraw }, { correct: true });
    const text = await screen.findByRole('textbox', { name: 'Samenvatting' });
    expect(screen.getByText(notice)).toBeInTheDocument();
    await userEvent.type(text, 'Het gezin wachtte lang op hulp.');

    expect(await screen.findByText('Je verbetering wacht op controle', undefined, wait)).toBeInTheDocument();
    expect(patch).toHaveBeenCalledWith(expect.objectContaining({ body: { summary: 'Het gezin wachtte lang op hulp.', version: 7 } }));

    await userEvent.click(screen.getByRole('button', { name: 'Terugtrekken en verder schrijven' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, terugtrekken' }));
    const again = await screen.findByRole('textbox', { name: 'Samenvatting' }, wait);
    expect(withdraw).toHaveBeenCalledWith(expect.objectContaining({ body: { version: 8 } }));
    expect(again).toHaveValue('Het gezin wachtte lang op hulp.');
    expect(screen.queryByText(notice)).toBeNull();
  });

  it('reads the case again after an episode change moved it to its check, for its new version', async () => {
    let gets = 0;
    const withdraw = vi.fn(() => json({ ...published, status: 'draft', correction: true, version: 9 }));
    open(
      3,
      {
        'GET /cases/c1': () => json(gets++ === 0 ? published : corrected({})),
        'PATCH /cases/c1/episodes/e1': (r) => json({ ...draftCase.episodes[0], ...(r.body as object), version: 2 }),
        'POST /cases/c1/withdraw': withdraw,
      },
      { correct: true },
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'Wat gebeurde er?' }), 'Het gezin wachtte een half jaar.');
    expect(await screen.findByText('Je verbetering wacht op controle', undefined, wait)).toBeInTheDocument();
    expect(gets).toBe(2);
    await userEvent.click(screen.getByRole('button', { name: 'Terugtrekken en verder schrijven' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, terugtrekken' }));
    await screen.findByRole('textbox', { name: 'Wat gebeurde er?' }, wait);
    expect(withdraw).toHaveBeenCalledWith(expect.objectContaining({ body: { version: 8 } }));
  });

  it('on the review step of a correction says no submit is needed, and offers none', async () => {
    open(5, {}, { correct: true });
    expect(await screen.findByText(/^Kijk of alles klopt\. Je hoeft je verbetering niet in te dienen/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Casus indienen' })).toBeNull();
  });
});
