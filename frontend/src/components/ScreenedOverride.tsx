import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';

/**
 * ScreenedOverride offers, after the anonymiser refused a text, to save it
 * unchanged anyway: for a word that only looks like a name. It shows only
 * while the refused texts are unchanged (`show`).
 */
export function ScreenedOverride({ show, busy, onOverride }: { show: boolean; busy?: boolean; onOverride: () => void }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <div className="leerlus-screened-override">
      <Paragraph>{t('screened.overrideHint')}</Paragraph>
      <Button type="button" appearance="secondary-action-button" busy={busy} onClick={onOverride}>
        {t('screened.override')}
      </Button>
    </div>
  );
}
