import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { effectCountLabel, effectsOf, formatScore, groupCodes, ratingColumns } from './comparison';
import { caseReflections, heard, trust, waiting } from './testdata';

describe('groupCodes', () => {
  it('puts differences, agreements and single mentions apart, whatever order they come in', () => {
    const g = groupCodes(caseReflections.codes);
    expect(g.differ.map((c) => c.code.id)).toEqual([heard.id]);
    expect(g.agree.map((c) => c.code.id)).toEqual([trust.id]);
    expect(g.single.map((c) => c.code.id)).toEqual([waiting.id]);
  });

  it('lists a code’s perspectives in the app’s order: the parent before the professional', () => {
    expect(groupCodes(caseReflections.codes).differ[0]!.views.map((v) => v.perspective)).toEqual(['ouder', 'professional']);
  });

  it('keeps the order within a group', () => {
    const two = [
      { ...caseReflections.codes[2]!, code: waiting },
      { ...caseReflections.codes[2]!, code: heard },
    ];
    expect(groupCodes(two).differ.map((c) => c.code.id)).toEqual([waiting.id, heard.id]);
  });
});

describe('effects in words', () => {
  it('says only what a perspective said, helped first, with how often when more than once', () => {
    const t = i18n.getFixedT('nl');
    expect(effectsOf({ helped: 0, hindered: 2 }).map((e) => effectCountLabel(t, e))).toEqual(['hinderde (2 keer)']);
    expect(effectsOf({ helped: 1, hindered: 1 }).map((e) => effectCountLabel(t, e))).toEqual(['hielp', 'hinderde']);
    expect(effectsOf({ helped: 0, hindered: 0 })).toEqual([]);
  });
});

describe('ratings', () => {
  it('has a column for each perspective that rated, in the app’s order', () => {
    expect(ratingColumns(caseReflections.ratings)).toEqual(['ouder', 'professional']);
  });

  it('shows a mean with one decimal in the reader’s language', () => {
    expect(formatScore('nl', 4.5)).toBe('4,5');
    expect(formatScore('en', 4.5)).toBe('4.5');
    expect(formatScore('nl', 10 / 3)).toBe('3,3');
    expect(formatScore('nl', 2)).toBe('2');
  });
});
