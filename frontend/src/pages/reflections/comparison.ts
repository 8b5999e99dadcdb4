import type { TFunction } from 'i18next';
import type { CodeComparison, CodingEffect, RatingComparison } from '../../api/reflections';
import { byPerspective, effectLabel } from './labels';

/** CodeGroups are the codes of a case's reflections by how the perspectives relate on them. */
export interface CodeGroups {
  /** differ: for one perspective it helped, for another it hindered. */
  differ: CodeComparison[];
  /** agree: more than one perspective named it, all the same way. */
  agree: CodeComparison[];
  /** single: only one perspective named it. */
  single: CodeComparison[];
}

/**
 * groupCodes sorts the compared codes into differences, agreements and
 * codes one perspective named; within a group the server's order holds,
 * and each code's perspectives follow the app's order of perspectives.
 */
export function groupCodes(codes: readonly CodeComparison[]): CodeGroups {
  const out: CodeGroups = { differ: [], agree: [], single: [] };
  for (const c of codes) out[c.agreement].push({ ...c, views: byPerspective(c.views, (v) => v.perspective) });
  return out;
}

/** EffectCount is how often one effect was coded. */
export interface EffectCount {
  effect: CodingEffect;
  count: number;
}

/** effectsOf lists the effects a perspective gave a code, helped first, leaving out what it never said. */
export function effectsOf(view: { helped: number; hindered: number }): EffectCount[] {
  const out: EffectCount[] = [];
  if (view.helped > 0) out.push({ effect: 'helped', count: view.helped });
  if (view.hindered > 0) out.push({ effect: 'hindered', count: view.hindered });
  return out;
}

/** effectCountLabel says an effect in words, with how often when more than once ("hinderde (2 keer)"). */
export function effectCountLabel(t: TFunction, e: EffectCount): string {
  const word = effectLabel(t, e.effect);
  return e.count > 1 ? t('reflections.compare.times', { effect: word, count: e.count }) : word;
}

/** ratingColumns lists the perspectives that gave any rating, in the app's order. */
export function ratingColumns(ratings: readonly RatingComparison[]): string[] {
  const seen = [...new Set(ratings.flatMap((r) => r.scores.map((s) => s.perspective)))];
  return byPerspective(seen, (p) => p);
}

/** formatScore shows a (mean) score with at most one decimal, in the reader's language. */
export function formatScore(language: string, score: number): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(score);
}
