import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';

export interface ConfirmButtonProps {
  /** label of the first button, e.g. "Intrekken". */
  label: string;
  /** accessible name of the first button, naming the object, e.g. "Sleutel X intrekken". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  /** danger marks a step that takes something away (default); false for a powerful but harmless one. */
  danger?: boolean;
}

/**
 * ConfirmButton asks once more before a step that cannot be undone or that
 * gives or takes away rights. The page tells the outcome in a StatusMessage.
 */
export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, onConfirm, busy, danger = true }: ConfirmButtonProps) {
  const hint = danger ? 'danger' : undefined;
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
      <Button ref={first} appearance="secondary-action-button" hint={hint} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="leerlus-confirm" role="group" aria-label={question}>
      <span className="leerlus-confirm__question">{question}</span>
      {/* A span, not ButtonGroup (a <p>): ConfirmButton often sits in a ButtonGroup itself. */}
      <span className="utrecht-button-group">
        <Button
          ref={yes}
          appearance="primary-action-button"
          hint={hint}
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
      </span>
    </span>
  );
}
