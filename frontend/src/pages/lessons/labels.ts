import type { TFunction } from 'i18next';
import type { LessonChange, LessonStatus } from '../../api/lessons';

/** lessonStatusLabel names where a lesson is in its curation. */
export function lessonStatusLabel(t: TFunction, s: LessonStatus): string {
  return t(`lessons.status.${s}`, { defaultValue: s });
}

/** lessonChangeLabel names one curation step in the lesson's history. */
export function lessonChangeLabel(t: TFunction, action: LessonChange['action']): string {
  return t(`lessons.history.actions.${action}`, { defaultValue: action });
}

/** curatable: a lesson a facilitator can still accept, reword, reject or merge. */
export function curatable(s: LessonStatus): boolean {
  return s === 'proposed' || s === 'accepted';
}
