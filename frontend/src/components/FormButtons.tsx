import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** FormButtons are a form's submit button and a cancel button beside it. */
export function FormButtons({ submitLabel, busy, onCancel }: { submitLabel: string; busy?: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {submitLabel}
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
        {t('form.cancel')}
      </Button>
    </ButtonGroup>
  );
}
