import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Reflection, ReflectionRequest } from '../../api/reflectionWrite';
import { json, mockApi, problem, renderPage, sessionFor, type Seen } from '../../test/helpers';
import { writeJSON } from '../caseForm/draftStore';
import { draftCase, scanHandler } from '../caseForm/testData';
import { addItem, draftFromReflection, setItemText } from './model';
import { ReflectionForm } from './ReflectionForm';
import { reflectionDraftKey } from './storage';
import { codebook, draftReflection, parent, template } from './testData';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

// Checks wait 0.4 s and saves 1.5 s after typing: generous limits, so a busy machine does not fail the tests.
const wait = { timeout: 10_000 };

/** fakeServer keeps one reflection and applies writes to it as the server does (parts replaced whole, new items get ids). */
function fakeServer(start: Reflection | null) {
  let r = start;
  let n = 0;
  const patch = (req: Seen) => {
    const body = req.body as ReflectionRequest;
    if (!r) return problem(404);
    if (body.version !== r.version) return problem(409, { errors: [{ field: 'version', code: 'stale_version', message: 'stale' }] });
    const next: Reflection = { ...r, version: r.version + 1 };
    if (body.items) {
      next.items = body.items.map((it, i) => ({
        id: it.id ?? `i${++n}`,
        question: it.question,
        position: i + 1,
        what: it.what,
        why: it.why ?? '',
        codes: (it.codes ?? []).map((c) => ({ code: { id: c.code_id, key: c.code_id, label_nl: c.code_id, label_en: c.code_id, retired: false }, effect: c.effect })),
      }));
    }
    if (body.lessons) {
      next.lessons = body.lessons.map((l, i) => ({
        id: `l${i}`,
        statement: l.statement,
        status: 'proposed',
        codes: [],
        sources: (l.sources ?? []).map((s) => next.items[s]!.id),
      }));
    }
    if (body.texts) next.texts = body.texts.filter((x) => x.text !== '');
    if (body.ratings) next.ratings = body.ratings.filter((x) => x.rating != null).map((x) => ({ question: x.question, rating: x.rating! }));
    r = next;
    return json(r);
  };
  return {
    get current() {
      return r;
    },
    handlers: {
      'GET /cases/c1/reflections': () => json({ reflections: [], codes: [], ratings: [], ...(r ? { mine_id: r.id } : {}) }),
      'POST /cases/c1/reflections': () => {
        r = { ...draftReflection };
        return json(r, 201);
      },
      'GET /reflections/r1': () => (r ? json(r) : problem(404)),
      'PATCH /reflections/r1': patch,
      'POST /reflections/r1/scan': scanHandler,
      'POST /reflections/r1/submit': () => {
        r = { ...r!, status: 'submitted', version: r!.version + 1 };
        return json(r);
      },
      'POST /reflections/r1/withdraw': () => {
        r = { ...r!, status: 'draft', version: r!.version + 1 };
        return json(r);
      },
      'GET /networks/n-fr/template': () => json(template),
      'GET /networks/n-fr/templates/1': () => json(template),
      'GET /networks/n-fr/codebook': () => json(codebook),
      'GET /cases/c1': () => json({ ...draftCase, status: 'published', mine: false }),
      'POST /networks/n-fr/code-suggestions': (req: Seen) =>
        json({
          suggestions: /wacht/i.test((req.body as { text: string }).text)
            ? [
                {
                  code_id: 'c-wacht',
                  key: 'T1.wacht',
                  label_nl: 'Wachttijd',
                  label_en: 'Waiting time',
                  theme: { key: 'T1', label_nl: 'Toegang en wachten', label_en: 'Access and waiting' },
                  score: 3.2,
                  reason: { words: ['wachten'], codebook: true, codings: 4 },
                },
              ]
            : [],
        }),
    },
  };
}

function open(step: number, start: Reflection | null = { ...draftReflection }, handlers: Parameters<typeof mockApi>[0] = {}) {
  const server = fakeServer(start);
  const api = mockApi({ ...server.handlers, ...handlers });
  const utils = renderPage(<ReflectionForm />, {
    path: '/netwerk/:id/casussen/:case/reflectie',
    url: `/netwerk/n-fr/casussen/c1/reflectie?stap=${step}`,
    session: sessionFor(parent),
  });
  return { server, ...api, ...utils };
}

const patches = (seen: Seen[]) => seen.filter((s) => s.method === 'PATCH').map((s) => s.body as ReflectionRequest);

