import { describe, expect, it } from 'vitest';
import { percent } from './AnonymiserQuality';

describe('percent', () => {
  it.each([
    [0, 0, '–'],
    [0, 12, '0 %'],
    [0.125, 8, '13 %'],
    [1, 3, '100 %'],
  ])('share %f of %i findings is %s', (share, findings, want) => {
    expect(percent(share, findings)).toBe(want);
  });
});
