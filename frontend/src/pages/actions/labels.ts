import type { TFunction } from 'i18next';
import type { ActionKind, ActionPhase, ActionStatus, AttentionReason } from '../../api/actions';

/** actionStatusLabel names where an action is: voorgesteld, aangenomen, … */
export function actionStatusLabel(t: TFunction, s: ActionStatus): string {
  return t(`actions.status.${s}`, { defaultValue: s });
}

/** actionPhaseLabel names a PDCA phase: plannen, uitvoeren, checken, bijstellen. */
export function actionPhaseLabel(t: TFunction, p: ActionPhase): string {
  return t(`actions.phase.${p}`, { defaultValue: p });
}

/** actionKindLabel names the agenda an action belongs to. */
export function actionKindLabel(t: TFunction, k: ActionKind): string {
  return t(`actions.kind.${k}`, { defaultValue: k });
}

/** attentionReasonLabel says why an action needs attention. */
export function attentionReasonLabel(t: TFunction, r: AttentionReason): string {
  return t(`actions.reason.${r}`, { defaultValue: r });
}

/** statusStepLabel names the button that moves an action to status `to` (from `from`: reopening reads differently). */
export function statusStepLabel(t: TFunction, from: ActionStatus, to: ActionStatus): string {
  if ((from === 'done' && to === 'in_progress') || (from === 'stopped' && to === 'accepted')) return t('actions.step.reopen');
  return t(`actions.step.${to}`, { defaultValue: to });
}

/** formatDay shows a YYYY-MM-DD date in the reader's language, without shifting it by the time zone. */
export function formatDay(lang: string, day: string | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
