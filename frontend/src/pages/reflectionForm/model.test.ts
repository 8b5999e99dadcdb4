import { describe, expect, it } from 'vitest';
import {
  addItem,
  addItemCode,
  addLesson,
  draftFromReflection,
  moveItem,
  removeItem,
  setItemEffect,
  setItemText,
  setLessonSources,
  textOf,
  unanswered,
  withText,
  type ReflectionDraft,
} from './model';
import { draftReflection, template } from './testData';

const def = template.definition;
const empty = (): ReflectionDraft => draftFromReflection(draftReflection, def);
const wacht = { id: 'c-wacht', label_nl: 'Wachttijd', label_en: 'Waiting time' };

describe('draftFromReflection', () => {
  it('asks every question of the form, in the order the items were written, with the stored decisions read back into words', () => {
    const d = draftFromReflection(
      {
        ...draftReflection,
        items: [
          { id: 'i2', question: 'did_not_work', position: 2, what: 'Wachten', why: 'Margriet belde', codes: [] },
          {
            id: 'i1',
            question: 'worked',
            position: 1,
            what: 'Vaste mentor',
            why: '',
            codes: [{ code: { id: 'c-regie', key: 'T2.r', label_nl: 'Eén regisseur', label_en: 'One coordinator', retired: false }, effect: 'helped' }],
          },
        ],
        texts: [{ question: 'differently', text: 'Eerder bellen' }],
        ratings: [{ question: 'on_time', rating: 2 }],
        lessons: [{ id: 'l1', statement: 'Bel eerder', status: 'proposed', codes: [], sources: ['i2', 'gone'] }],
        marks: [
          { id: 'm1', field: '/items/1/why', kind: 'dismissed', type: 'person', start: 0, end: 8 },
          { id: 'm2', field: '/texts/0/text', kind: 'confirmed', type: 'place', start: 0, end: 6 },
        ],
      },
      def,
    );
    expect(d.items.map((it) => [it.key, it.id, it.question])).toEqual([
      ['i1', 'i1', 'worked'],
      ['i2', 'i2', 'did_not_work'],
    ]);
    expect(d.items[0]!.codes).toEqual([{ id: 'c-regie', label_nl: 'Eén regisseur', label_en: 'One coordinator', effect: 'helped' }]);
    expect(d.texts).toEqual({ differently: 'Eerder bellen' });
    expect(d.ratings).toEqual({ on_time: 2 });
    expect(d.lessons).toEqual([{ key: 'l1', statement: 'Bel eerder', codes: [], sources: ['i2'] }]);
    expect(d.decisions).toEqual({
      'item:i2:why': [{ kind: 'dismissed', type: 'person', text: 'Margriet' }],
      'text:differently': [{ kind: 'confirmed', type: 'place', text: 'Eerder' }],
    });
  });
  it('leaves unanswered questions empty', () => {
    expect(empty()).toMatchObject({ items: [], texts: { differently: '' }, ratings: { on_time: null }, lessons: [], version: 1 });
  });
});

describe('editing', () => {
  it('gives a new code the effect of its question: helped for what worked, hindered for what did not; the author can turn it', () => {
    let d = addItem(addItem(empty(), 'worked', 'a'), 'did_not_work', 'b');
    d = addItemCode(addItemCode(d, 'a', wacht), 'b', wacht);
    expect(d.items.map((it) => it.codes[0]!.effect)).toEqual(['helped', 'hindered']);
    d = setItemEffect(d, 'b', 'c-wacht', 'helped');
    expect(d.items[1]!.codes).toEqual([{ ...wacht, effect: 'helped' }]);
    // The same code twice stays one coding.
    expect(addItemCode(d, 'b', wacht).items[1]!.codes).toHaveLength(1);
  });
  it('moves an entry among the entries of its own question only', () => {
    let d = addItem(addItem(addItem(empty(), 'worked', 'a'), 'did_not_work', 'x'), 'worked', 'b');
    d = moveItem(d, 'b', -1);
    expect(d.items.map((it) => it.key)).toEqual(['b', 'x', 'a']);
    expect(moveItem(d, 'b', -1)).toBe(d);
    expect(moveItem(d, 'x', 1)).toBe(d);
  });
  it('keeps lesson sources in the order of the entries, and drops an entry from them when it is removed', () => {
    let d = addLesson(addItem(addItem(empty(), 'worked', 'a'), 'worked', 'b'), 'l');
    d = setLessonSources(d, 'l', ['b', 'a']);
    expect(d.lessons[0]!.sources).toEqual(['a', 'b']);
    d = setItemText(d, 'a', 'why', 'Jan belde');
    d = { ...d, decisions: { 'item:a:why': [{ kind: 'dismissed', type: 'person', text: 'Jan' }] } };
    d = removeItem(d, 'a');
    expect(d.lessons[0]!.sources).toEqual(['b']);
    expect(d.decisions).toEqual({});
  });
  it('reads and writes every free text by its key', () => {
    let d = addLesson(addItem(empty(), 'worked', 'a'), 'l');
    d = withText(withText(withText(d, 'item:a:what', 'Mentor'), 'text:differently', 'Eerder'), 'lesson:l:statement', 'Bel eerder');
    expect([textOf(d, 'item:a:what'), textOf(d, 'item:a:why'), textOf(d, 'text:differently'), textOf(d, 'lesson:l:statement')]).toEqual([
      'Mentor',
      '',
      'Eerder',
      'Bel eerder',
    ]);
  });
  it('names the required questions without an answer', () => {
    let d = addItem(empty(), 'worked', 'a');
    expect(unanswered(d, def)).toEqual(['worked', 'did_not_work']);
    d = setItemText(d, 'a', 'what', 'Mentor');
    expect(unanswered(d, def)).toEqual(['did_not_work']);
  });
});
