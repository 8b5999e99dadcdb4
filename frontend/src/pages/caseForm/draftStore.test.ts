import { afterEach, describe, expect, it } from 'vitest';
import { clearCaseDrafts, draftKey, readJSON, restore, unsavedPart, writeJSON, type Stored } from './draftStore';
import { draftFromCase, setEpisode, setField } from './model';
import type { Case } from '../../api/types';

afterEach(() => window.localStorage.clear());

const stored: Case = {
  id: 'c1',
  network_id: 'n1',
  status: 'draft',
  title: 'Een casus',
  life_domains: [],
  services: [],
  summary: 'Oude samenvatting',
  episodes: [
    { id: 'e1', position: 1, what_happened: 'Eerste moment', updated_at: '', version: 2 },
    { id: 'e2', position: 2, what_happened: 'Tweede moment', updated_at: '', version: 1 },
  ],
  mine: true,
  can_check: false,
  correction: false,
  created_at: '',
  updated_at: '',
  version: 3,
};

describe('the unsaved part', () => {
  it('is nothing when everything is saved', () => {
    expect(unsavedPart(draftFromCase(stored), 1)).toBeNull();
  });
  it('holds the changed fields, episodes and their decisions, and is restored over a fresh copy', () => {
    let d = setField(draftFromCase(stored), 'summary', 'Nieuwe samenvatting die nog niet is opgeslagen');
    d = setEpisode(d, 'e2', 'what_happened', 'Jan belde');
    d = { ...d, decisions: { ...d.decisions, 'episode:e2': [{ kind: 'dismissed', type: 'person', text: 'Jan' }] } };
    const part = unsavedPart(d, 42)!;
    expect(part.dirty).toEqual(['summary']);
    expect(Object.keys(part.episodes)).toEqual(['e2']);

    writeJSON(draftKey('p1', 'c1'), part);
    const back = restore(draftFromCase({ ...stored, version: 4 }), readJSON<Stored>(draftKey('p1', 'c1')));
    expect(back.restored).toBe(true);
    expect(back.draft.fields.summary).toBe('Nieuwe samenvatting die nog niet is opgeslagen');
    expect(back.draft.episodes[1]!.what_happened).toBe('Jan belde');
    expect(back.draft.dirty).toEqual(['summary']);
    expect(back.draft.dirtyEpisodes).toEqual(['e2']);
    expect(back.draft.version).toBe(4);
    expect(back.draft.decisions['episode:e2']).toEqual([{ kind: 'dismissed', type: 'person', text: 'Jan' }]);
  });
  it('skips episodes removed meanwhile', () => {
    const d = setEpisode(draftFromCase(stored), 'e2', 'what_happened', 'Weg');
    const part = unsavedPart(d, 1);
    const back = restore(draftFromCase({ ...stored, episodes: [stored.episodes[0]!] }), part);
    expect(back.restored).toBe(false);
    expect(back.draft.episodes).toHaveLength(1);
  });
});

describe('clearCaseDrafts', () => {
  it('removes only the case form keys', () => {
    writeJSON(draftKey('p1', 'c1'), { a: 1 });
    writeJSON('leerlus.language', 'nl');
    clearCaseDrafts();
    expect(readJSON(draftKey('p1', 'c1'))).toBeNull();
    expect(window.localStorage.getItem('leerlus.language')).toBe('"nl"');
  });
});
