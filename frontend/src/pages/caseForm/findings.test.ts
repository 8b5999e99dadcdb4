import { describe, expect, it } from 'vitest';
import {
  addDecision,
  decide,
  decisionsFromMarks,
  isDecided,
  markRequests,
  openFindings,
  replaceFinding,
  segments,
  type Finding,
} from './findings';

// Offsets as the scanner answers them for this text (UTF-16 units).
const text = 'In de tuin bloeide een Margriet toen Jan de Vries belde over BSN 123456782.';
const margriet: Finding = { type: 'person', start: 23, end: 31, direct: true, tag: '[PERSOON-3]' };
const jan: Finding = { type: 'person', start: 37, end: 49, direct: true, tag: '[PERSOON-1]' };
const bsn: Finding = { type: 'bsn', start: 65, end: 74, direct: true, tag: '[BSN-1]' };
const all = [margriet, jan, bsn];

describe('replaceFinding', () => {
  it('puts the tag in place of the words and moves later findings along', () => {
    const r = replaceFinding(text, jan, all);
    expect(r.text).toBe('In de tuin bloeide een Margriet toen [PERSOON-1] belde over BSN 123456782.');
    expect(r.findings).toEqual([margriet, { ...bsn, start: 64, end: 73 }]);
    expect(r.text.slice(64, 73)).toBe('123456782');
  });
  it('changes nothing without a tag', () => {
    expect(replaceFinding(text, { ...jan, tag: undefined }, all).text).toBe(text);
  });
  it('counts offsets in UTF-16 units, as the server does', () => {
    const t = '😀 Jan belde';
    const f: Finding = { type: 'person', start: 3, end: 6, direct: true, tag: '[PERSOON-1]' };
    expect(replaceFinding(t, f, [f]).text).toBe('😀 [PERSOON-1] belde');
  });
});

describe('decisions', () => {
  it('are kept by type and words, and follow the words when the text moves', () => {
    const d = [decide(text, margriet)];
    expect(d).toEqual([{ kind: 'dismissed', type: 'person', text: 'Margriet' }]);
    expect(openFindings(text, all, d)).toEqual([jan, bsn]);
    // Text typed before it moves the finding; a new scan places it again.
    const moved = `Vorig jaar: ${text}`;
    const again = { ...margriet, start: margriet.start + 12, end: margriet.end + 12 };
    expect(isDecided(moved, again, d)).toBe(true);
    expect(markRequests('/what_happened', moved, [again], d)).toEqual({
      dismissed: [{ field: '/what_happened', type: 'person', start: 35, end: 43 }],
      confirmed: [],
    });
  });
  it('are dropped when the words are no longer flagged, and never cover another type', () => {
    const d = [decide(text, margriet)];
    expect(markRequests('/summary', text, [jan, bsn], d)).toEqual({ dismissed: [], confirmed: [] });
    expect(isDecided(text, { ...margriet, type: 'place', direct: false }, d)).toBe(false);
  });
  it('confirm quasi-identifiers and dismiss direct ones', () => {
    const t = 'Ze woonde in Leeuwarden.';
    const place: Finding = { type: 'place', start: 13, end: 23, direct: false, tag: '[PLAATS-1]' };
    const d = [decide(t, place)];
    expect(d[0]!.kind).toBe('confirmed');
    expect(markRequests('/summary', t, [place], d)).toEqual({
      dismissed: [],
      confirmed: [{ field: '/summary', type: 'place', start: 13, end: 23 }],
    });
  });
  it('are not doubled', () => {
    const d = decide(text, margriet);
    expect(addDecision([d], { ...d })).toHaveLength(1);
  });
  it('are read back from stored marks of their field', () => {
    const marks = [
      { id: 'm1', field: '/summary', kind: 'dismissed' as const, type: 'person' as const, start: 23, end: 31 },
      { id: 'm2', field: '/title', kind: 'dismissed' as const, type: 'person' as const, start: 0, end: 3 },
      { id: 'm3', field: '/summary', kind: 'confirmed' as const, type: 'place' as const, start: 70, end: 900 },
    ];
    expect(decisionsFromMarks(marks, '/summary', text)).toEqual([{ kind: 'dismissed', type: 'person', text: 'Margriet' }]);
  });
});

describe('segments', () => {
  it('cuts the text into plain parts and findings for the highlighted preview', () => {
    const s = segments('Jan belde 06-12345678.', [
      { type: 'phone', start: 10, end: 21, direct: true },
      { type: 'person', start: 0, end: 3, direct: true },
    ]);
    expect(s.map((x) => [x.text, x.finding?.type])).toEqual([
      ['Jan', 'person'],
      [' belde ', undefined],
      ['06-12345678', 'phone'],
      ['.', undefined],
    ]);
  });
  it('skips overlapping or stale findings', () => {
    const s = segments('abc', [
      { type: 'person', start: 0, end: 2, direct: true },
      { type: 'place', start: 1, end: 3, direct: false },
      { type: 'bsn', start: 2, end: 9, direct: true },
    ]);
    expect(s.map((x) => x.text)).toEqual(['ab', 'c']);
  });
});
