import type { TFunction } from 'i18next';
import type { CodeRef, CodingEffect, ReflectionStatus } from '../../api/reflections';
import { perspectiveLabel } from '../../components/labels';
import { perspectives, type Perspective } from '../../api/types';

/**
 * questionLabel names a question of the form by its key, in words that fit
 * every perspective. A question a network added itself has no words here
 * (the form template holds them): its key is shown as it is.
 */
export function questionLabel(t: TFunction, key: string): string {
  return t(`reflections.questions.${key}`, { defaultValue: key });
}

/** effectLabel says whether a coded factor helped (hielp) or hindered (hinderde). */
export function effectLabel(t: TFunction, effect: CodingEffect): string {
  return t(`reflections.effect.${effect}`);
}

/** ratingLabel says a score on the 1–5 scale in words as well as the number. */
export function ratingLabel(t: TFunction, rating: number): string {
  return t('reflections.rating', { rating, label: t(`reflections.ratingWords.${rating}`, { defaultValue: '' }) });
}

/** reflectionStatusLabel names where a reflection is in its lifecycle. */
export function reflectionStatusLabel(t: TFunction, s: ReflectionStatus): string {
  return t(`reflections.status.${s}`, { defaultValue: s });
}

/** perspectiveTitle heads a reflection: the perspective it was written from, never a person. */
export function perspectiveTitle(t: TFunction, p: Perspective | string): string {
  return t('reflections.perspective', { perspective: perspectiveLabel(t, p) });
}

/** codeLabel names a code (or a theme) of the codebook in the UI language. */
export function codeLabel(code: Pick<CodeRef, 'label_nl' | 'label_en'>, language: string): string {
  return language === 'en' ? code.label_en : code.label_nl;
}

/** byPerspective orders by the app's list of perspectives (the young person first), then as given. */
export function byPerspective<T>(items: readonly T[], perspectiveOf: (x: T) => string): T[] {
  const rank = (p: string) => {
    const i = perspectives.indexOf(p as Perspective);
    return i < 0 ? perspectives.length : i;
  };
  return items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => rank(perspectiveOf(a.x)) - rank(perspectiveOf(b.x)) || a.i - b.i)
    .map(({ x }) => x);
}
