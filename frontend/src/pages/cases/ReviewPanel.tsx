import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { caseApi } from '../../api/cases';
import { isApiError } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SendBackForm } from './SendBackForm';
import { reviewErrorMessage } from './reviewErrors';
import type { Case } from '../../api/types';

interface Props {
  c: Case;
  /** onChanged: the case changed (message to announce); the page reloads it. */
  onChanged: (message: string | null) => void;
  /** onSentBack: the case went back to its author, out of the facilitator's sight. */
  onSentBack: () => void;
}

/**
 * ReviewPanel holds a facilitator's steps on a case: publish or send back a
 * submitted case (the four-eyes check), archive a published one. The server
 * decides who may (four eyes); a refusal is told in plain words.
 */
export function ReviewPanel({ c, onChanged, onSentBack }: Props) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Back on the button that opened the form once it closes (keyboard users).
  const sendBackButton = useRef<HTMLButtonElement>(null);
  const wasSending = useRef(false);
  useEffect(() => {
    if (wasSending.current && !sending) sendBackButton.current?.focus();
    wasSending.current = sending;
  }, [sending]);
  const step = (action: 'publish' | 'archive', done: string) =>
    ({
      mutationFn: () => caseApi[action](c.id, c.version),
      onMutate: () => setError(null),
      onSuccess: () => onChanged(done),
      onError: (e: unknown) => {
        setError(reviewErrorMessage(t, e));
        if (isApiError(e) && e.status === 409) onChanged(null);
      },
    }) as const;
  const publish = useMutation(step('publish', t('cases.review.published')));
  const archive = useMutation(step('archive', t('cases.review.archived')));

  if (c.status !== 'submitted' && c.status !== 'published') return null;
  return (
    <section aria-labelledby="case-review-title" className="leerlus-case-review leerlus-no-print">
      <Heading level={2} id="case-review-title">
        {t('cases.review.title')}
      </Heading>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {c.status === 'submitted' && !c.can_check ? (
        // Four eyes, told before the click: the server says whether this
        // facilitator may check the case.
        <Paragraph>{t('cases.review.fourEyes')}</Paragraph>
      ) : c.status === 'submitted' ? (
        <>
          <Paragraph>{t('cases.review.intro')}</Paragraph>
          <ButtonGroup>
            <ConfirmButton
              label={t('cases.review.publish')}
              question={t('cases.review.publishQuestion')}
              confirmLabel={t('cases.review.publishYes')}
              danger={false}
              busy={publish.isPending}
              onConfirm={() => publish.mutate()}
            />
            {!sending && (
              <Button ref={sendBackButton} appearance="secondary-action-button" onClick={() => setSending(true)}>
                {t('cases.review.sendBack')}
              </Button>
            )}
          </ButtonGroup>
          {sending && (
            <SendBackForm c={c} onCancel={() => setSending(false)} onSent={onSentBack} onStale={() => onChanged(null)} />
          )}
        </>
      ) : (
        <ButtonGroup>
          <ConfirmButton
            label={t('cases.review.archive')}
            question={t('cases.review.archiveQuestion')}
            confirmLabel={t('cases.review.archiveYes')}
            busy={archive.isPending}
            onConfirm={() => archive.mutate()}
          />
        </ButtonGroup>
      )}
    </section>
  );
}
