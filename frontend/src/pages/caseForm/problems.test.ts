import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { missingPerStep, openProblems, stepOf } from './problems';
import { draftFromCase, setEpisode, setField } from './model';
import { draftCase } from './testData';

const t = i18n.getFixedT('nl');
const required = (field: string) => [{ field, code: 'required' as const, message: 'is required' }];

describe('stepOf', () => {
  it('finds the step of each field the server names', () => {
    expect(['title', 'outcome', '/start/year', 'end', 'duration'].map(stepOf)).toEqual([1, 1, 1, 1, 1]);
    expect(['age_band', 'household', 'life_domains', 'services'].map(stepOf)).toEqual([2, 2, 2, 2]);
    expect(['episodes', '/episodes/3/effect'].map(stepOf)).toEqual([3, 3]);
    expect(stepOf('summary')).toBe(4);
    expect(stepOf('something_new')).toBe(5);
  });
});

describe('missingPerStep', () => {
  it('says per step what is missing, in words', () => {
    const m = missingPerStep(t, {
      summary: required('summary'),
      episodes: required('episodes'),
      '/episodes/1/duration': required('/episodes/1/duration'),
      outcome: required('outcome'),
    });
    expect([...m.keys()]).toEqual([1, 3, 4]);
    expect(m.get(1)!.map((x) => x.message)).toEqual(['Hoe is het traject gegaan?: Vul dit in.']);
    expect(m.get(3)!.map((x) => x.message)).toEqual(['Zet minstens één moment in de tijdlijn.', 'Moment 2: Hoe lang duurde dit?: Vul dit in.']);
  });
});

describe('openProblems', () => {
  it('drops an error once its field changed', () => {
    const at = draftFromCase(draftCase);
    const problems = { summary: required('summary'), outcome: required('outcome'), '/episodes/0/effect': required('/episodes/0/effect') };
    let now = setField(at, 'summary', 'Nu staat er wel iets.');
    now = setEpisode(now, 'e1', 'effect', 'helped');
    expect(Object.keys(openProblems(problems, at, now))).toEqual(['outcome']);
    expect(openProblems(problems, null, now)).toBe(problems);
  });
});
