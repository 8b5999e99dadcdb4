import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';

export interface ConfirmButtonProps {
  /** label of the first button, e.g. "Intrekken". */
  label: string;
  /** accessible name of the first button, naming the object, e.g. "Sleutel X intrekken". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
}

/** ConfirmButton asks once more before a step that cannot be undone. */
export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, onConfirm, busy }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <Button ref={first} appearance="secondary-action-button" hint="danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="leerlus-confirm" role="group" aria-label={question}>
      <span className="leerlus-confirm__question">{question}</span>
      <ButtonGroup>
        <Button
          ref={yes}
          appearance="primary-action-button"
          hint="danger"
          busy={busy}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setAsking(false)}>
          {t('confirm.no')}
        </Button>
      </ButtonGroup>
    </span>
  );
}
