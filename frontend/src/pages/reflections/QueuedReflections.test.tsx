import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import ReviewQueue from '../cases/ReviewQueue';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { summary, vocabulary } from '../cases/testdata';
import { checker } from './testdata';
import type { ReflectionSummary } from '../../api/reflections';

afterEach(() => vi.unstubAllGlobals());

const waiting = (id: string, caseId: string, perspective: ReflectionSummary['perspective']): ReflectionSummary => ({
  id,
  case_id: caseId,
  case_title: caseId === 'c-pub' ? 'Goed geholpen na de verhuizing' : 'Lang wachten op jeugd-ggz',
  perspective,
  status: 'submitted',
  mine: false,
  updated_at: '2026-03-02T10:00:00Z',
  submitted_at: '2026-03-02T10:00:00Z',
  version: 2,
});

function render(reflections: ReflectionSummary[]) {
  const api = mockApi({
    'GET /case-vocabulary': () => json(vocabulary),
    'GET /networks/n-fr/cases': () => json({ items: [{ ...summary, status: 'submitted' }], by_outcome: { good: 0, stuck: 1, mixed: 0 } }),
    'GET /networks/n-fr/reflections': () => json({ items: reflections }),
  });
  renderRoutes([{ path: '/netwerk/:id/controleren', element: <ReviewQueue /> }], {
    url: '/netwerk/n-fr/controleren',
    session: sessionFor(checker),
  });
  return api;
}

describe('The review queue with reflections', () => {
  it('lists a queued case’s reflections in its row, and the others under their published case', async () => {
    const { seen } = render([waiting('r1', 'c1', 'professional'), waiting('r2', 'c1', 'jongere'), waiting('r3', 'c-pub', 'ouder')]);
    const row = (await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' })).closest('tr')!;
    expect(await within(row).findByText('Ook 2 reflecties bij deze casus:')).toBeInTheDocument();
    // The young person's first, as everywhere.
    expect(within(row).getAllByRole('link').slice(1).map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Reflectie (jongere)', '/netwerk/n-fr/reflecties/r2'],
      ['Reflectie (professional)', '/netwerk/n-fr/reflecties/r1'],
    ]);

    const others = screen.getByRole('region', { name: 'Reflecties per casus' });
    const rows = within(others).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(await within(rows[0]!).findByRole('link', { name: 'Goed geholpen na de verhuizing' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/c-pub');
    expect(within(rows[0]!).getByRole('link', { name: 'Reflectie (ouder)' })).toHaveAttribute('href', '/netwerk/n-fr/reflecties/r3');

    const list = seen.find((s) => s.path === '/networks/n-fr/reflections');
    expect(list).toBeDefined();
    // No case is read for its title: the list carries it (a read of each case would be audited).
    expect(seen.some((s) => s.path.startsWith('/cases/'))).toBe(false);
  });

  it('asks for the submitted reflections only', async () => {
    const { fetchMock } = render([]);
    await screen.findByText('Er wachten geen reflecties op controle.');
    const req = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.url.includes('/reflections'))!;
    expect(new URL(req.url).searchParams.get('status')).toBe('submitted');
  });

  it('says so when every waiting reflection stands with its case above', async () => {
    render([waiting('r1', 'c1', 'ouder')]);
    expect(await screen.findByText('Alle reflecties die wachten, staan hierboven bij hun casus.')).toBeInTheDocument();
  });
});
