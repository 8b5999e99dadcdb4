import { describe, expect, it } from 'vitest';
import { itemField, placedReflectionMarks } from './marks';
import { submitted } from './testdata';

describe('the marks of a reflection', () => {
  it('are found in the item, the text answer and the lesson their pointers name', () => {
    expect(placedReflectionMarks(submitted).map((p) => [p.field, p.text, p.mark.kind])).toEqual([
      ['/items/0/what', 'Anna', 'dismissed'],
      ['/texts/0/text', 'Dokkum', 'confirmed'],
      ['/lessons/0/statement', 'Anna', 'dismissed'],
    ]);
  });

  it('point at an item by its place in the write, not by its place in the list', () => {
    expect(itemField({ position: 3 }, 'why')).toBe('/items/2/why');
  });

  it('leave out a mark that does not fit its text', () => {
    const wrong = { ...submitted, marks: [{ id: 'x', field: '/items/0/what', kind: 'dismissed' as const, type: 'person' as const, start: 20, end: 99 }] };
    expect(placedReflectionMarks(wrong)).toEqual([]);
  });

  it('are none where the server sends none (members, researchers)', () => {
    expect(placedReflectionMarks({ ...submitted, marks: undefined })).toEqual([]);
  });
});
