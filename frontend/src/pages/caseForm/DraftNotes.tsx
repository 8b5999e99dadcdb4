import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';

export interface DraftNotesProps {
  /** sentBack introduces the facilitator's comment on a draft sent back ("De facilitator heeft … teruggestuurd") */
  sentBack: string;
  comment?: string | undefined;
  /** restored: text from an earlier visit was put back from this device */
  restored: boolean;
}

/**
 * DraftNotes are the notes above a draft being written: the facilitator's
 * comment when it was sent back, that unsaved text was put back, and that
 * a shared computer keeps text until sign-out.
 */
export function DraftNotes({ sentBack, comment, restored }: DraftNotesProps) {
  const { t } = useTranslation();
  return (
    <>
      {comment && (
        // A note, not an alert: it is there from the start, nothing happened just now.
        <Alert type="warning" role="note">
          <Paragraph>{sentBack}</Paragraph>
          <Paragraph>
            <strong>{comment}</strong>
          </Paragraph>
        </Alert>
      )}
      {restored && (
        <Alert type="info">
          <Paragraph>{t('caseForm.save.restored')}</Paragraph>
        </Alert>
      )}
      <Paragraph className="leerlus-shared-note">{t('caseForm.save.sharedComputer')}</Paragraph>
    </>
  );
}
