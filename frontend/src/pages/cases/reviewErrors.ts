import type { TFunction } from 'i18next';
import { isApiError } from '../../api/problem';
import { describeError } from '../../components/errors';

/** ReviewWords are the words a check step's refusals are told in: of a case by default, or of a reflection. */
export interface ReviewWords {
  /** fourEyes: this facilitator wrote or last changed it. */
  fourEyes: string;
  /** stale: it changed meanwhile, or someone else checked it already. */
  stale: string;
}

/**
 * reviewErrorMessage says why a check step failed. A 403 here is the four
 * eyes rule (the buttons only show to the network's facilitators), told in
 * plain words; a missing CSRF token keeps its general message.
 */
export function reviewErrorMessage(t: TFunction, e: unknown, words?: ReviewWords): string {
  if (isApiError(e) && e.status === 403 && !e.type.endsWith(':csrf')) return words?.fourEyes ?? t('cases.review.fourEyes');
  // A stale version, or a step that no longer fits the status (withdrawn,
  // checked by someone else): the page reloads the case.
  if (isApiError(e) && e.status === 409) return words?.stale ?? t('cases.review.stale');
  return describeError(t, e);
}
