import { useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { requestHeadingFocus } from '../../components/PageHeading';
import { ErrorState } from '../../components/states';

export interface WithdrawProps {
  /** intro says why one would withdraw */
  intro: string;
  label: string;
  question: string;
  confirmLabel: string;
  onWithdraw: () => Promise<unknown>;
}

/**
 * Withdraw takes something handed in (a case, a reflection) back to a
 * draft, after a question. The page changes under the focus then, so the
 * heading takes it; a refusal is shown beside the button.
 */
export function Withdraw({ intro, label, question, confirmLabel, onWithdraw }: WithdrawProps) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await onWithdraw();
      requestHeadingFocus();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>
        <ConfirmButton label={label} question={question} confirmLabel={confirmLabel} danger={false} busy={busy} onConfirm={() => void withdraw()} />
      </Paragraph>
      {Boolean(error) && <ErrorState error={error} />}
    </>
  );
}
