import { describe, expect, it } from 'vitest';
import { analyse, median } from './runchart';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const marked = (values: number[], rule: 'shift' | 'trend') =>
  analyse(labels(values.length), values)
    .points.map((p, i) => (p[rule] ? i : -1))
    .filter((i) => i >= 0);

describe('run chart rules', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it.each([
    ['six below the median make a shift', [5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 9, 9, 9], [4, 5, 6, 7, 8, 9]],
    ['five on one side do not', [9, 9, 1, 1, 1, 1, 1, 9, 9, 9, 9], []],
    ['a point on the median neither breaks nor counts', [1, 1, 1, 5, 1, 1, 1, 9, 9, 9, 9, 5, 5], [0, 1, 2, 4, 5, 6]],
  ])('%s', (_name, values, want) => {
    expect(marked(values, 'shift')).toEqual(want);
  });

  it.each([
    ['five rising make a trend', [1, 2, 3, 4, 5, 2], [0, 1, 2, 3, 4]],
    ['a repeat neither breaks nor counts', [1, 2, 2, 3, 4, 1], []],
    ['a repeat inside a run of five still counts the five', [1, 2, 2, 3, 4, 5], [0, 1, 3, 4, 5]],
    ['two trends share their turning point', [1, 2, 3, 4, 5, 4, 3, 2, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8]],
  ])('%s', (_name, values, want) => {
    expect(marked(values, 'trend')).toEqual(want);
  });

  it('says too few below ten points off the median', () => {
    expect(analyse(labels(9), [1, 2, 3, 4, 5, 6, 7, 8, 9]).too_few).toBe(true);
    const c = analyse(labels(11), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(c.useful).toBe(10);
    expect(c.too_few).toBe(false);
    expect(analyse([], []).too_few).toBe(true);
  });
});
