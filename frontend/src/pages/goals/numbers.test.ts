import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from './numbers';

describe('goal numbers', () => {
  it.each([
    ['12', 12],
    [' 3,5 ', 3.5],
    ['-2.25', -2.25],
    ['1 000', 1000],
    ['', undefined],
  ])('reads %j', (text, want) => {
    expect(parseNumber(text)).toBe(want);
  });

  it('refuses words', () => {
    expect(parseNumber('twaalf')).toBeNaN();
    expect(parseNumber('1,2,3')).toBeNaN();
  });

  it('writes a decimal comma in Dutch', () => {
    expect(formatNumber('nl', 3.5)).toBe('3,5');
    expect(formatNumber('en', 3.5)).toBe('3.5');
  });
});
