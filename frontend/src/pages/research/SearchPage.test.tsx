import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import SearchPage from './SearchPage';
import { json, mockApi, renderPage, sessionFor } from '../../test/helpers';
import { researcher } from '../reflections/testdata';
import type { SearchHit } from '../../api/research';

afterEach(() => vi.unstubAllGlobals());

const hit: SearchHit = {
  kind: 'lesson',
  id: '00000000-0000-4000-8000-000000000001',
  case_id: '00000000-0000-4000-8000-000000000002',
  case_title: 'Thuiszitten na de overstap',
  network_id: 'n-fr',
  network_name: 'Friesland',
  outcome: 'stuck',
  age_band: '12-18',
  start: { year: 2024, quarter: 2 },
  score: 1,
  snippets: [{ field: 'statement', text: 'Bel thuiszitters elke week.', highlights: [{ start: 4, end: 17 }] }],
};

function open(total: number, capped: boolean) {
  mockApi({ 'GET /search': () => json({ items: [hit], total, total_capped: capped }) });
  renderPage(
    <main>
      <SearchPage />
    </main>,
    { path: '/onderzoek/zoeken', url: '/onderzoek/zoeken?q=thuiszitten', session: sessionFor(researcher) },
  );
}

describe('SearchPage', () => {
  it('says when more texts matched than the search reads, and how to find the rest', async () => {
    open(1000, true);
    expect(await screen.findByRole('heading', { level: 2, name: "1000 resultaten voor 'thuiszitten'" })).toBeInTheDocument();
    expect(screen.getByText(/Er zijn meer dan 1000 teksten gevonden\. We laten de 1000 nieuwste zien\./)).toBeInTheDocument();
    expect(screen.getByText('thuiszitters', { selector: 'mark' })).toBeInTheDocument();
  });

  it('says nothing of a cap when all matches were read', async () => {
    open(1, false);
    expect(await screen.findByRole('heading', { level: 2, name: "1 resultaat voor 'thuiszitten'" })).toBeInTheDocument();
    expect(screen.queryByText(/meer dan/)).toBeNull();
  });
});
