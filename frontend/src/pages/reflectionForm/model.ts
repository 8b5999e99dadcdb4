import type { CodingEffect, CodeRef, Reflection } from '../../api/reflectionWrite';
import type { TemplateDefinition } from '../../api/templates';
import { decisionsFromMarks, type Decision } from '../caseForm/findings';
import { questionsOf } from './template';

/** CodeChoice is a chosen code with its labels, so a tag shows without the codebook (a retired code too). */
export interface CodeChoice {
  id: string;
  label_nl: string;
  label_en: string;
}

/** ItemCoding is a code on an item with whether it helped or hindered. */
export interface ItemCoding extends CodeChoice {
  effect: CodingEffect;
}

/**
 * ItemDraft is one entry of what worked or what did not. key is the
 * form's own name for it, which never changes; id is the server's, once
 * it was saved, and goes with every save so the item (and the lessons
 * that came from it) is kept.
 */
export interface ItemDraft {
  key: string;
  id?: string;
  question: string;
  what: string;
  why: string;
  episode_id?: string;
  codes: ItemCoding[];
}

/** LessonDraft is a lesson as its author writes it; sources are the keys of the items it came from. */
export interface LessonDraft {
  key: string;
  statement: string;
  codes: CodeChoice[];
  sources: string[];
}

/**
 * ReflectionDraft is the working copy of a reflection: every answer, by
 * question for texts and ratings, and the author's decisions on findings
 * per text (by TextKey).
 */
export interface ReflectionDraft {
  items: ItemDraft[];
  texts: Record<string, string>;
  ratings: Record<string, number | null>;
  lessons: LessonDraft[];
  decisions: Record<string, Decision[]>;
  version: number;
}

/**
 * Free texts are scanned and decided on by a key: `item:<key>:what`,
 * `item:<key>:why`, `text:<question>` and `lesson:<key>:statement`. The
 * same names carry field errors (`item:<key>:codes`, `rating:<question>`,
 * `question:<question>`).
 */
export type ItemText = 'what' | 'why';
export const itemKey = (key: string, field: ItemText | 'codes') => `item:${key}:${field}`;
export const textKey = (question: string) => `text:${question}`;
export const lessonKey = (key: string, field: 'statement' | 'codes' | 'sources' = 'statement') => `lesson:${key}:${field}`;
export const ratingKey = (question: string) => `rating:${question}`;
export const questionKey = (question: string) => `question:${question}`;

let counter = 0;
/** newKey names a new item or lesson: unique on this device, also after a reload. */
export function newKey(): string {
  counter += 1;
  return `n${Date.now().toString(36)}${counter.toString(36)}`;
}

/** defaultEffect is the effect a code gets when chosen: hindered for what did not work, helped otherwise. */
export function defaultEffect(question: string): CodingEffect {
  return question === 'did_not_work' ? 'hindered' : 'helped';
}

const choice = (c: CodeRef): CodeChoice => ({ id: c.id, label_nl: c.label_nl, label_en: c.label_en });

/**
 * draftFromReflection starts a working copy from the server's reflection,
 * with every question of its form (empty where unanswered) and its stored
 * decisions read back into words. The marks point into the reflection's
 * lists as it answers them: items in the order they were written
 * (position), text answers, lessons.
 */
export function draftFromReflection(r: Reflection, def: TemplateDefinition): ReflectionDraft {
  const items: ItemDraft[] = [...r.items]
    .sort((a, b) => a.position - b.position)
    .map((it) => ({
      key: it.id,
      id: it.id,
      question: it.question,
      what: it.what,
      why: it.why,
      ...(it.episode_id ? { episode_id: it.episode_id } : {}),
      codes: it.codes.map((c) => ({ ...choice(c.code), effect: c.effect })),
    }));
  const texts: Record<string, string> = {};
  for (const q of questionsOf(def, 'text')) texts[q.key] = r.texts.find((x) => x.question === q.key)?.text ?? '';
  const ratings: Record<string, number | null> = {};
  for (const q of questionsOf(def, 'rating')) ratings[q.key] = r.ratings.find((x) => x.question === q.key)?.rating ?? null;
  const lessons: LessonDraft[] = r.lessons.map((l) => ({
    key: l.id,
    statement: l.statement,
    codes: l.codes.map(choice),
    sources: l.sources.filter((id) => items.some((it) => it.key === id)),
  }));
  const decisions: Record<string, Decision[]> = {};
  const put = (key: string, field: string, text: string) => {
    const list = decisionsFromMarks(r.marks, field, text);
    if (list.length) decisions[key] = list;
  };
  items.forEach((it, i) => {
    put(itemKey(it.key, 'what'), `/items/${i}/what`, it.what);
    put(itemKey(it.key, 'why'), `/items/${i}/why`, it.why);
  });
  // Text marks point into the reflection's own list of text answers (those with a text, in the form's order).
  r.texts.forEach((a, i) => {
    if (a.question in texts) put(textKey(a.question), `/texts/${i}/text`, texts[a.question] ?? '');
  });
  lessons.forEach((l, i) => put(lessonKey(l.key), `/lessons/${i}/statement`, l.statement));
  return { items, texts, ratings, lessons, decisions, version: r.version };
}

