import type { TemplateDefinition } from '../../api/templates';
import { draftPrefix, readJSON } from '../caseForm/draftStore';
import type { ReflectionDraft } from './model';
import { questionsOf } from './template';

/**
 * Unsaved input of a reflection is kept on this device like a case's
 * (caseForm/draftStore.ts): per person and case, under the same prefix,
 * so signing out removes it with the cases' (clearCaseDrafts).
 */
export const reflectionDraftKey = (personId: string, caseId: string) => `${draftPrefix}${personId}.reflection.${caseId}`;

/** StoredReflection is the working copy of a reflection with changes not saved yet. */
export interface StoredReflection {
  at: number;
  reflectionId: string;
  draft: ReflectionDraft;
}

function isDraft(v: unknown): v is ReflectionDraft {
  const d = v as ReflectionDraft | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    Array.isArray(d.items) &&
    Array.isArray(d.lessons) &&
    typeof d.texts === 'object' &&
    typeof d.ratings === 'object' &&
    typeof d.decisions === 'object' &&
    typeof d.version === 'number'
  );
}

/** readStored reads what an earlier visit left unsaved for this reflection, if anything readable. */
export function readStored(key: string, reflectionId: string): StoredReflection | null {
  const s = readJSON<StoredReflection>(key);
  return s && s.reflectionId === reflectionId && isDraft(s.draft) ? s : null;
}

/**
 * restoreDraft lays the stored working copy over the server's. It keeps
 * the version it was based on, so that a change made elsewhere since
 * shows as a conflict on the next save instead of being overwritten. What
 * the form no longer asks is left out; questions it asks that the stored
 * copy does not have keep the server's answer.
 */
export function restoreDraft(server: ReflectionDraft, stored: StoredReflection | null, def: TemplateDefinition): ReflectionDraft {
  if (!stored) return server;
  const s = stored.draft;
  const asks = (type: 'items' | 'text' | 'rating') => new Set(questionsOf(def, type).map((q) => q.key));
  const itemQuestions = asks('items');
  const texts = { ...server.texts };
  for (const q of asks('text')) if (typeof s.texts[q] === 'string') texts[q] = s.texts[q];
  const ratings = { ...server.ratings };
  for (const q of asks('rating')) if (q in s.ratings) ratings[q] = s.ratings[q] ?? null;
  const items = s.items.filter((it) => itemQuestions.has(it.question));
  const kept = new Set(items.map((it) => it.key));
  const lessons = questionsOf(def, 'lessons').length ? s.lessons.map((l) => ({ ...l, sources: l.sources.filter((k) => kept.has(k)) })) : [];
  return { items, texts, ratings, lessons, decisions: { ...s.decisions }, version: s.version };
}
