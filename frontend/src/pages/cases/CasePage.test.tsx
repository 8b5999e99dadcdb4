import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import CasePage from './CasePage';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { writer } from '../caseForm/testData';
import { publishedCase, researcher, reviewer, submittedCase, vocabulary } from './testdata';
import type { Me } from '../../api/types';
import type { Case } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me, url = '/netwerk/n-fr/casussen/c1') {
  const page = (
    <main>
      <CasePage />
    </main>
  );
  return renderRoutes(
    [
      { path: '/netwerk/:id/casussen/:case', element: page },
      { path: '/casussen/:case', element: page },
      { path: '/netwerk/:id/controleren', element: <p>queue</p> },
    ],
    { url, session: sessionFor(me) },
  );
}

function api(c: Case, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({ 'GET /case-vocabulary': () => json(vocabulary), 'GET /cases/c1': () => json(c), ...extra });
}

describe('CasePage for a reader', () => {
  it('is read inside its network: an address without the network, or with another, goes on there', async () => {
    api(publishedCase);
    const { router } = render(researcher, '/casussen/c1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lang wachten op jeugd-ggz' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c1');
    await router.navigate('/netwerk/n-other/casussen/c1');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c1'));
  });

  it('shows the context as facts in Dutch, the timeline as a table, and the summary', async () => {
    api(publishedCase);
    render(researcher);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lang wachten op jeugd-ggz' })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Over dit traject' });
    const fact = (label: string) => within(facts).getByText(label).closest('.utrecht-data-list__item')!;
    expect(fact('Uitkomst')).toHaveTextContent('vastgelopen');
    expect(fact('Periode')).toHaveTextContent('2e kwartaal 2023 tot en met 1e kwartaal 2024');
    expect(fact('Leeftijd aan het begin')).toHaveTextContent('12 tot 18 jaar');
    expect(fact('Gezin')).toHaveTextContent('één ouder');
    expect(fact('Waar ging het om')).toHaveTextContent('school en werk, psychische gezondheid');
    expect(fact('Hulp die meedeed')).toHaveTextContent('wijkteam of toegang, jeugd-ggz');
    expect(fact('Hoe lang')).toHaveTextContent('1 tot 2 jaar');
    expect(fact('Status')).toHaveTextContent('gepubliceerd');
    expect(within(facts).queryByText('Geschreven door')).toBeNull();

    // The table is in time order, with the effect in words.
    const rows = within(screen.getByRole('region', { name: 'Cruciale momenten' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['1', 'signaleren', 'De mentor zag dat het niet goed ging.', 'niet ingevuld', '✓ hielp'],
      ['2', 'hulp', 'Lange wachtlijst bij de jeugd-ggz.', '1 tot 4 weken', '✕ hinderde'],
    ]);
    // The picture repeats the table for the eye only.
    expect(screen.getByTestId('timeline-picture')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('region', { name: 'Samenvatting' })).toHaveTextContent(submittedCase.summary);
    expect(document.querySelector('mark')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Controleren' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Terug naar de casussen' })).toHaveAttribute('href', '/netwerk/n-fr/casussen');
  });

  it('marks a correction', async () => {
    api({ ...publishedCase, correction: true });
    render(researcher);
    expect(await screen.findByText('verbetering')).toBeInTheDocument();
  });

  it('says plainly when the case is not there for this person', async () => {
    mockApi({ 'GET /case-vocabulary': () => json(vocabulary), 'GET /cases/c1': () => problem(404) });
    render(researcher);
    expect(await screen.findByText(/Dit bestaat niet \(meer\), of je mag het niet zien/)).toBeInTheDocument();
  });
});

