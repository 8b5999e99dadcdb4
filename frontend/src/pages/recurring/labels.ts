import type { TFunction } from 'i18next';
import type { Spread } from '../../api/recurring';

// Below this many cases a share says little; the text says so.
const fewCases = 5;

/** percent formats a share (0 to 1) as a whole percentage in the reader's language. */
export function percent(lang: string, share: number): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * liftWords says in plain words whether a lesson comes up more often in
 * trajectories that got stuck: the two shares, what that means, and a
 * warning when few cases stand behind it. Lift within 20% of 1 counts as
 * "about as often".
 */
export function liftWords(t: TFunction, lang: string, s: Spread): string {
  if (s.lift === null || s.lift === undefined) return t('recurring.lift.none');
  const parts = [t('recurring.lift.shares', { share: percent(lang, s.stuck_share), baseline: percent(lang, s.baseline_stuck_share) })];
  parts.push(s.lift >= 1.2 ? t('recurring.lift.more') : s.lift <= 0.8 ? t('recurring.lift.less') : t('recurring.lift.same'));
  if (s.cases.length < fewCases) parts.push(t('recurring.lift.few', { count: s.cases.length }));
  return parts.join(' ');
}

/** outcomeWords is the text alternative of the good-vs-stuck bar. */
export function outcomeWords(t: TFunction, s: Spread): string {
  const o = s.outcomes;
  return t('recurring.outcome.text', {
    total: o.good + o.mixed + o.stuck,
    good: t('recurring.outcome.good', { count: o.good }),
    mixed: t('recurring.outcome.mixed', { count: o.mixed }),
    stuck: t('recurring.outcome.stuck', { count: o.stuck }),
  });
}

/** fitWords says how much a group is like a lesson, from its score (0 to 1). */
export function fitWords(t: TFunction, score: number): string {
  return score >= 0.5 ? t('recurring.closest.strong') : score >= 0.3 ? t('recurring.closest.medium') : t('recurring.closest.weak');
}
