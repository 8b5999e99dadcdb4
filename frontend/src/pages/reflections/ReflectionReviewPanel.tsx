import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { reflectionApi, type Reflection } from '../../api/reflections';
import { isApiError } from '../../api/problem';
import { CheckSteps, ReviewSection } from '../cases/CheckSteps';
import { SendBackForm } from '../cases/SendBackForm';
import { reviewErrorMessage, type ReviewWords } from '../cases/reviewErrors';

interface Props {
  r: Reflection;
  /** casePublished: a reflection is published with or after its case, never before it. */
  casePublished: boolean;
  /** onChanged: the reflection changed (message to announce); the page reloads it. */
  onChanged: (message: string | null) => void;
  /** onSentBack: the reflection went back to its author, out of the facilitator's sight. */
  onSentBack: () => void;
}

/**
 * ReflectionReviewPanel is a facilitator's four-eyes check of a submitted
 * reflection: publish it (once its case is published), or send it back
 * with a comment. A facilitator who wrote or last changed it is told so
 * before any click.
 */
export function ReflectionReviewPanel({ r, casePublished, onChanged, onSentBack }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const words: ReviewWords = { fourEyes: t('reflections.review.fourEyes'), stale: t('reflections.review.stale') };
  const failed = (e: unknown) => {
    setError(reviewErrorMessage(t, e, words));
    if (isApiError(e) && e.status === 409) onChanged(null);
  };
  const publish = useMutation({
    mutationFn: () => reflectionApi.publish(r.id, r.version),
    onMutate: () => setError(null),
    onSuccess: () => onChanged(t('reflections.review.published')),
    onError: failed,
  });
  return (
    <ReviewSection id="reflection-review-title" error={error}>
      {r.status === 'submitted' ? (
        <CheckSteps
          canCheck={r.can_check}
          fourEyes={words.fourEyes}
          intro={casePublished ? t('reflections.review.intro') : t('reflections.review.caseFirst')}
          {...(casePublished
            ? { publish: { question: t('reflections.review.publishQuestion'), busy: publish.isPending, onConfirm: () => publish.mutate() } }
            : {})}
          sendBackForm={(close) => (
            <SendBackForm
              send={(comment) => reflectionApi.sendBack(r.id, r.version, comment)}
              dismissed={[]}
              errorMessage={(e) => reviewErrorMessage(t, e, words)}
              onCancel={close}
              onSent={onSentBack}
              onStale={() => onChanged(null)}
            />
          )}
        />
      ) : (
        <Paragraph>{t(`reflections.review.is.${r.status}`)}</Paragraph>
      )}
    </ReviewSection>
  );
}
