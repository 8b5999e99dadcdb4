import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import ReviewQueue from './ReviewQueue';
import { json, mockApi, renderRoutes, sessionFor } from '../../test/helpers';
import { researcher, reviewer, summary, vocabulary } from './testdata';
import type { Me } from '../../api/types';

afterEach(() => vi.unstubAllGlobals());

function render(me: Me) {
  return renderRoutes([{ path: '/netwerk/:id/controleren', element: <ReviewQueue /> }], {
    url: '/netwerk/n-fr/controleren',
    session: sessionFor(me),
  });
}

describe('ReviewQueue', () => {
  it('lists the submitted cases, corrections marked', async () => {
    const { fetchMock } = mockApi({
      'GET /case-vocabulary': () => json(vocabulary),
      'GET /networks/n-fr/cases': () =>
        json({ items: [{ ...summary, status: 'submitted', correction: true }], by_outcome: { good: 0, stuck: 1, mixed: 0 } }),
    });
    render(reviewer);
    expect(screen.getByRole('heading', { level: 1, name: 'Casussen controleren' })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'Lang wachten op jeugd-ggz' })).closest('tr')!;
    expect(within(row).getByText('verbetering')).toBeInTheDocument();
    expect(await within(row).findByText('vastgelopen')).toBeInTheDocument();
    const url = new URL((fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.url.includes('/cases'))!).url);
    expect(url.searchParams.get('status')).toBe('submitted');
  });

  it('says when nothing waits', async () => {
    mockApi({
      'GET /case-vocabulary': () => json(vocabulary),
      'GET /networks/n-fr/cases': () => json({ items: [], by_outcome: { good: 0, stuck: 0, mixed: 0 } }),
    });
    render(reviewer);
    expect(await screen.findByText('Er wachten geen casussen op controle.')).toBeInTheDocument();
  });

  it('is only for facilitators', () => {
    mockApi({});
    render(researcher);
    expect(screen.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(screen.getByText(/alleen voor de facilitator/)).toBeInTheDocument();
  });
});
