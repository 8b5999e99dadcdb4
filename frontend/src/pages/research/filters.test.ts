import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import {
  canExport,
  effectiveNetwork,
  exportUrl,
  researchFiltersFromSearch,
  researchFiltersToSearch,
  researchScope,
  toPatternQuery,
  toSearchQuery,
} from './filters';

const member = (id: string, role: Me['memberships'][number]['role']) => ({
  id: `m-${id}`,
  network: { id, name: `Netwerk ${id}`, workplace_id: 'w', workplace_name: 'W' },
  role,
  perspective: 'onderzoek' as const,
  permissions: [],
});

describe('research filters', () => {
  it('keep the known filters in the URL and drop unknown values', () => {
    const f = researchFiltersFromSearch(new URLSearchParams('uitkomst=stuck&leeftijd=12-18&van=2024-q1&tot=nope&bron=lessons&effect=helped&x=1'));
    expect(f).toMatchObject({ outcome: 'stuck', ageBand: '12-18', from: '2024-Q1', to: '', source: 'lessons', effect: 'helped' });
    expect(researchFiltersToSearch(f, new URLSearchParams('q=thuis')).toString()).toBe('q=thuis&uitkomst=stuck&leeftijd=12-18&van=2024-Q1&bron=lessons&effect=helped');
  });

  it('become the parameters of the pattern queries, the search and the exports', () => {
    const f = researchFiltersFromSearch(new URLSearchParams('netwerk=n1&uitkomst=good&perspectief=ouder&bron=lessons&effect=hindered'));
    // With lessons as the source an effect means nothing; the API would refuse it.
    expect(toPatternQuery(f, ['T1.wachttijd'])).toEqual({
      networks: ['n1'],
      outcome: 'good',
      perspective: 'ouder',
      source: 'lessons',
      code: ['T1.wachttijd'],
      age_band: undefined,
      service: undefined,
      phase: undefined,
      from: undefined,
      to: undefined,
      effect: undefined,
    });
    expect(toSearchQuery('thuiszitten', f, '')).toMatchObject({ q: 'thuiszitten', networks: 'n1', outcome: 'good', perspective: 'ouder', limit: 20 });
    // Exports know no perspective, source or effect.
    expect(exportUrl('codings.csv', f, true)).toBe('/api/v1/exports/codings.csv?networks=n1&outcome=good&excel=true');
  });

  it('read a facilitator or manager in their own network, and allow exports to researchers only', () => {
    const both = researchScope({ memberships: [member('a', 'researcher'), member('b', 'manager'), member('c', 'member')] } as unknown as Me);
    expect(both.researcher.map((n) => n.id)).toEqual(['a']);
    expect(both.own.map((n) => n.id)).toEqual(['b']);
    expect(effectiveNetwork(both, '')).toBe('');
    expect(effectiveNetwork(both, 'c')).toBe('');
    expect([canExport(both, ''), canExport(both, 'a'), canExport(both, 'b')]).toEqual([true, true, false]);
    const manager = researchScope({ memberships: [member('b', 'manager')] } as unknown as Me);
    expect(effectiveNetwork(manager, '')).toBe('b');
    expect(canExport(manager, 'b')).toBe(false);
  });
});
