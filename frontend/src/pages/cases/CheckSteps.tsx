import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ConfirmButton } from '../../components/ConfirmButton';

/**
 * ReviewSection is a facilitator's part of a page under check (a case, a
 * reflection): its heading, the error of the last step, and the steps.
 */
export function ReviewSection({ id, error, children }: { id: string; error: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="leerlus-case-review leerlus-no-print">
      <Heading level={2} id={id}>
        {t('cases.review.title')}
      </Heading>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {children}
    </section>
  );
}

interface Props {
  /** canCheck: the server says this facilitator may check it now (four eyes). */
  canCheck: boolean;
  /** fourEyes tells why not, before any click. */
  fourEyes: string;
  intro: string;
  /** publish is left out where publishing must wait (a reflection on a case not yet published). */
  publish?: { question: string; busy: boolean; onConfirm: () => void };
  /** sendBackForm renders the form to send it back; `close` closes it again. */
  sendBackForm: (close: () => void) => ReactNode;
}

/**
 * CheckSteps are the four-eyes check of something submitted: publish after
 * a question, or open the form to send it back. Closing the form puts the
 * focus back on the button that opened it (keyboard users).
 */
export function CheckSteps({ canCheck, fourEyes, intro, publish, sendBackForm }: Props) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const sendBackButton = useRef<HTMLButtonElement>(null);
  const wasSending = useRef(false);
  useEffect(() => {
    if (wasSending.current && !sending) sendBackButton.current?.focus();
    wasSending.current = sending;
  }, [sending]);
  // Four eyes, told before the click: the server says whether this
  // facilitator may check it.
  if (!canCheck) return <Paragraph>{fourEyes}</Paragraph>;
  return (
    <>
      <Paragraph>{intro}</Paragraph>
      {(publish || !sending) && (
        <ButtonGroup>
          {publish && (
            <ConfirmButton
              label={t('cases.review.publish')}
              question={publish.question}
              confirmLabel={t('cases.review.publishYes')}
              danger={false}
              busy={publish.busy}
              onConfirm={publish.onConfirm}
            />
          )}
          {!sending && (
            <Button ref={sendBackButton} appearance="secondary-action-button" onClick={() => setSending(true)}>
              {t('cases.review.sendBack')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {sending && sendBackForm(() => setSending(false))}
    </>
  );
}
