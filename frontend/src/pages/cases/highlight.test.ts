import { describe, expect, it } from 'vitest';
import { markSegments, marksOf, placedMarks } from './highlight';
import type { Mark } from '../../api/types';

function mark(start: number, end: number, extra: Partial<Mark> = {}): Mark {
  return { id: `m${start}-${end}`, field: '/summary', kind: 'dismissed', type: 'person', start, end, ...extra };
}

const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('markSegments', () => {
  it('gives the whole text as one piece without marks', () => {
    expect(markSegments('Geen namen hier.', [])).toEqual([{ text: 'Geen namen hier.' }]);
    expect(markSegments('', undefined)).toEqual([{ text: '' }]);
  });

  it('cuts a text around its marks, in order', () => {
    const text = 'Jan belde met Piet in Dokkum.';
    const a = mark(0, 3);
    const b = mark(14, 18);
    const c = mark(22, 28, { kind: 'confirmed', type: 'place' });
    const s = markSegments(text, [c, a, b]);
    expect(s.map((x) => [x.text, x.mark?.id])).toEqual([
      ['Jan', a.id],
      [' belde met ', undefined],
      ['Piet', b.id],
      [' in ', undefined],
      ['Dokkum', c.id],
      ['.', undefined],
    ]);
    expect(joined(s)).toBe(text);
  });

  it('counts UTF-16 code units, so an emoji before a name counts as two', () => {
    const text = '😀 Jan 👍🏽 en Piet';
    const jan = text.indexOf('Jan');
    const piet = text.indexOf('Piet');
    expect(jan).toBe(3); // the emoji is a surrogate pair
    const s = markSegments(text, [mark(jan, jan + 3), mark(piet, piet + 4)]);
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(['Jan', 'Piet']);
    expect(joined(s)).toBe(text);
  });

  it('leaves out a mark that would cut a surrogate pair in half', () => {
    const text = 'a😀b';
    expect(markSegments(text, [mark(2, 4)])).toEqual([{ text }]);
    expect(markSegments(text, [mark(0, 2)])).toEqual([{ text }]);
    // The whole emoji may be marked.
    expect(markSegments(text, [mark(1, 3)]).map((x) => x.text)).toEqual(['a', '😀', 'b']);
  });

  it('leaves out marks out of range, empty, reversed or not whole numbers', () => {
    const text = 'Jan';
    for (const m of [mark(-1, 2), mark(0, 4), mark(2, 2), mark(3, 1), mark(0.5, 2), mark(10, 12)]) {
      expect(markSegments(text, [m]), JSON.stringify(m)).toEqual([{ text }]);
    }
  });

  it('leaves out a mark that overlaps one already placed; dismissed wins a tie', () => {
    const text = 'Jan Jansen woont hier.';
    const full = mark(0, 10);
    const inner = mark(4, 10, { id: 'inner' });
    const confirmedSame = mark(0, 10, { id: 'c', kind: 'confirmed', type: 'place' });
    const s = markSegments(text, [inner, confirmedSame, full]);
    expect(s.filter((x) => x.mark).map((x) => x.mark?.id)).toEqual([full.id]);
    expect(joined(s)).toBe(text);
  });

  it('places marks that touch but do not overlap', () => {
    const s = markSegments('JanPiet', [mark(3, 7), mark(0, 3)]);
    expect(s.map((x) => x.text)).toEqual(['Jan', 'Piet']);
  });
});

describe('marksOf', () => {
  it('picks the marks of one field', () => {
    const a = mark(0, 1);
    const b = mark(0, 1, { field: '/title' });
    expect(marksOf([a, b], '/title')).toEqual([b]);
    expect(marksOf(undefined, '/title')).toEqual([]);
  });
});

describe('placedMarks', () => {
  it('lists the marks shown, in reading order, with what they cover', () => {
    const c = {
      title: 'Jan',
      summary: 'Over Piet en Dokkum.',
      marks: [mark(5, 9), mark(0, 3, { field: '/title', id: 't' }), mark(40, 44, { id: 'stale' })],
      episodes: [
        { position: 2, what_happened: 'Bij Anna thuis.', marks: [mark(4, 8, { field: '/what_happened', id: 'anna' })] },
        { position: 1, what_happened: 'Niets.', marks: undefined },
      ],
    };
    expect(placedMarks(c).map((p) => [p.mark.id, p.text, p.field, p.episodePosition])).toEqual([
      ['t', 'Jan', '/title', undefined],
      ['m5-9', 'Piet', '/summary', undefined],
      ['anna', 'Anna', '/what_happened', 2],
    ]);
  });
});
