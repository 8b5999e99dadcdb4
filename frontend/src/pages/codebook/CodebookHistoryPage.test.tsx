import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import CodebookHistoryPage from './CodebookHistoryPage';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { codebook, curator, ids, reader, withoutUsage } from './testdata';
import type { Me } from '../../api/types';
import type { CodebookChange } from '../../api/codebookAdmin';

afterEach(() => vi.unstubAllGlobals());

const fenna = { id: 'p-fac', name: 'Fenna Facilitator' };
const changes: CodebookChange[] = [
  {
    id: 'c3',
    action: 'merged',
    code_id: ids.gone,
    actor: fenna,
    at: '2026-03-03T10:00:00Z',
    detail: { into: ids.wait, counts: { codings: 4, collapsed: 1, effect_conflicts: 0, items: 4, cases: 2, lessons: 0, lessons_collapsed: 0, repointed: 0 } },
  },
  { id: 'c2', action: 'moved', code_id: ids.fit, actor: fenna, at: '2026-03-02T10:00:00Z', detail: { from_theme: ids.t4, to_theme: ids.t1, from_position: 1, to_position: 2 } },
  { id: 'c1', action: 'renamed', code_id: ids.wait, actor: fenna, at: '2026-03-01T10:00:00Z', detail: { before: { label_nl: 'Wachten' }, after: { label_nl: 'Wachttijd' } } },
];

function render(me: Me = curator, url = '/netwerk/n-fr/codeboek/geschiedenis') {
  return renderRoutes([{ path: '/netwerk/:id/codeboek/geschiedenis', element: <main><CodebookHistoryPage /></main> }], { url, session: sessionFor(me) });
}

describe('CodebookHistoryPage', () => {
  it('lists the changes in words, with the names of the themes and codes they name', async () => {
    mockApi({
      'GET /networks/n-fr/codebook/history': () => json({ items: changes }),
      'GET /networks/n-fr/codebook': () => json(withoutUsage(codebook)),
    });
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Geschiedenis van het codeboek' })).toBeInTheDocument();
    const rows = await screen.findAllByRole('row');
    await vi.waitFor(() => expect(rows[1]).toHaveTextContent('Opgegaan in „Wachttijd”. Coderingen verhuisd: 4. Onderdelen met allebei: 1.'));
    expect(rows[1]).toHaveTextContent('Weggegaan');
    expect(rows[2]).toHaveTextContent('Van „Betrokkenheid jongere en gezin” (plek 1) naar „Toegang en wachttijden” (plek 2)');
    expect(within(rows[3]!).getByText('Naam in het Nederlands: „Wachten” → „Wachttijd”')).toBeInTheDocument();
    expect(rows[3]).toHaveTextContent('Fenna Facilitator');
  });

  it('narrows to one code from its link', async () => {
    const { seen } = mockApi({
      'GET /networks/n-fr/codebook/history': () => json({ items: [changes[2]] }),
      'GET /networks/n-fr/codebook': () => json(withoutUsage(codebook)),
    });
    render(curator, `/netwerk/n-fr/codeboek/geschiedenis?code=${ids.wait}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Geschiedenis van „Wachttijd”' })).toBeInTheDocument();
    expect(seen.find((s) => s.path.endsWith('/history'))!.query.get('code')).toBe(ids.wait);
    expect(screen.getByRole('link', { name: 'Alle wijzigingen' })).toHaveAttribute('href', '/netwerk/n-fr/codeboek/geschiedenis');
  });

  it('is for facilitators only', () => {
    const { fetchMock } = mockApi({});
    render(reader);
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
