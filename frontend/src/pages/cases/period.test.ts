import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { formatSpan, parseQuarter, quarterCode } from './period';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

describe('periods', () => {
  it('reads and writes the list filter form of a quarter', () => {
    expect(quarterCode({ year: 2024, quarter: 3 })).toBe('2024-Q3');
    expect(parseQuarter('2024-Q3')).toEqual({ year: 2024, quarter: 3 });
    for (const bad of ['', '2024', '2024-Q0', '2024-Q5', '24-Q1', '2024-q1 ', null, undefined]) {
      expect(parseQuarter(bad), String(bad)).toBeUndefined();
    }
  });

  it('names a span in Dutch and English', () => {
    const start = { year: 2023, quarter: 2 };
    const end = { year: 2024, quarter: 1 };
    expect(formatSpan(nl, start, end)).toBe('2e kwartaal 2023 tot en met 1e kwartaal 2024');
    expect(formatSpan(en, start, end)).toBe('Q2 2023 to Q1 2024');
    expect(formatSpan(nl, start, start)).toBe('2e kwartaal 2023');
  });

  it('says a trajectory without an end is still running', () => {
    expect(formatSpan(nl, { year: 2025, quarter: 4 }, undefined)).toBe('vanaf 4e kwartaal 2025 (loopt nog)');
    expect(formatSpan(nl, undefined, undefined)).toBe('niet ingevuld');
  });
});
