import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseForm, stepFrom } from './CaseForm';
import { json, mockApi, problem, renderPage, sessionFor } from '../../test/helpers';
import { draftKey, writeJSON } from './draftStore';
import { draftCase, fakeScan, scanHandler, vocabulary, writer } from './testData';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

// Autosave waits 1.5 s after typing: generous limits, so a busy machine does not fail the tests.
const wait = { timeout: 10_000 };

function open(step: number, handlers: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /case-vocabulary': () => json(vocabulary),
    'GET /cases/c1': () => json(draftCase),
    'POST /cases/c1/scan': scanHandler,
    ...handlers,
  });
  const utils = renderPage(<CaseForm />, {
    path: '/netwerk/:id/casussen/:case/bewerken',
    url: `/netwerk/n-fr/casussen/c1/bewerken?stap=${step}`,
    session: sessionFor(writer),
  });
  return { ...api, ...utils };
}

describe('stepFrom', () => {
  it('reads 1 to 5 and falls back to 1', () => {
    expect(stepFrom('3')).toBe(3);
    expect(stepFrom('9')).toBe(1);
    expect(stepFrom(null)).toBe(1);
    expect(stepFrom('x')).toBe(1);
  });
});

describe('CaseForm', { timeout: 30_000 }, () => {
  it('flags a name and a BSN while typing, replaces the name in one click and sends a dismissal placed on the new text', async () => {
    const episodePatch = vi.fn((req: { body: unknown }) => json({ ...draftCase.episodes[0], ...(req.body as object), version: 2 }));
    const { seen } = open(3, { 'PATCH /cases/c1/episodes/e1': episodePatch });
    const text = await screen.findByRole('textbox', { name: 'Wat gebeurde er?' });
    await userEvent.type(text, 'Margriet en Jan de Vries, BSN 123456782.');

    const findings = document.getElementById('episode-e1-text-findings')!;
    await waitFor(() => expect(within(findings).getByRole('status')).toHaveTextContent('Er staan 3 dingen in de tekst'), wait);
    expect(text).toHaveAccessibleDescription(/Er staan 3 dingen in de tekst/);
    expect(within(findings).getByText('Naam: „Jan de Vries”')).toBeInTheDocument();
    expect(within(findings).getByText('BSN: „123456782”')).toBeInTheDocument();
    // Not saved while it names someone, and it says why.
    await screen.findByText(/^Niet opgeslagen: er staat nog iets in de tekst/, undefined, wait);
    expect(episodePatch.mock.calls.some(([r]) => 'what_happened' in (r.body as object))).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Vervang door [PERSOON-1]' }));
    expect(text).toHaveValue('Margriet en [PERSOON-1], BSN 123456782.');
    await userEvent.click(screen.getByRole('button', { name: 'Vervang door [BSN-1]' }));
    const margriet = within(findings).getByText('Naam: „Margriet”').closest('li')!;
    await userEvent.click(within(margriet).getByRole('button', { name: 'Dit is geen persoonsgegeven' }));
    // Text typed before the flower moves it: the dismissal follows the words.
    await userEvent.type(text, '{Home}Toen: ');
    expect(text).toHaveValue('Toen: Margriet en [PERSOON-1], BSN [BSN-1].');

    await waitFor(() => expect(screen.getByText(/^Opgeslagen om \d\d:\d\d$/)).toBeInTheDocument(), wait);
    const sent = seen.filter((s) => s.method === 'PATCH').at(-1)!.body;
    expect(sent).toEqual({
      phase: '',
      duration: '',
      effect: '',
      version: 1,
      what_happened: 'Toen: Margriet en [PERSOON-1], BSN [BSN-1].',
      dismissed: [{ field: '/what_happened', type: 'person', start: 6, end: 14 }],
    });
    expect(within(findings).getByRole('status')).toHaveTextContent('Er staat niets meer in de tekst waarmee iemand te herkennen is.');
  });

  it('on a stale version offers to keep my text, and saves it on the newest version', async () => {
    // Another tab saved version 4 after this one loaded version 3.
    let loads = 0;
    const patch = vi.fn((req: { body: unknown }) => {
      const body = req.body as { version: number; summary: string };
      if (body.version !== 4) return problem(409, { errors: [{ field: 'version', code: 'stale_version', message: 'changed' }] });
      return json({ ...draftCase, summary: body.summary, version: 5 });
    });
    open(4, { 'PATCH /cases/c1': patch, 'GET /cases/c1': () => json({ ...draftCase, version: loads++ === 0 ? 3 : 4 }) });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Samenvatting' }), 'Het gezin wachtte lang op hulp.');
    await screen.findByText('Niet opgeslagen: iemand anders (of een ander tabblad) heeft dit veranderd.', undefined, wait);
    expect(screen.getByRole('textbox', { name: 'Samenvatting' })).toHaveValue('Het gezin wachtte lang op hulp.');

    await userEvent.click(screen.getByRole('button', { name: 'Houd mijn tekst en sla opnieuw op' }));
    await screen.findByText(/^Opgeslagen om/, undefined, wait);
    expect(patch).toHaveBeenLastCalledWith(expect.objectContaining({ body: { summary: 'Het gezin wachtte lang op hulp.', version: 4 } }));
    expect(screen.getByRole('textbox', { name: 'Samenvatting' })).toHaveValue('Het gezin wachtte lang op hulp.');
  });

  it('keeps the text and says so when the connection is gone', async () => {
    open(4, { 'PATCH /cases/c1': () => Promise.reject(new TypeError('Failed to fetch')) });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Samenvatting' }), 'Een tekst zonder namen erin.');
    await screen.findByText(/^Niet opgeslagen: er is geen verbinding/, undefined, wait);
    expect(window.localStorage.getItem(draftKey(writer.id, 'c1'))).toContain('Een tekst zonder namen erin.');
  });

  it('puts back unsaved text from an earlier visit, with a note, and saves it', async () => {
    writeJSON(draftKey(writer.id, 'c1'), {
      at: 1,
      fields: { summary: 'Wat ik typte voor het herladen.' },
      dirty: ['summary'],
      episodes: {},
      decisions: { summary: [] },
    });
    const { seen } = open(4, { 'PATCH /cases/c1': () => json({ ...draftCase, summary: 'Wat ik typte voor het herladen.', version: 4 }) });
    expect(await screen.findByRole('textbox', { name: 'Samenvatting' })).toHaveValue('Wat ik typte voor het herladen.');
    expect(screen.getByText(/We hebben die tekst teruggezet/)).toBeInTheDocument();
    expect(screen.getByText(/Meld je dan af als je klaar bent/)).toBeInTheDocument();
    await screen.findByText(/^Opgeslagen om/, undefined, wait);
    expect(seen.find((s) => s.method === 'PATCH')?.body).toEqual({ summary: 'Wat ik typte voor het herladen.', version: 3 });
    // The device copy is forgotten by an effect after the saved state renders; under load that can come a moment later.
    await waitFor(() => expect(window.localStorage.getItem(draftKey(writer.id, 'c1'))).toBeNull(), wait);
  });

  it('lists what is missing per step when submitting too early, with links to the steps', async () => {
    open(5, {
      'POST /cases/c1/submit': () =>
        problem(400, {
          errors: [
            { field: 'summary', code: 'too_short', message: 'x', params: { min: 20 } },
            { field: 'services', code: 'required', message: 'x' },
            { field: '/episodes/0/effect', code: 'required', message: 'x' },
          ],
        }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Casus indienen' }));
    expect(await screen.findByRole('heading', { name: 'Dit mist nog' })).toBeInTheDocument();
    expect(screen.getByText('Welke hulp en organisaties waren erbij?: Vul dit in.')).toBeInTheDocument();
    expect(screen.getByText('Moment 1: Hielp het, of juist niet?: Vul dit in.')).toBeInTheDocument();
    expect(screen.getByText('Samenvatting: Gebruik minstens 20 tekens.')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: 'Naar stap 2: Het gezin en de hulp' });
    expect(links[0]).toHaveAttribute('href', '/netwerk/n-fr/casussen/c1/bewerken?stap=2');
  });

  it('says up front on the review step what submitting still needs, and counts it per step in the step list', async () => {
    const missing = [
      { field: 'outcome', code: 'required', message: 'is required' },
      { field: 'summary', code: 'required', message: 'is required' },
      { field: '/episodes/0/phase', code: 'required', message: 'is required' },
      { field: '/episodes/0/what_happened', code: 'too_short', message: 'x', params: { min: 10 } },
    ] as const;
    const { seen } = open(5, { 'GET /cases/c1': () => json({ ...draftCase, missing }) });
    expect(await screen.findByRole('heading', { name: 'Dit mist nog' })).toBeInTheDocument();
    expect(screen.getByText('Hoe is het traject gegaan?: Vul dit in.')).toBeInTheDocument();
    expect(screen.getByText('Moment 1: In welke fase was dit?: Vul dit in.')).toBeInTheDocument();
    expect(screen.getByText('Samenvatting: Vul dit in.')).toBeInTheDocument();
    const steps = screen.getByRole('navigation', { name: 'Stappen van de casus' });
    expect(within(steps).getAllByRole('link').map((l) => l.textContent)).toEqual([
      '1. Uitkomst en periode (nog 1 ding in te vullen)',
      '2. Het gezin en de hulp',
      '3. Tijdlijn (nog 2 dingen in te vullen)',
      '4. Samenvatting (nog 1 ding in te vullen)',
      '5. Controleren en indienen',
    ]);
    // Asked again on arriving at the step, after saving: nothing was submitted.
    await waitFor(() => expect(seen.filter((x) => x.method === 'GET' && x.path === '/cases/c1').length).toBe(2));
    expect(seen.some((x) => x.path.endsWith('/submit'))).toBe(false);
  });

  it('drops what is missing from the step list once the author fills it in and it is saved', async () => {
    const missing = [{ field: 'outcome', code: 'required', message: 'is required' }] as const;
    open(1, {
      'GET /cases/c1': () => json({ ...draftCase, missing }),
      'PATCH /cases/c1': (r) => json({ ...draftCase, ...(r.body as object), version: 4 }),
    });
    const steps = await screen.findByRole('navigation', { name: 'Stappen van de casus' });
    expect(within(steps).getByRole('link', { name: '1. Uitkomst en periode (nog 1 ding in te vullen)' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('goed verlopen'));
    expect(within(steps).getByRole('link', { name: '1. Uitkomst en periode' })).toBeInTheDocument();
    await screen.findByText(/^Opgeslagen om/, undefined, wait);
    expect(within(steps).getByRole('link', { name: '1. Uitkomst en periode' })).toBeInTheDocument();
  });

  it('shows the facilitator comment on a draft that was sent back, and marks the step', async () => {
    open(2, { 'GET /cases/c1': () => json({ ...draftCase, review_comment: 'Haal de naam van de school weg.' }) });
    expect(await screen.findByText('Haal de naam van de school weg.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2. Het gezin en de hulp' })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('heading', { level: 2, name: 'Stap 2 van 5: Het gezin en de hulp' })).toBeInTheDocument();
  });

  it('confirms a quasi-identifier with "Laat staan"', async () => {
    const { seen } = open(4, { 'PATCH /cases/c1': (r) => json({ ...draftCase, ...(r.body as object), version: 4 }) });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Samenvatting' }), 'We woonden in Leeuwarden.');
    await userEvent.click(await screen.findByRole('button', { name: 'Laat staan' }, wait));
    await screen.findByText(/^Opgeslagen om/, undefined, wait);
    expect(seen.filter((s) => s.method === 'PATCH').at(-1)?.body).toEqual({
      summary: 'We woonden in Leeuwarden.',
      confirmed: [{ field: '/summary', type: 'place', start: 14, end: 24 }],
      version: 3,
    });
    expect(fakeScan('We woonden in Leeuwarden.')[0]!.start).toBe(14);
  });
});
