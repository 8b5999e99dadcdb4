import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { ConfirmButton } from '../../components/ConfirmButton';

/**
 * RemoveButton removes an entry or a lesson: at once while it is blank,
 * after a question once something was typed or chosen in it.
 */
export function RemoveButton({ blank, name, question, onRemove }: { blank: boolean; name: string; question: string; onRemove: () => void }) {
  const { t } = useTranslation();
  if (blank) {
    return (
      <Button appearance="secondary-action-button" aria-label={name} onClick={onRemove}>
        {t('caseForm.timeline.remove')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      label={t('caseForm.timeline.remove')}
      accessibleLabel={name}
      question={question}
      confirmLabel={t('caseForm.timeline.removeYes')}
      onConfirm={onRemove}
    />
  );
}
