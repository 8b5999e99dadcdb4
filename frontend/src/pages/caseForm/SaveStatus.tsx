import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { SaveState } from './autosave';

export interface SaveStatusProps {
  save: SaveState;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onRetry: () => void;
  /** context words the reasons for what is saved ("reflection"; a case by default), as an i18next context */
  context?: string;
}

/** quietText is the status shown without announcing it: it changes every few seconds while typing. */
function quietText(save: SaveState, time: string, t: TFunction): string {
  switch (save.status) {
    case 'saving':
      return t('caseForm.save.saving');
    case 'pending':
      return t('caseForm.save.notYet');
    case 'clean':
      return time ? t('caseForm.save.saved', { time }) : '';
    case 'failed':
      // Held back for findings: the text's own live region already says what was found.
      return save.reason === 'findings' ? t('caseForm.save.failed', { reason: t('caseForm.save.reasons.findings') }) : '';
  }
}

/**
 * SaveStatus tells whether the text is saved. Saving and saved are shown
 * quietly; a refused save (other than for findings, which the text's own
 * live region announces) is an alert with its reason, and for a conflict
 * the choice what to keep.
 */
export function SaveStatus({ save, onTakeTheirs, onKeepMine, onRetry, context }: SaveStatusProps) {
  const { t, i18n } = useTranslation();
  const time = save.savedAt
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' }).format(save.savedAt)
    : '';
  const quiet = quietText(save, time, t);
  return (
    <div className="leerlus-save-status">
      {quiet && <Paragraph className="leerlus-save-status__quiet">{quiet}</Paragraph>}
      {save.status === 'failed' && save.reason !== 'findings' && (
        <Alert type="error">
          <Paragraph>{t('caseForm.save.failed', { reason: t(`caseForm.save.reasons.${save.reason}`, { context }) })}</Paragraph>
          {save.reason === 'conflict' && (
            <>
              <Paragraph>{t('caseForm.save.conflictQuestion')}</Paragraph>
              <span className="utrecht-button-group">
                <Button appearance="primary-action-button" onClick={onKeepMine}>
                  {t('caseForm.save.keepMine')}
                </Button>
                <Button appearance="secondary-action-button" onClick={onTakeTheirs}>
                  {t('caseForm.save.takeTheirs')}
                </Button>
              </span>
            </>
          )}
          {(save.reason === 'offline' || save.reason === 'error') && (
            <Button appearance="secondary-action-button" onClick={onRetry}>
              {t('caseForm.save.retry')}
            </Button>
          )}
        </Alert>
      )}
    </div>
  );
}
