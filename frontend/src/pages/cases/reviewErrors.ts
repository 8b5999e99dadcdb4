import type { TFunction } from 'i18next';
import { isApiError } from '../../api/problem';
import { describeError } from '../../components/errors';

/**
 * reviewErrorMessage says why a check step failed. A 403 here is the four
 * eyes rule (the buttons only show to the network's facilitators), told in
 * plain words; a missing CSRF token keeps its general message.
 */
export function reviewErrorMessage(t: TFunction, e: unknown): string {
  if (isApiError(e) && e.status === 403 && !e.type.endsWith(':csrf')) return t('cases.review.fourEyes');
  // A stale version, or a step that no longer fits the status (withdrawn,
  // checked by someone else): the page reloads the case.
  if (isApiError(e) && e.status === 409) return t('cases.review.stale');
  return describeError(t, e);
}