/** textOf reads one free text of a draft by its key ('' when it is gone). */
export function textOf(d: ReflectionDraft, key: string): string {
  const [kind, name, field] = key.split(':');
  switch (kind) {
    case 'item': {
      const it = d.items.find((x) => x.key === name);
      return it ? (field === 'why' ? it.why : it.what) : '';
    }
    case 'text':
      return d.texts[name ?? ''] ?? '';
    case 'lesson':
      return d.lessons.find((x) => x.key === name)?.statement ?? '';
    default:
      return '';
  }
}

/** textsOf lists every free text of a draft by key, for the live check. */
export function textsOf(d: ReflectionDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of d.items) {
    out[itemKey(it.key, 'what')] = it.what;
    out[itemKey(it.key, 'why')] = it.why;
  }
  for (const [q, text] of Object.entries(d.texts)) out[textKey(q)] = text;
  for (const l of d.lessons) out[lessonKey(l.key)] = l.statement;
  return out;
}

/** withText changes one free text by its key. */
export function withText(d: ReflectionDraft, key: string, text: string): ReflectionDraft {
  const [kind, name, field] = key.split(':');
  switch (kind) {
    case 'item':
      return updateItem(d, name ?? '', (it) => (field === 'why' ? { ...it, why: text } : { ...it, what: text }));
    case 'text':
      return { ...d, texts: { ...d.texts, [name ?? '']: text } };
    case 'lesson':
      return updateLesson(d, name ?? '', (l) => ({ ...l, statement: text }));
    default:
      return d;
  }
}

/** withDecisions keeps the decisions on one text. */
export function withDecisions(d: ReflectionDraft, key: string, list: Decision[]): ReflectionDraft {
  return { ...d, decisions: { ...d.decisions, [key]: list } };
}

function updateItem(d: ReflectionDraft, key: string, fn: (it: ItemDraft) => ItemDraft): ReflectionDraft {
  return { ...d, items: d.items.map((it) => (it.key === key ? fn(it) : it)) };
}

function updateLesson(d: ReflectionDraft, key: string, fn: (l: LessonDraft) => LessonDraft): ReflectionDraft {
  return { ...d, lessons: d.lessons.map((l) => (l.key === key ? fn(l) : l)) };
}

/** withoutDecisions drops the decisions of texts that are gone. */
function withoutDecisions(decisions: Record<string, Decision[]>, prefix: string): Record<string, Decision[]> {
  return Object.fromEntries(Object.entries(decisions).filter(([k]) => !k.startsWith(prefix)));
}

/** addItem adds an empty entry at the end of a question's list. */
export function addItem(d: ReflectionDraft, question: string, key = newKey()): ReflectionDraft {
  return { ...d, items: [...d.items, { key, question, what: '', why: '', codes: [] }] };
}

/** removeItem drops an entry, its decisions, and its place among the sources of lessons. */
export function removeItem(d: ReflectionDraft, key: string): ReflectionDraft {
  return {
    ...d,
    items: d.items.filter((it) => it.key !== key),
    lessons: d.lessons.map((l) => (l.sources.includes(key) ? { ...l, sources: l.sources.filter((s) => s !== key) } : l)),
    decisions: withoutDecisions(d.decisions, `item:${key}:`),
  };
}

/** moveItem moves an entry up (-1) or down (+1) among the entries of its own question; out of range changes nothing. */
export function moveItem(d: ReflectionDraft, key: string, delta: number): ReflectionDraft {
  const it = d.items.find((x) => x.key === key);
  if (!it) return d;
  const same = d.items.filter((x) => x.question === it.question);
  const from = same.indexOf(it);
  const to = from + delta;
  if (to < 0 || to >= same.length) return d;
  const swapWith = same[to]!;
  const a = d.items.indexOf(it);
  const b = d.items.indexOf(swapWith);
  const items = [...d.items];
  items[a] = swapWith;
  items[b] = it;
  return { ...d, items };
}

