import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/problem';
import { describeError } from './errors';

/** Loading tells, politely, that data is on its way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="leerlus-loading">
      {label ?? t('state.loading')}
    </Paragraph>
  );
}

/**
 * retryable tells whether trying again may help: not for answers about the
 * request itself (not found, no access, bad input), but for a lost
 * connection, a server error, a timeout or a rate limit.
 */
export function retryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 0;
}

/** ErrorState shows why data did not load, with a way to try again when that can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!retryable(error)) onRetry = undefined;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{describeError(t, error)}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** Empty tells that a list has nothing in it yet. */
export function Empty({ children }: { children: ReactNode }) {
  return <Paragraph className="leerlus-empty">{children}</Paragraph>;
}

/**
 * StatusMessage is a polite live region that is always on the page, so a
 * screen reader announces the message put in it after an action. (Not an
 * NLDS Alert inside: that is a live region of its own.)
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="leerlus-status">
      {message && <Paragraph className="leerlus-status__message">{message}</Paragraph>}
    </div>
  );
}
