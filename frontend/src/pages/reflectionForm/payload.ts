import type { FieldProblem, FieldProblems } from '../../api/problem';
import type { ReflectionItemRequest, ReflectionLessonRequest, ReflectionRequest } from '../../api/reflectionWrite';
import type { MarkRequest } from '../../api/types';
import type { TemplateDefinition } from '../../api/templates';
import { markRequests, openFindings, type Finding } from '../caseForm/findings';
import { isBlankItem, isBlankLesson, itemKey, lessonKey, questionKey, ratingKey, textKey, textOf, type ReflectionDraft } from './model';
import { questionsOf } from './template';

/**
 * Unit is a part of the reflection that is saved whole: the entries and
 * the lessons together (a lesson names its entries by their place in the
 * same write), the text answers, the ratings. A save sends the units that
 * changed since they were saved.
 */
export type Unit = 'answers' | 'texts' | 'ratings';
export const units: readonly Unit[] = ['answers', 'texts', 'ratings'];

const prefixes: Record<Unit, string[]> = { answers: ['item:', 'lesson:'], texts: ['text:'], ratings: [] };

function decisionsOf(d: ReflectionDraft, unit: Unit) {
  return Object.entries(d.decisions)
    .filter(([k, list]) => list.length > 0 && prefixes[unit].some((p) => k.startsWith(p)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** signature is one unit's content with its decisions, to tell whether it changed since it was saved. */
export function signature(d: ReflectionDraft, unit: Unit): string {
  switch (unit) {
    case 'answers':
      return JSON.stringify([
        d.items.map((it) => [it.key, it.question, it.what, it.why, it.episode_id ?? '', it.codes.map((c) => [c.id, c.effect])]),
        d.lessons.map((l) => [l.key, l.statement, l.codes.map((c) => c.id), l.sources]),
        decisionsOf(d, unit),
      ]);
    case 'texts':
      return JSON.stringify([d.texts, decisionsOf(d, unit)]);
    case 'ratings':
      return JSON.stringify(d.ratings);
  }
}

/** Signatures are the units as they were last saved. */
export type Signatures = Record<Unit, string>;

/** signatures of every unit of a draft. */
export function signatures(d: ReflectionDraft): Signatures {
  return { answers: signature(d, 'answers'), texts: signature(d, 'texts'), ratings: signature(d, 'ratings') };
}

/** dirtyUnits are the units changed since they were saved. */
export function dirtyUnits(d: ReflectionDraft, saved: Signatures): Unit[] {
  return units.filter((u) => signature(d, u) !== saved[u]);
}

/** textsOfUnits lists the free texts a save of these units sends, by key: the ones to check right before. */
export function textsOfUnits(d: ReflectionDraft, which: readonly Unit[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (which.includes('answers')) {
    for (const it of d.items.filter((x) => !isBlankItem(x))) {
      out[itemKey(it.key, 'what')] = it.what;
      out[itemKey(it.key, 'why')] = it.why;
    }
    for (const l of d.lessons.filter((x) => !isBlankLesson(x))) out[lessonKey(l.key)] = l.statement;
  }
  if (which.includes('texts')) for (const [q, text] of Object.entries(d.texts)) out[textKey(q)] = text;
  return out;
}

/** Place is where a text of the draft went in a write: its key, and how much leading space was cut off. */
export interface Place {
  key: string;
  lead: number;
}

/** Built is a write of the changed units, and what it takes to read its answer. */
export interface Built {
  body: Omit<ReflectionRequest, 'version'>;
  /** sent are the units in the body; held ones wait for the author */
  sent: Unit[];
  held: Partial<Record<Unit, 'findings' | 'invalid'>>;
  /** problems say why a unit is held as invalid, by the form's field names (item:<key>:what) */
  problems: FieldProblems;
  /** items and lessons are the keys of the entries and lessons sent, in the order of the body */
  items: string[];
  lessons: string[];
  /** places name the text behind each pointer of the body (/items/0/what) */
  places: Record<string, Place>;
}

const problem = (field: string, code: FieldProblem['code'], params?: Record<string, unknown>): FieldProblem => ({
  field,
  code,
  message: '',
  ...(params ? { params } : {}),
});

/**
 * buildRequest builds the write of the units that changed, as the server
 * takes it: each unit whole, texts trimmed, and the author's decisions
 * placed on the findings of the exact text sent at its pointer
 * (/items/2/why). findingsOf answers a fresh check of a text's current
 * words. A unit is held back while one of its texts has findings the
 * author has not dealt with, or an entry or lesson misses its text; blank
 * entries and lessons (nothing typed or chosen yet) are left out. Entries
 * go in the order of the form's questions, so the places the server
 * keeps marks at are the places the form reads them back from.
 */
export function buildRequest(d: ReflectionDraft, def: TemplateDefinition, which: readonly Unit[], findingsOf: (key: string) => readonly Finding[]): Built {
  const out: Built = { body: {}, sent: [], held: {}, problems: {}, items: [], lessons: [], places: {} };
  const marks = { dismissed: [] as MarkRequest[], confirmed: [] as MarkRequest[] };
  let unitMarks = { dismissed: [] as MarkRequest[], confirmed: [] as MarkRequest[] };
  const hold = (unit: Unit, why: 'findings' | 'invalid') => {
    if (out.held[unit] !== 'findings') out.held[unit] = why;
  };
  const invalid = (unit: Unit, p: FieldProblem) => {
    (out.problems[p.field] ??= []).push(p);
    hold(unit, 'invalid');
  };
  /** text trims one text for the body, and places its decisions; an open finding holds the unit. */
  const text = (unit: Unit, pointer: string, key: string): string => {
    const words = textOf(d, key);
    const decisions = d.decisions[key] ?? [];
    const findings = findingsOf(key);
    if (openFindings(words, findings, decisions).length > 0) hold(unit, 'findings');
    const lead = words.length - words.trimStart().length;
    const sent = words.trim();
    const moved = findings.map((f) => ({ ...f, start: f.start - lead, end: f.end - lead })).filter((f) => f.start >= 0 && f.end <= sent.length);
    const m = markRequests(pointer, sent, moved, decisions);
    unitMarks.dismissed.push(...m.dismissed);
    unitMarks.confirmed.push(...m.confirmed);
    out.places[pointer] = { key, lead };
    return sent;
  };
  const finish = (unit: Unit, put: () => void) => {
    if (!out.held[unit]) {
      put();
      out.sent.push(unit);
      marks.dismissed.push(...unitMarks.dismissed);
      marks.confirmed.push(...unitMarks.confirmed);
    }
    unitMarks = { dismissed: [], confirmed: [] };
  };

  if (which.includes('answers')) {
    const items: ReflectionItemRequest[] = [];
    for (const q of questionsOf(def, 'items')) {
      for (const it of d.items.filter((x) => x.question === q.key && !isBlankItem(x))) {
        const i = items.length;
        const what = text('answers', `/items/${i}/what`, itemKey(it.key, 'what'));
        const why = text('answers', `/items/${i}/why`, itemKey(it.key, 'why'));
        if (what === '') invalid('answers', problem(itemKey(it.key, 'what'), 'required'));
        items.push({
          ...(it.id ? { id: it.id } : {}),
          question: it.question,
          what,
          why,
          ...(it.episode_id ? { episode_id: it.episode_id } : {}),
          codes: it.codes.map((c) => ({ code_id: c.id, effect: c.effect })),
        });
        out.items.push(it.key);
      }
    }
    const lessons: ReflectionLessonRequest[] = [];
    for (const l of d.lessons.filter((x) => !isBlankLesson(x))) {
      const statement = text('answers', `/lessons/${lessons.length}/statement`, lessonKey(l.key));
      if (statement.length < 3) invalid('answers', problem(lessonKey(l.key), statement === '' ? 'required' : 'too_short', statement === '' ? undefined : { min: 3 }));
      lessons.push({
        statement,
        codes: l.codes.map((c) => c.id),
        sources: l.sources.map((k) => out.items.indexOf(k)).filter((i) => i >= 0),
      });
      out.lessons.push(l.key);
    }
    finish('answers', () => {
      out.body.items = items;
      out.body.lessons = lessons;
    });
  }
  if (which.includes('texts')) {
    const texts = questionsOf(def, 'text').map((q, i) => ({ question: q.key, text: text('texts', `/texts/${i}/text`, textKey(q.key)) }));
    finish('texts', () => (out.body.texts = texts));
  }
  if (which.includes('ratings')) {
    const ratings = questionsOf(def, 'rating').map((q) => ({ question: q.key, rating: d.ratings[q.key] ?? null }));
    finish('ratings', () => (out.body.ratings = ratings));
  }
  if (marks.dismissed.length) out.body.dismissed = marks.dismissed;
  if (marks.confirmed.length) out.body.confirmed = marks.confirmed;
  if (!out.sent.includes('answers')) {
    out.items = [];
    out.lessons = [];
  }
  return out;
}

/**
 * localField names a field of a write's errors the way the form does:
 * /items/2/why → item:<key>:why, /texts/0/text → text:<question>,
 * questions/worked (what submitting misses) → question:worked. A field
 * the form does not know keeps its name.
 */
export function localField(field: string, b: Pick<Built, 'items' | 'lessons'> | null, def: TemplateDefinition): string {
  const q = /^\/?questions\/(.+)$/.exec(field);
  if (q) return questionKey(q[1]!);
  const m = /^\/(items|lessons|texts|ratings)\/(\d+)(?:\/(\w+))?/.exec(field);
  if (!m) return field;
  const [, part, at, rest = ''] = m;
  const i = Number(at);
  switch (part) {
    case 'items': {
      const key = b?.items[i];
      return key ? `item:${key}:${rest === 'why' ? 'why' : rest === 'codes' ? 'codes' : 'what'}` : field;
    }
    case 'lessons': {
      const key = b?.lessons[i];
      return key ? lessonKey(key, rest === 'codes' ? 'codes' : rest === 'sources' ? 'sources' : 'statement') : field;
    }
    case 'texts': {
      const question = questionsOf(def, 'text')[i];
      return question ? textKey(question.key) : field;
    }
    default: {
      const question = questionsOf(def, 'rating')[i];
      return question ? ratingKey(question.key) : field;
    }
  }
}

/** localProblems renames the fields of a write's (or a submit's) errors with localField. */
export function localProblems(problems: FieldProblems, b: Pick<Built, 'items' | 'lessons'> | null, def: TemplateDefinition): FieldProblems {
  const out: FieldProblems = {};
  for (const [field, list] of Object.entries(problems)) (out[localField(field, b, def)] ??= []).push(...list);
  return out;
}
