import { describe, expect, it } from 'vitest';
import type { Finding } from '../caseForm/findings';
import { addItem, addItemCode, addLesson, draftFromReflection, setItemText, setLessonSources, setRating, withText, type ReflectionDraft } from './model';
import { buildRequest, dirtyUnits, localField, localProblems, signatures } from './payload';
import { draftReflection, template } from './testData';

const def = template.definition;
const wacht = { id: 'c-wacht', label_nl: 'Wachttijd', label_en: 'Waiting time' };

/** scan finds "Margriet" (a name) and "Leeuwarden" (a place, quasi) in any text. */
function scan(d: ReflectionDraft) {
  return (key: string): Finding[] => {
    const text = key.startsWith('item:')
      ? (d.items.find((it) => it.key === key.split(':')[1])?.[key.endsWith('why') ? 'why' : 'what'] ?? '')
      : key.startsWith('text:')
        ? (d.texts[key.slice(5)] ?? '')
        : (d.lessons.find((l) => l.key === key.split(':')[1])?.statement ?? '');
    const out: Finding[] = [];
    for (const [re, type, direct, tag] of [
      [/Margriet/g, 'person', true, '[PERSOON-1]'],
      [/Leeuwarden/g, 'place', false, '[PLAATS-1]'],
    ] as const) {
      for (const m of text.matchAll(re)) out.push({ type, start: m.index, end: m.index + m[0].length, direct, tag });
    }
    return out;
  };
}

/** written is a draft as an author leaves it: an entry of each kind (the one that did not work written first), a blank one, a lesson. */
function written(): ReflectionDraft {
  let d = draftFromReflection(draftReflection, def);
  d = addItem(d, 'did_not_work', 'b');
  d = setItemText(setItemText(d, 'b', 'what', 'Lang wachten'), 'b', 'why', '  Margriet belde elke week');
  d = addItemCode(d, 'b', wacht);
  d = addItem(d, 'worked', 'a');
  d = { ...d, items: d.items.map((it) => (it.key === 'a' ? { ...it, id: 'i-a', what: 'Vaste mentor' } : it)) };
  d = addItem(d, 'worked', 'blank');
  d = addLesson(d, 'l');
  d = withText(d, 'lesson:l:statement', 'Bel eerder terug');
  d = setLessonSources(d, 'l', ['b', 'blank']);
  d = withText(d, 'text:differently', 'Eerder bellen');
  d = setRating(d, 'on_time', 2);
  return { ...d, decisions: { 'item:b:why': [{ kind: 'dismissed', type: 'person', text: 'Margriet' }] } };
}

describe('buildRequest', () => {
  it('sends each unit whole: entries in the order of the form with their ids, lessons naming entries by place, every text and rating question', () => {
    const d = written();
    const b = buildRequest(d, def, ['answers', 'texts', 'ratings'], scan(d));
    expect(b.held).toEqual({});
    expect(b.sent).toEqual(['answers', 'texts', 'ratings']);
    expect(b.body).toEqual({
      items: [
        { id: 'i-a', question: 'worked', what: 'Vaste mentor', why: '', codes: [] },
        { question: 'did_not_work', what: 'Lang wachten', why: 'Margriet belde elke week', codes: [{ code_id: 'c-wacht', effect: 'hindered' }] },
      ],
      lessons: [{ statement: 'Bel eerder terug', codes: [], sources: [1] }],
      texts: [{ question: 'differently', text: 'Eerder bellen' }],
      ratings: [{ question: 'on_time', rating: 2 }],
      // The dismissal is placed on the trimmed text that is sent, at the entry's place in the body.
      dismissed: [{ field: '/items/1/why', type: 'person', start: 0, end: 8 }],
    });
    expect(b.items).toEqual(['a', 'b']);
    expect(b.lessons).toEqual(['l']);
    expect(b.places['/items/1/why']).toEqual({ key: 'item:b:why', lead: 2 });
  });

  it('sends only the units asked for, and a rating taken back as null', () => {
    const d = setRating(written(), 'on_time', null);
    expect(buildRequest(d, def, ['ratings'], scan(d)).body).toEqual({ ratings: [{ question: 'on_time', rating: null }] });
  });

  it('holds a unit back while one of its texts has a finding not dealt with, and sends the others', () => {
    let d = withText(written(), 'lesson:l:statement', 'Vraag het in Leeuwarden');
    let b = buildRequest(d, def, ['answers', 'texts'], scan(d));
    expect(b.held).toEqual({ answers: 'findings' });
    expect(b.sent).toEqual(['texts']);
    expect(b.body).toEqual({ texts: [{ question: 'differently', text: 'Eerder bellen' }] });
    expect(b.items).toEqual([]);
    // Kept on purpose: the quasi-identifier is confirmed and goes with the save.
    d = { ...d, decisions: { ...d.decisions, 'lesson:l:statement': [{ kind: 'confirmed', type: 'place', text: 'Leeuwarden' }] } };
    b = buildRequest(d, def, ['answers'], scan(d));
    expect(b.held).toEqual({});
    expect(b.body.confirmed).toEqual([{ field: '/lessons/0/statement', type: 'place', start: 13, end: 23 }]);
  });

  it('holds the entries back while one has a why but no what, or a lesson is too short, and says where', () => {
    let d = setItemText(written(), 'blank', 'why', 'Omdat het hielp');
    d = withText(d, 'lesson:l:statement', 'Ja');
    const b = buildRequest(d, def, ['answers'], scan(d));
    expect(b.held).toEqual({ answers: 'invalid' });
    expect(b.body).toEqual({});
    expect(b.problems).toEqual({
      'item:blank:what': [{ field: 'item:blank:what', code: 'required', message: '' }],
      'lesson:l:statement': [{ field: 'lesson:l:statement', code: 'too_short', message: '', params: { min: 3 } }],
    });
  });
});

describe('dirtyUnits', () => {
  it('names the units changed since they were saved, decisions included', () => {
    const d = written();
    const saved = signatures(d);
    expect(dirtyUnits(d, saved)).toEqual([]);
    expect(dirtyUnits(setRating(d, 'on_time', 4), saved)).toEqual(['ratings']);
    expect(dirtyUnits({ ...d, decisions: { ...d.decisions, 'text:differently': [{ kind: 'confirmed', type: 'place', text: 'x' }] } }, saved)).toEqual(['texts']);
    expect(dirtyUnits(addItemCode(d, 'a', wacht), saved)).toEqual(['answers']);
  });
});

describe('localField', () => {
  const b = { items: ['a', 'b'], lessons: ['l'] };
  it('names the fields of a write by the form keys of what was sent', () => {
    expect(localField('/items/1/why', b, def)).toBe('item:b:why');
    expect(localField('/items/0/codes/0/code_id', b, def)).toBe('item:a:codes');
    expect(localField('/lessons/0/statement', b, def)).toBe('lesson:l:statement');
    expect(localField('/lessons/0/sources/1', b, def)).toBe('lesson:l:sources');
    expect(localField('/texts/0/text', b, def)).toBe('text:differently');
    expect(localField('/ratings/0/rating', b, def)).toBe('rating:on_time');
    expect(localField('questions/worked', null, def)).toBe('question:worked');
    expect(localField('/items/9/what', b, def)).toBe('/items/9/what');
    expect(localField('version', b, def)).toBe('version');
  });
  it('groups the problems of a refused submit by question', () => {
    const p = { field: 'questions/did_not_work', code: 'required' as const, message: 'required' };
    expect(localProblems({ 'questions/did_not_work': [p] }, null, def)).toEqual({ 'question:did_not_work': [p] });
  });
});
