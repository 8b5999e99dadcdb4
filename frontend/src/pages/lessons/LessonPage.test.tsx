import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import LessonPage from './LessonPage';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { codebook, curator, ids, reader, withoutUsage } from '../codebook/testdata';
import { askYoungRead, caseA, caseB } from './testdata';
import type { Me } from '../../api/types';
import type { LessonChange } from '../../api/lessons';

afterEach(() => vi.unstubAllGlobals());

const history: LessonChange[] = [
  {
    id: 'h1',
    action: 'reworded',
    actor: { id: 'p-fac', name: 'Fenna Facilitator' },
    at: '2026-03-02T10:00:00Z',
    before: { statement: 'Vraag het kind.', codes: [ids.wait] },
    after: { statement: 'Vraag de jongere zelf wat hij wil.', codes: [ids.heard] },
  },
  { id: 'h2', action: 'merged_in', actor: { id: 'p-fac', name: 'Fenna Facilitator' }, at: '2026-03-03T10:00:00Z', merged: ['l-listen'] },
];

function render(me: Me = curator) {
  return renderRoutes([{ path: '/netwerk/:id/lessen/:lesson', element: <main><LessonPage /></main> }], { url: '/netwerk/n-fr/lessen/l-ask', session: sessionFor(me) });
}

function api(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /lessons/l-ask': () => json(askYoungRead),
    'GET /lessons/l-ask/history': () => json({ items: history }),
    'GET /networks/n-fr/codebook': () => json(withoutUsage(codebook)),
    ...extra,
  });
}

describe('LessonPage', () => {
  it('shows a facilitator every source with its perspective, case and items, the reflection one click away, and the history', async () => {
    api();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Les' })).toBeInTheDocument();
    expect(screen.getByText('Vraag de jongere zelf wat hij wil.', { selector: 'p' })).toBeInTheDocument();
    const sources = screen.getByRole('region', { name: 'Waar komt deze les vandaan?' });
    const parent = within(sources).getByRole('article', { name: 'Perspectief: ouder' });
    expect(parent).toHaveTextContent('Wat werkte niet: Niemand vroeg wat ons kind wilde.');
    expect(parent).toHaveTextContent('Waarom: Alleen wij werden gehoord.');
    expect(within(parent).getByRole('link', { name: caseA.title })).toHaveAttribute('href', `/netwerk/n-fr/casussen/${caseA.id}`);
    expect(within(parent).getByRole('link', { name: 'Reflectie openen (ouder)' })).toHaveAttribute('href', '/netwerk/n-fr/reflecties/r-parent');
    const pro = within(sources).getByRole('article', { name: 'Perspectief: professional' });
    expect(pro).toHaveTextContent('Deze les is samengevoegd. Zo stond hij er eerst: „Luister eerst naar de jongere.”');
    expect(within(pro).getByRole('link', { name: 'alle lessen van deze casus' })).toHaveAttribute('href', `/netwerk/n-fr/lessen?case=${caseB.id}`);
    const log = await screen.findByRole('region', { name: 'Wat is er met deze les gebeurd?' });
    expect(await within(log).findByText(/Eerst: „Vraag het kind.” \(thema's: Wachttijd\)/)).toBeInTheDocument();
    expect(log).toHaveTextContent('Nu: „Vraag de jongere zelf wat hij wil.” (thema\'s: Stem van de jongere)');
    expect(log).toHaveTextContent('Fenna Facilitator');
    expect(within(log).getByRole('link', { name: 'les 1' })).toHaveAttribute('href', '/netwerk/n-fr/lessen/l-listen');
    expect(screen.getByRole('button', { name: /^Goedkeuren/ })).toBeInTheDocument();
  });

  it('shows a member the sources without a way into the reflection, no history and no steps', async () => {
    const { seen } = api({
      'GET /lessons/l-ask': () =>
        json({ ...askYoungRead, status: 'accepted', sources: askYoungRead.sources.map(({ reflection_id: _r, ...s }) => s) }),
    });
    render(reader);
    const sources = await screen.findByRole('region', { name: 'Waar komt deze les vandaan?' });
    expect(within(sources).getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('link', { name: /Reflectie openen/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Wat is er met deze les gebeurd?' })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(seen.some((s) => s.path.endsWith('/history'))).toBe(false);
  });
});
