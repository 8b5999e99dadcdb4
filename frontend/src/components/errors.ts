import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';
import { fieldMessages } from '../api/fieldMessages';

/** describeError gives a short, plain message for any failed call. */
export function describeError(t: TFunction, e: unknown): string {
  if (!isApiError(e)) return t('errors.unknown');
  switch (true) {
    case e.status === 0:
      return t('errors.network');
    case e.status === 401:
      return t('errors.unauthorized');
    case e.status === 403:
      return t('errors.forbidden');
    case e.status === 404:
      return t('errors.notFound');
    case e.status === 409:
      return t('errors.conflict');
    case e.status === 429:
      return e.retryAfter !== undefined
        ? t('errors.rateLimited', { count: e.retryAfter })
        : t('errors.rateLimitedNoTime');
    case e.status >= 500:
      return t('errors.server');
    default: {
      // The server's detail is English; field messages we can translate.
      const fields = Object.values(e.fieldProblems).map((problems) => fieldMessages(t, problems));
      return fields.length ? fields.join(' ') : t('errors.invalid');
    }
  }
}
