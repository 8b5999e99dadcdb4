import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { SaveState } from './autosave';

export interface SaveStatusProps {
  save: SaveState;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  onRetry: () => void;
}

/**
 * SaveStatus tells whether the text is saved. Saving and saved are shown
 * quietly (they change every few seconds while typing); a refused save is
 * announced, with its reason, and for a conflict the choice what to keep.
 */
export function SaveStatus({ save, onTakeTheirs, onKeepMine, onRetry }: SaveStatusProps) {
  const { t, i18n } = useTranslation();
  const time = save.savedAt
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' }).format(save.savedAt)
    : '';
  const quiet =
    save.status === 'saving'
      ? t('caseForm.save.saving')
      : save.status === 'pending' || (save.status === 'clean' && !time)
        ? save.status === 'pending'
          ? t('caseForm.save.notYet')
          : ''
        : save.status === 'clean'
          ? t('caseForm.save.saved', { time })
          : '';
  const failed = save.status === 'failed' ? t('caseForm.save.failed', { reason: t(`caseForm.save.reasons.${save.reason}`) }) : '';
  return (
    <div className="leerlus-save-status">
      {quiet && <Paragraph className="leerlus-save-status__quiet">{quiet}</Paragraph>}
      <div role="status">
        {failed && (
          <Alert type={save.status === 'failed' && save.reason === 'findings' ? 'warning' : 'error'}>
            <Paragraph>{failed}</Paragraph>
            {save.status === 'failed' && save.reason === 'conflict' && (
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
            {save.status === 'failed' && (save.reason === 'offline' || save.reason === 'error') && (
              <Button appearance="secondary-action-button" onClick={onRetry}>
                {t('caseForm.save.retry')}
              </Button>
            )}
          </Alert>
        )}
      </div>
    </div>
  );
}
