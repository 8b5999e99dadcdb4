import { describe, expect, it } from 'vitest';
import { countFilters, emptyFilters, filtersFromSearch, filtersToSearch, hasFilters, joinQuarter, splitQuarter, toListQuery } from './filters';

describe('filters and the URL query', () => {
  it('reads every filter from the query', () => {
    const f = filtersFromSearch(
      new URLSearchParams('outcome=stuck&status=archived&age_band=12-18&service=youth_care&phase=access&from=2024-Q1&to=2025-Q4'),
    );
    expect(f).toEqual({
      outcome: 'stuck',
      status: 'archived',
      age_band: '12-18',
      service: 'youth_care',
      phase: 'access',
      from: '2024-Q1',
      to: '2025-Q4',
    });
  });

  it('drops values that cannot be right', () => {
    const f = filtersFromSearch(new URLSearchParams('outcome=great&status=secret&age_band=<b>&from=2024-Q5&to=2024&phase='));
    expect(f).toEqual(emptyFilters);
  });

  it('writes only what is set, in a stable order, and reads back the same', () => {
    const f = { ...emptyFilters, to: '2025-Q2', outcome: 'good' as const, service: 'gp' };
    const q = filtersToSearch(f);
    expect(q.toString()).toBe('outcome=good&service=gp&to=2025-Q2');
    expect(filtersFromSearch(q)).toEqual(f);
    expect(filtersToSearch(emptyFilters).toString()).toBe('');
  });

  it('tells whether anything but the outcome filters', () => {
    expect(hasFilters({ ...emptyFilters, outcome: 'good' })).toBe(false);
    expect(hasFilters({ ...emptyFilters, phase: 'help' })).toBe(true);
    expect(countFilters({ ...emptyFilters, outcome: 'good', phase: 'help', from: '2024-Q1', to: '2024-Q4' })).toBe(3);
  });

  it('gives the list call only the filters that are set', () => {
    expect(toListQuery({ ...emptyFilters, from: '2024-Q3' })).toEqual({
      outcome: undefined,
      status: undefined,
      age_band: undefined,
      service: undefined,
      phase: undefined,
      from: '2024-Q3',
      to: undefined,
    });
  });
});

describe('quarters in the filter form', () => {
  it('splits and joins a quarter', () => {
    expect(splitQuarter('2024-Q3')).toEqual({ year: '2024', quarter: '3' });
    expect(splitQuarter('')).toEqual({ year: '', quarter: '' });
    expect(joinQuarter({ year: '2024', quarter: '3' }, 'from')).toBe('2024-Q3');
  });

  it('takes a year without a quarter as the whole year', () => {
    expect(joinQuarter({ year: '2024', quarter: '' }, 'from')).toBe('2024-Q1');
    expect(joinQuarter({ year: '2024', quarter: '' }, 'to')).toBe('2024-Q4');
  });

  it('needs a year', () => {
    expect(joinQuarter({ year: '', quarter: '2' }, 'from')).toBe('');
  });
});