describe('CasePage at the four-eyes check', () => {
  it('shows the author and highlights what the author dismissed, with words for screen readers', async () => {
    api(submittedCase);
    render(reviewer);
    const facts = await screen.findByRole('region', { name: 'Over dit traject' });
    expect(within(facts).getByText('Geschreven door').closest('.utrecht-data-list__item')).toHaveTextContent('Lotte Lid');
    const summary = screen.getByRole('region', { name: 'Samenvatting' });
    const marks = summary.querySelectorAll('mark');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toHaveAttribute('data-kind', 'dismissed');
    expect(marks[0]).toHaveTextContent('[door de schrijver weggeklikt: naam] Jan');
    expect(marks[1]).toHaveAttribute('data-kind', 'confirmed');
    expect(marks[1]).toHaveTextContent('[door de schrijver bewust gehouden: plaats] Dokkum');
    expect(screen.getByRole('note', { name: 'Wat de schrijver heeft beslist' })).toHaveTextContent('De schrijver heeft 1 melding weggeklikt.');
    expect(screen.getByRole('link', { name: 'Terug naar de casussen die wachten op controle' })).toBeInTheDocument();
  });

  it('publishes after a question, says so and shows the case as it is now', async () => {
    let current: Case = submittedCase;
    const { seen } = api(submittedCase, {
      'GET /cases/c1': () => json(current),
      'POST /cases/c1/publish': () => {
        current = { ...submittedCase, status: 'published', version: 5 };
        return json(current);
      },
    });
    render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Publiceren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }));
    expect(await screen.findByText('De casus is gepubliceerd. Iedereen in het netwerk kan hem nu lezen.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 4 });
    // Reloaded: now it can be archived.
    expect(await screen.findByRole('button', { name: 'Archiveren' })).toBeInTheDocument();
  });

  it('tells the four-eyes rule in plain words', async () => {
    api(submittedCase, { 'POST /cases/c1/publish': () => problem(403, { type: 'urn:leerlus:problem:forbidden' }) });
    render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Publiceren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Je hebt deze casus zelf geschreven of als laatste veranderd. Een andere facilitator moet hem controleren.',
    );
  });

  it('tells the four-eyes rule before the click when the server says this facilitator may not check', async () => {
    api({ ...submittedCase, can_check: false });
    render(reviewer);
    expect(
      await screen.findByText('Je hebt deze casus zelf geschreven of als laatste veranderd. Een andere facilitator moet hem controleren.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publiceren' })).not.toBeInTheDocument();
  });

  it('sends back with a comment and the dismissed findings that were real, then returns to the queue', async () => {
    const { seen } = api(submittedCase, { 'POST /cases/c1/send-back': () => json({ ...submittedCase, status: 'draft' }) });
    const { router } = render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Terugsturen' }));
    const comment = screen.getByLabelText('Wat moet de schrijver veranderen?');
    expect(comment).toHaveFocus();
    // Nothing typed: said beside the field.
    await userEvent.click(screen.getByRole('button', { name: 'Terugsturen' }));
    expect(await screen.findByRole('link', { name: /Schrijf wat de schrijver moet veranderen/ })).toBeInTheDocument();
    expect(seen.some((s) => s.method === 'POST')).toBe(false);

    await userEvent.type(comment, 'Haal de naam weg.');
    await userEvent.click(screen.getByLabelText('„Jan” (naam, in de samenvatting): dit was wel een persoonsgegeven'));
    await userEvent.click(screen.getByRole('button', { name: 'Terugsturen' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/controleren'));
    expect(router.state.location.state).toEqual({ message: 'De casus is teruggestuurd naar de schrijver.' });
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 4, comment: 'Haal de naam weg.', real_identifiers: ['m-jan'] });
  });

  it('names each identifying detail in the comment', async () => {
    const comment = 'Bel Piet op 06-12345678.';
    api(submittedCase, {
      'POST /cases/c1/send-back': () =>
        problem(422, {
          type: 'urn:leerlus:problem:identifying',
          findings: [
            { field: '/comment', type: 'person', start: 4, end: 8, direct: true },
            { field: '/comment', type: 'phone', start: 12, end: 23, direct: true },
          ],
        }),
    });
    render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Terugsturen' }));
    await userEvent.type(screen.getByLabelText('Wat moet de schrijver veranderen?'), comment);
    await userEvent.click(screen.getByRole('button', { name: 'Terugsturen' }));
    expect(
      await screen.findByRole('link', { name: 'Wat moet de schrijver veranderen?: In je opmerking staat „Piet” (naam). Haal dit weg of schrijf het anders.' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /In je opmerking staat „06-12345678” \(telefoonnummer\)/ }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Wat moet de schrijver veranderen?')).toHaveAccessibleDescription(/„Piet” \(naam\)/);
  });

  it('archives a published case after a question', async () => {
    const { seen } = api({ ...submittedCase, status: 'published' }, {
      'POST /cases/c1/archive': () => json({ ...submittedCase, status: 'archived', version: 5 }),
    });
    render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Archiveren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, archiveren' }));
    expect(await screen.findByText('De casus is gearchiveerd.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')?.path).toBe('/cases/c1/archive');
  });
});

describe('CasePage edge cases', () => {
  it('reloads the case when it changed meanwhile, and says so', async () => {
    let reads = 0;
    api(submittedCase, {
      'GET /cases/c1': () => {
        reads += 1;
        return json({ ...submittedCase, version: 4 + reads });
      },
      'POST /cases/c1/publish': () => problem(409, { type: 'urn:leerlus:problem:conflict' }),
    });
    render(reviewer);
    await userEvent.click(await screen.findByRole('button', { name: 'Publiceren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Deze casus is net veranderd/);
    await vi.waitFor(() => expect(reads).toBe(2));
  });

  it('speaks English with the English words of the lists', async () => {
    await i18n.changeLanguage('en');
    try {
      api(publishedCase);
      render(researcher);
      const facts = await screen.findByRole('region', { name: 'About this trajectory' });
      expect(facts).toHaveTextContent('got stuck');
      expect(facts).toHaveTextContent('Q2 2023 to Q1 2024');
      expect(facts).toHaveTextContent('school and work, mental health');
      expect(screen.getByRole('region', { name: 'Key episodes' })).toHaveTextContent('noticing the problem');
    } finally {
      await i18n.changeLanguage('nl');
    }
  });
});

describe('CasePage for its author', () => {
  const routes = [
    { path: '/netwerk/:id/casussen/:case', element: <main><CasePage /></main> },
    { path: '/netwerk/:id/casussen/:case/bewerken', element: <p>form</p> },
  ];
  const text = 'Je verbetering gaat eerst weer langs een facilitator. Tot die hem heeft bekeken, zien anderen je casus niet.';

  it('offers "Casus verbeteren" on a published case, says what it means, and opens the form after saying yes', async () => {
    api({ ...publishedCase, mine: true });
    const { router } = renderRoutes(routes, { url: '/netwerk/n-fr/casussen/c1', session: sessionFor(writer) });
    const section = await screen.findByRole('region', { name: 'Casus verbeteren' });
    expect(within(section).getByText(text)).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Casus verbeteren' }));
    expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c1');
    await userEvent.click(within(section).getByRole('button', { name: 'Ja, verbeteren' }));
    expect(await screen.findByText('form')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/netwerk/n-fr/casussen/c1/bewerken');
    expect(router.state.location.state).toEqual({ correct: true });
  });

  it.each([
    ['a reader of a published case', researcher, publishedCase],
    ['the author of a case that waits for its check', writer, { ...submittedCase, mine: true }],
    ['a member who did not write it', writer, { ...publishedCase, mine: false }],
  ] as [string, Me, Case][])('does not offer it to %s', async (_who, me, c) => {
    api(c);
    renderRoutes(routes, { url: '/netwerk/n-fr/casussen/c1', session: sessionFor(me) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lang wachten op jeugd-ggz' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Casus verbeteren' })).toBeNull();
    expect(screen.queryByText(text)).toBeNull();
  });
});
