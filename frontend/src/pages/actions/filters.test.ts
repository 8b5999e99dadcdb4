import { describe, expect, it } from 'vitest';
import { boardFiltersFromSearch, boardFiltersToSearch, countBoardFilters, emptyBoardFilters, toBoardQuery } from './filters';

describe('board filters', () => {
  it('read back what they write', () => {
    const f = { view: 'phase' as const, mine: true, overdue: false, stalled: true };
    const search = boardFiltersToSearch(f);
    expect(search.toString()).toBe('per=fase&mijn=ja&stil=ja');
    expect(boardFiltersFromSearch(search)).toEqual(f);
    expect(countBoardFilters(f)).toBe(2);
  });

  it('fall back to the status view without filters for a mangled link', () => {
    expect(boardFiltersFromSearch(new URLSearchParams('per=x&mijn=1&te-laat=nee'))).toEqual(emptyBoardFilters);
    expect(boardFiltersToSearch(emptyBoardFilters).toString()).toBe('');
  });

  it('ask the server only for the filters chosen', () => {
    expect(toBoardQuery({ view: 'status', mine: true, overdue: true, stalled: false })).toEqual({ owner: 'me', overdue: 'true', stalled: undefined });
  });
});
