import { placeIn, type PlacedMark } from '../cases/highlight';
import type { Reflection, ReflectionItem } from '../../api/reflections';

// The server names each text of a reflection by a pointer into the write
// that stored it: /items/2/why, /texts/0/text, /lessons/1/statement. An
// item's position is its place in that write (from 1); lessons come back in
// the order they were written; texts are taken in the order they come back.

/** itemField points at the what or why of an item. */
export function itemField(item: Pick<ReflectionItem, 'position'>, field: 'what' | 'why'): string {
  return `/items/${item.position - 1}/${field}`;
}

/** textField points at the n-th text answer of the reflection (from 0). */
export function textField(index: number): string {
  return `/texts/${index}/text`;
}

/** lessonField points at the statement of the n-th lesson of the reflection (from 0). */
export function lessonField(index: number): string {
  return `/lessons/${index}/statement`;
}

/**
 * placedReflectionMarks lists the marks of a reflection that show in its
 * texts, in reading order (items, text answers, lessons); marks that do not
 * fit their text are left out, as in the highlighting.
 */
export function placedReflectionMarks(r: Pick<Reflection, 'items' | 'texts' | 'lessons' | 'marks'>): PlacedMark[] {
  const out: PlacedMark[] = [];
  for (const it of [...r.items].sort((a, b) => a.position - b.position)) {
    out.push(...placeIn(it.what, r.marks, itemField(it, 'what')), ...placeIn(it.why, r.marks, itemField(it, 'why')));
  }
  r.texts.forEach((a, i) => out.push(...placeIn(a.text, r.marks, textField(i))));
  r.lessons.forEach((l, i) => out.push(...placeIn(l.statement, r.marks, lessonField(i))));
  return out;
}
