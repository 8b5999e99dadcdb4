import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
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

/** ErrorState shows why data did not load, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
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
