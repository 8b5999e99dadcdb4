import { describe, expect, it } from 'vitest';
import { casePatch, draftFromCase, moveEpisode, type CaseFields, type EpisodeDraft } from './model';

const fields: CaseFields = {
  title: 'Titel',
  outcome: 'stuck',
  startYear: '2023',
  startQuarter: '2',
  ongoing: false,
  endYear: '2024',
  endQuarter: '',
  duration: '1_2y',
  age_band: '12_18',
  household: '',
  life_domains: ['school'],
  services: ['wijkteam'],
  summary: 'x',
};

describe('casePatch', () => {
  it('sends only the dirty fields, a period only when whole', () => {
    expect(casePatch(fields, ['outcome', 'startYear', 'endYear', 'services'])).toEqual({
      outcome: 'stuck',
      start: { year: 2023, quarter: 2 },
      services: ['wijkteam'],
    });
  });
  it('sends ongoing instead of an end', () => {
    expect(casePatch({ ...fields, ongoing: true }, ['ongoing'])).toEqual({ ongoing: true });
  });
});

describe('moveEpisode', () => {
  const list = ['a', 'b', 'c'].map((id) => ({ id }) as EpisodeDraft);
  it('moves up and down, not past the ends', () => {
    expect(moveEpisode(list, 1, -1).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(moveEpisode(list, 1, 1).map((e) => e.id)).toEqual(['a', 'c', 'b']);
    expect(moveEpisode(list, 0, -1).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('draftFromCase', () => {
  it('orders the episodes by position and calls a missing end ongoing', () => {
    const d = draftFromCase({
      id: 'c',
      network_id: 'n',
      status: 'draft',
      title: 'T',
      life_domains: [],
      services: [],
      summary: '',
      episodes: [
        { id: 'b', position: 2, what_happened: '', updated_at: '', version: 1 },
        { id: 'a', position: 1, what_happened: '', updated_at: '', version: 1 },
      ],
      mine: true,
      can_check: false,
      correction: false,
      created_at: '',
      updated_at: '',
      version: 1,
    });
    expect(d.episodes.map((e) => e.id)).toEqual(['a', 'b']);
    expect(d.fields.ongoing).toBe(true);
  });
});