/** setItemText changes what or why of an entry. */
export function setItemText(d: ReflectionDraft, key: string, field: ItemText, text: string): ReflectionDraft {
  return withText(d, itemKey(key, field), text);
}

/** setItemEpisode says which key episode of the case an entry is about; an empty id says none. */
export function setItemEpisode(d: ReflectionDraft, key: string, episodeId: string): ReflectionDraft {
  return updateItem(d, key, (it) => {
    const { episode_id: _old, ...rest } = it;
    return episodeId ? { ...rest, episode_id: episodeId } : rest;
  });
}

/** addItemCode puts a code on an entry, with the effect its question suggests; a code already there stays as it is. */
export function addItemCode(d: ReflectionDraft, key: string, code: CodeChoice): ReflectionDraft {
  return updateItem(d, key, (it) =>
    it.codes.some((c) => c.id === code.id) ? it : { ...it, codes: [...it.codes, { ...code, effect: defaultEffect(it.question) }] },
  );
}

/** removeItemCode takes a code off an entry. */
export function removeItemCode(d: ReflectionDraft, key: string, codeId: string): ReflectionDraft {
  return updateItem(d, key, (it) => ({ ...it, codes: it.codes.filter((c) => c.id !== codeId) }));
}

/** setItemEffect says whether a code on an entry helped or hindered. */
export function setItemEffect(d: ReflectionDraft, key: string, codeId: string, effect: CodingEffect): ReflectionDraft {
  return updateItem(d, key, (it) => ({ ...it, codes: it.codes.map((c) => (c.id === codeId ? { ...c, effect } : c)) }));
}

/** addLesson adds an empty lesson at the end. */
export function addLesson(d: ReflectionDraft, key = newKey()): ReflectionDraft {
  return { ...d, lessons: [...d.lessons, { key, statement: '', codes: [], sources: [] }] };
}

/** removeLesson drops a lesson and the decisions on its text. */
export function removeLesson(d: ReflectionDraft, key: string): ReflectionDraft {
  return { ...d, lessons: d.lessons.filter((l) => l.key !== key), decisions: withoutDecisions(d.decisions, `lesson:${key}:`) };
}

/** addLessonCode puts a code on a lesson (once). */
export function addLessonCode(d: ReflectionDraft, key: string, code: CodeChoice): ReflectionDraft {
  return updateLesson(d, key, (l) => (l.codes.some((c) => c.id === code.id) ? l : { ...l, codes: [...l.codes, code] }));
}

/** removeLessonCode takes a code off a lesson. */
export function removeLessonCode(d: ReflectionDraft, key: string, codeId: string): ReflectionDraft {
  return updateLesson(d, key, (l) => ({ ...l, codes: l.codes.filter((c) => c.id !== codeId) }));
}

/** setLessonSources says which entries a lesson came from, kept in the order of the entries. */
export function setLessonSources(d: ReflectionDraft, key: string, sources: readonly string[]): ReflectionDraft {
  const order = d.items.map((it) => it.key).filter((k) => sources.includes(k));
  return updateLesson(d, key, (l) => ({ ...l, sources: order }));
}

/** setRating answers a rating question (null clears it). */
export function setRating(d: ReflectionDraft, question: string, rating: number | null): ReflectionDraft {
  return { ...d, ratings: { ...d.ratings, [question]: rating } };
}

/** isBlankItem: an entry with nothing in it yet, which is not sent until something is typed or chosen. */
export function isBlankItem(it: ItemDraft): boolean {
  return it.what.trim() === '' && it.why.trim() === '' && it.codes.length === 0;
}

/** isBlankLesson: a lesson with nothing in it yet, not sent either. */
export function isBlankLesson(l: LessonDraft): boolean {
  return l.statement.trim() === '' && l.codes.length === 0 && l.sources.length === 0;
}

/**
 * unanswered lists the required questions of the form that have no answer
 * in the draft, as the server checks on submit (a list question needs an
 * entry, a text question a text).
 */
export function unanswered(d: ReflectionDraft, def: TemplateDefinition): string[] {
  const out: string[] = [];
  for (const s of def.sections) {
    for (const q of s.questions) {
      if (!q.required) continue;
      const answered =
        q.type === 'items'
          ? d.items.some((it) => it.question === q.key && it.what.trim() !== '')
          : q.type === 'lessons'
            ? d.lessons.some((l) => l.statement.trim() !== '')
            : q.type === 'text'
              ? (d.texts[q.key] ?? '').trim() !== ''
              : d.ratings[q.key] != null;
      if (!answered) out.push(q.key);
    }
  }
  return out;
}