describe('ReflectionForm', { timeout: 40_000 }, () => {
  it('starts a reflection, asks with the wording for a parent, flags a name in an entry and replaces it with one click before it is saved', async () => {
    const { seen, server } = open(1, null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Terugkijken op de hulp' })).toBeInTheDocument();
    expect(screen.getByText('Je schrijft als ouder. Anderen zien dat, maar niet je naam.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Beginnen' }));
    expect(seen.some((s) => s.method === 'POST' && s.path === '/cases/c1/reflections')).toBe(true);

    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 1 van 6: Wat werkte' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Wat hielp jullie als gezin?' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Stappen van de reflectie' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Iets toevoegen' }));
    const what = screen.getByRole('textbox', { name: 'Wat werkte?' });
    expect(what).toHaveFocus();
    await userEvent.type(what, 'Jan de Vries belde elke week');
    const findings = document.getElementById(`${what.id}-findings`)!;
    await waitFor(() => expect(within(findings).getByRole('status')).toHaveTextContent('Er staat 1 ding in de tekst'), wait);
    expect(within(findings).getByText('Dit mag niet in je reflectie staan. Vervang het, of geef aan dat het geen persoonsgegeven is.')).toBeInTheDocument();
    await screen.findByText(/^Niet opgeslagen: er staat nog iets in de tekst/, undefined, wait);
    expect(patches(seen)).toEqual([]);

    await userEvent.click(within(findings).getByRole('button', { name: 'Vervang door [PERSOON-1]' }));
    expect(what).toHaveValue('[PERSOON-1] belde elke week');
    await waitFor(() => expect(screen.getByText(/^Opgeslagen om \d\d:\d\d$/)).toBeInTheDocument(), wait);
    expect(patches(seen)).toEqual([{ items: [{ question: 'worked', what: '[PERSOON-1] belde elke week', why: '', codes: [] }], lessons: [], version: 1 }]);

    // The next save keeps the entry by the id the server gave it.
    await userEvent.type(screen.getByRole('textbox', { name: 'Waarom?' }), 'Dat gaf rust.');
    await waitFor(() => expect(patches(seen)).toHaveLength(2), wait);
    expect(patches(seen)[1]!.items![0]).toMatchObject({ id: 'i1', what: '[PERSOON-1] belde elke week', why: 'Dat gaf rust.' });
    expect(server.current?.items).toHaveLength(1);
  });

  it('chooses a suggested code with its reason in one click: hindered for what did not work, and the author can turn it', async () => {
    const { seen } = open(2);
    await userEvent.click(await screen.findByRole('button', { name: 'Iets toevoegen' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Wat werkte niet?' }), 'Lang wachten op hulp');
    const choose = await screen.findByRole('button', { name: 'Wachttijd kiezen' }, wait);
    expect(choose).toHaveAccessibleDescription('Hoort bij: Toegang en wachten. Omdat je schrijft: „wachten”. Eerder 4 keer gekozen bij een tekst zoals deze.');
    await userEvent.click(choose);
    const tag = screen.getByRole('group', { name: 'Wachttijd' });
    expect(within(tag).getByRole('radio', { name: 'hinderde' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Thema' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Wachttijd kiezen' })).toBeNull();
    await userEvent.click(within(tag).getByRole('radio', { name: 'hielp' }));
    await waitFor(() => expect(patches(seen).at(-1)?.items?.[0]?.codes).toEqual([{ code_id: 'c-wacht', effect: 'helped' }]), wait);

    // The picker adds a second one; the tag can be taken off again.
    await userEvent.type(screen.getByRole('combobox', { name: 'Thema' }), 'regisseur{ArrowDown}{Enter}');
    expect(screen.getByRole('list', { name: "Gekozen thema's bij punt 1" })).toHaveTextContent('Eén regisseur');
    await userEvent.click(screen.getByRole('button', { name: 'Weghalen: Wachttijd' }));
    await waitFor(() => expect(patches(seen).at(-1)?.items?.[0]?.codes).toEqual([{ code_id: 'c-regie', effect: 'hindered' }]), wait);
  });

  it('links a lesson to the entries it came from, and sends them by their place among the entries', async () => {
    const withItems: Reflection = {
      ...draftReflection,
      items: [
        { id: 'i-a', question: 'worked', position: 1, what: 'Vaste mentor', why: '', codes: [] },
        { id: 'i-b', question: 'did_not_work', position: 2, what: 'Lang wachten', why: '', codes: [] },
      ],
    };
    const { seen } = open(4, withItems);
    await userEvent.click(await screen.findByRole('button', { name: 'Les toevoegen' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Les' }), 'Bel eerder terug');
    const sources = screen.getByRole('group', { name: 'Waar komt deze les uit?' });
    expect(within(sources).getAllByRole('checkbox').map((c) => c.id)).toHaveLength(2);
    await userEvent.click(within(sources).getByRole('checkbox', { name: 'Wat werkte niet: Lang wachten' }));
    await waitFor(() => expect(patches(seen).at(-1)?.lessons).toEqual([{ statement: 'Bel eerder terug', codes: [], sources: [1] }]), wait);
    expect(patches(seen).at(-1)?.items?.map((it) => it.id)).toEqual(['i-a', 'i-b']);
  });

  it('says which key episode of the case an entry is about, and takes it back', async () => {
    const withItem: Reflection = { ...draftReflection, items: [{ id: 'i-a', question: 'worked', position: 1, what: 'Vaste mentor', why: '', codes: [] }] };
    const episodes = [
      { id: 'e1', position: 1, what_happened: 'De mentor zag dat hij vaak afwezig was.', updated_at: '', version: 1 },
      { id: 'e2', position: 2, what_happened: 'Hij kwam op de wachtlijst van de jeugd-ggz en wachtte daar ruim een half jaar zonder hulp.', updated_at: '', version: 1 },
    ];
    const { seen } = open(1, withItem, { 'GET /cases/c1': () => json({ ...draftCase, status: 'published', mine: false, episodes }) });
    const choice = await screen.findByRole('combobox', { name: 'Over welk moment gaat dit?' });
    expect(within(choice).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Geen bepaald moment',
      'Moment 1: De mentor zag dat hij vaak afwezig was.',
      'Moment 2: Hij kwam op de wachtlijst van de jeugd-ggz en wachtte…',
    ]);
    await userEvent.selectOptions(choice, 'e2');
    await waitFor(() => expect(patches(seen).at(-1)?.items?.[0]?.episode_id).toBe('e2'), wait);
    await userEvent.selectOptions(choice, '');
    await waitFor(() => expect(patches(seen).at(-1)?.items?.[0]).not.toHaveProperty('episode_id'), wait);
  });

  it('answers a rating with words at each step and takes it back', async () => {
    const { seen } = open(5);
    await userEvent.click(await screen.findByRole('radio', { name: '2 – een beetje' }));
    await waitFor(() => expect(patches(seen).at(-1)).toEqual({ ratings: [{ question: 'on_time', rating: 2 }], version: 1 }), wait);
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord wissen bij: De hulp kwam op tijd.' }));
    await waitFor(() => expect(patches(seen).at(-1)).toEqual({ ratings: [{ question: 'on_time', rating: null }], version: 2 }), wait);
    expect(screen.getByRole('radio', { name: '1 – helemaal niet' })).toHaveFocus();
  });

  it('shows the questions a refused submit names in a summary, in the step list and at the questions', async () => {
    const refused = problem(400, {
      errors: [
        { field: 'questions/worked', code: 'required', message: 'required' },
        { field: 'questions/did_not_work', code: 'required', message: 'required' },
      ],
    });
    const { seen, router } = open(6, { ...draftReflection }, { 'POST /reflections/r1/submit': () => refused });
    await userEvent.click(await screen.findByRole('button', { name: 'Reflectie indienen' }));
    const summary = document.querySelector('.leerlus-error-summary') as HTMLElement;
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'Naar stap 1: Wat werkte' })).toBeInTheDocument();
    expect(summary).toHaveTextContent('Wat hielp jullie als gezin niet? Vul dit in.');
    const steps = screen.getByRole('navigation', { name: 'Stappen van de reflectie' });
    expect(within(steps).getByRole('link', { name: '1. Wat werkte (nog 1 ding in te vullen)' })).toBeInTheDocument();
    await userEvent.click(within(summary).getByRole('link', { name: 'Naar stap 1: Wat werkte' }));
    expect(router.state.location.search).toBe('?stap=1');
    expect(await screen.findByText('Vul dit in.')).toHaveAttribute('id', 'worked-error');
    expect(seen.filter((s) => s.path === '/reflections/r1/submit')).toHaveLength(1);
  });

  it('after submitting shows the reflection waiting for its check, and withdrawing opens the form again', async () => {
    open(6);
    await userEvent.click(await screen.findByRole('button', { name: 'Reflectie indienen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Je reflectie is ingediend' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Terugtrekken' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, terugtrekken' }));
    expect(await screen.findByRole('button', { name: 'Reflectie indienen' })).toBeInTheDocument();
  });

  it('throws the draft away only after asking, with the version it has, and goes back to the case', async () => {
    const { seen, router } = open(6, { ...draftReflection }, { 'DELETE /reflections/r1': () => new Response(null, { status: 204 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Reflectie weggooien' }));
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Ja, weggooien' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c1'));
    const deleted = seen.filter((s) => s.method === 'DELETE');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.query.get('version')).toBe(String(draftReflection.version));
    expect(router.state.location.state).toEqual({ message: 'Je reflectie is weggegooid.' });
  });

  it('puts back what an earlier visit typed and did not save, and saves it', async () => {
    let d = addItem(draftFromReflection(draftReflection, template.definition), 'worked', 'k1');
    d = setItemText(d, 'k1', 'what', 'Een vaste mentor op school');
    writeJSON(reflectionDraftKey('p-ouder', 'c1'), { at: 1, reflectionId: 'r1', draft: d });
    const { seen } = open(1);
    expect(await screen.findByRole('textbox', { name: 'Wat werkte?' })).toHaveValue('Een vaste mentor op school');
    expect(screen.getByText(/Je had eerder tekst getypt die nog niet was opgeslagen/)).toBeInTheDocument();
    await waitFor(() => expect(patches(seen)).toHaveLength(1), wait);
    expect(patches(seen)[0]!.items).toEqual([{ question: 'worked', what: 'Een vaste mentor op school', why: '', codes: [] }]);
    await waitFor(() => expect(window.localStorage.getItem(reflectionDraftKey('p-ouder', 'c1'))).toBeNull(), wait);
  });
});
