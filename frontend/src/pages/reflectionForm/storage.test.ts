import { afterEach, describe, expect, it } from 'vitest';
import { writeJSON } from '../caseForm/draftStore';
import { clearCaseDrafts } from '../caseForm/draftStore';
import { addItem, addLesson, draftFromReflection, setItemText, setLessonSources, setRating } from './model';
import { readStored, reflectionDraftKey, restoreDraft } from './storage';
import { draftReflection, template } from './testData';

const def = template.definition;
const key = reflectionDraftKey('p-ouder', 'c1');

afterEach(() => window.localStorage.clear());

describe('reflection drafts on this device', () => {
  it('reads back only a readable copy of the same reflection', () => {
    const draft = draftFromReflection(draftReflection, def);
    writeJSON(key, { at: 1, reflectionId: 'r1', draft });
    expect(readStored(key, 'r1')?.draft).toEqual(draft);
    expect(readStored(key, 'r2')).toBeNull();
    writeJSON(key, { at: 1, reflectionId: 'r1', draft: { items: 'no' } });
    expect(readStored(key, 'r1')).toBeNull();
  });

  it('are removed at sign-out with the case drafts', () => {
    writeJSON(key, { at: 1, reflectionId: 'r1', draft: draftFromReflection(draftReflection, def) });
    clearCaseDrafts();
    expect(window.localStorage.getItem(key)).toBeNull();
  });

  it('restore the stored copy over the server, on the version it was based on, without what the form no longer asks', () => {
    const server = { ...draftFromReflection(draftReflection, def), version: 3 };
    let mine = addItem(addItem(draftFromReflection(draftReflection, def), 'worked', 'a'), 'gone_question', 'g');
    mine = setItemText(mine, 'a', 'what', 'Vaste mentor');
    mine = addLesson(mine, 'l');
    mine = setLessonSources(mine, 'l', ['a', 'g']);
    mine = setRating({ ...mine, texts: { differently: 'Eerder', old: 'weg' } }, 'on_time', 4);
    const d = restoreDraft(server, { at: 1, reflectionId: 'r1', draft: { ...mine, version: 2 } }, def);
    expect(d.items.map((it) => it.key)).toEqual(['a']);
    expect(d.lessons[0]!.sources).toEqual(['a']);
    expect(d.texts).toEqual({ differently: 'Eerder' });
    expect(d.ratings).toEqual({ on_time: 4 });
    expect(d.version).toBe(2);
    expect(restoreDraft(server, null, def)).toBe(server);
  });
});
