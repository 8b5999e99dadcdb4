import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReflectionReview from './ReflectionReview';
import { json, mockApi, problem, renderRoutes, sessionFor } from '../../test/helpers';
import { publishedCase, submittedCase } from '../cases/testdata';
import { checker, member, submitted } from './testdata';
import type { Case, Me } from '../../api/types';
import type { Reflection } from '../../api/reflections';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me = checker) {
  return renderRoutes(
    [
      { path: '/netwerk/:id/reflecties/:reflection', element: <main><ReflectionReview /></main> },
      { path: '/netwerk/:id/controleren', element: <p>queue</p> },
    ],
    { url: '/netwerk/n-fr/reflecties/r-sub', session: sessionFor(me) },
  );
}

function api(r: Reflection = submitted, c: Case = publishedCase, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({ 'GET /reflections/r-sub': () => json(r), 'GET /cases/c1': () => json(c), ...extra });
}

describe('ReflectionReview', () => {
  it('highlights what the author dismissed and kept, in the item, the text answer and the lesson, with words for screen readers', async () => {
    api();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Reflectie controleren' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/c1');
    const card = screen.getByRole('article', { name: 'Perspectief: ouder' });
    expect(card).toHaveTextContent('Geschreven door: Otto Ouder');
    const marks = card.querySelectorAll('mark');
    expect([...marks].map((m) => [m.getAttribute('data-kind'), m.getAttribute('data-mark-id')])).toEqual([
      ['dismissed', 'm-anna'],
      ['confirmed', 'm-dokkum'],
      ['dismissed', 'm-anna2'],
    ]);
    expect(marks[0]).toHaveTextContent('[door de schrijver weggeklikt: naam] Anna');
    expect(marks[0]!.closest('.leerlus-reflection__what')).toHaveTextContent('Juf');
    expect(marks[1]).toHaveTextContent('[door de schrijver bewust gehouden: plaats] Dokkum');
    expect(screen.getByRole('note', { name: 'Wat de schrijver heeft beslist' })).toHaveTextContent('De schrijver heeft 2 meldingen weggeklikt.');
  });

  it('publishes after a question, says so and shows the reflection as it is now', async () => {
    let current: Reflection = submitted;
    const { seen } = api(submitted, publishedCase, {
      'GET /reflections/r-sub': () => json(current),
      'POST /reflections/r-sub/publish': () => {
        current = { ...submitted, status: 'published', can_check: false, version: 4 };
        return json(current);
      },
    });
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Publiceren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }));
    expect(await screen.findByText('De reflectie is gepubliceerd. Iedereen in het netwerk kan hem nu lezen, zonder naam.')).toBeInTheDocument();
    expect(seen.find((s) => s.method === 'POST')).toMatchObject({ path: '/reflections/r-sub/publish', body: { version: 3 } });
    expect(await screen.findByText('Deze reflectie is gepubliceerd.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Reflectie' })).toHaveFocus();
  });

  it('tells a facilitator who wrote it that another must check it, before any click', async () => {
    api({ ...submitted, can_check: false });
    render();
    expect(
      await screen.findByText('Je hebt deze reflectie zelf geschreven of als laatste veranderd. Een andere facilitator moet hem controleren.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publiceren' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Terugsturen' })).toBeNull();
  });

  it('tells the four-eyes rule in words of a reflection when the server refuses', async () => {
    api(submitted, publishedCase, { 'POST /reflections/r-sub/publish': () => problem(403, { type: 'urn:leerlus:problem:forbidden' }) });
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Publiceren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, publiceren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Je hebt deze reflectie zelf geschreven of als laatste veranderd.');
  });

  it('offers only sending back while its case waits for its own check', async () => {
    api(submitted, submittedCase);
    render();
    expect(await screen.findByText(/De casus bij deze reflectie is nog niet gepubliceerd/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publiceren' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Terugsturen' })).toBeInTheDocument();
  });

  it('sends back with a comment, then returns to the queue', async () => {
    const { seen } = api(submitted, publishedCase, { 'POST /reflections/r-sub/send-back': () => json({ ...submitted, status: 'draft' }) });
    const { router } = render();
    await userEvent.click(await screen.findByRole('button', { name: 'Terugsturen' }));
    const comment = screen.getByLabelText('Wat moet de schrijver veranderen?');
    expect(comment).toHaveFocus();
    // The reflection's API takes no verdict on dismissals: no boxes to tick.
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.type(comment, 'Haal de naam van de juf weg.');
    await userEvent.click(within(screen.getByRole('form', { name: 'Terugsturen naar de schrijver' })).getByRole('button', { name: 'Terugsturen' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-fr/controleren'));
    expect(router.state.location.state).toEqual({ message: 'De reflectie is teruggestuurd naar de schrijver.' });
    expect(seen.find((s) => s.method === 'POST')?.body).toEqual({ version: 3, comment: 'Haal de naam van de juf weg.' });
  });

  it('goes to its own network when opened under another', async () => {
    api({ ...submitted, network_id: 'n-other' });
    const { router } = render({
      ...checker,
      memberships: [...checker.memberships, { ...checker.memberships[0]!, id: 'm2', network: { ...checker.memberships[0]!.network, id: 'n-other' } }],
    });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/netwerk/n-other/reflecties/r-sub'));
  });

  it('is only for facilitators', () => {
    const { fetchMock } = api();
    render(member);
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
