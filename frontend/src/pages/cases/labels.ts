import type { TFunction } from 'i18next';
import type { CaseStatus, FindingType } from '../../api/types';

/** statusLabel names where a case is in its lifecycle. */
export function statusLabel(t: TFunction, s: CaseStatus): string {
  return t(`cases.status.${s}`, { defaultValue: s });
}

/** findingTypeLabel names a kind of identifier ("naam", "plaats", …). */
export function findingTypeLabel(t: TFunction, type: FindingType | string): string {
  return t(`cases.findingTypes.${type}`, { defaultValue: type });
}

/** fieldLabel names where in the case a mark sits: the title, the summary, or key episode n. */
export function fieldLabel(t: TFunction, field: string, episodePosition?: number): string {
  if (episodePosition !== undefined) return t('cases.fields.episode', { n: episodePosition });
  if (field === '/title') return t('cases.fields.title');
  if (field === '/summary') return t('cases.fields.summary');
  if (field === '/comment') return t('cases.fields.comment');
  return field;
}
