import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { ButtonGroup } from '@utrecht/component-library-react';
import { caseApi } from '../../api/cases';
import { isApiError } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CheckSteps, ReviewSection } from './CheckSteps';
import { SendBackForm } from './SendBackForm';
import { placedMarks } from './highlight';
import { fieldLabel, findingTypeLabel } from './labels';
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
  const [error, setError] = useState<string | null>(null);
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
  // The dismissed findings the facilitator may call real identifiers.
  const dismissed = placedMarks(c)
    .filter((p) => p.mark.kind === 'dismissed')
    .map((p) => ({
      id: p.mark.id,
      label: t('cases.review.realIdentifier', {
        text: p.text,
        type: findingTypeLabel(t, p.mark.type),
        field: fieldLabel(t, p.field, p.episodePosition),
      }),
    }));
  return (
    <ReviewSection id="case-review-title" error={error}>
      {c.status === 'submitted' ? (
        <CheckSteps
          canCheck={c.can_check}
          fourEyes={t('cases.review.fourEyes')}
          intro={t('cases.review.intro')}
          publish={{ question: t('cases.review.publishQuestion'), busy: publish.isPending, onConfirm: () => publish.mutate() }}
          sendBackForm={(close) => (
            <SendBackForm
              send={(comment, real) => caseApi.sendBack(c.id, c.version, comment, real)}
              dismissed={dismissed}
              errorMessage={(e) => reviewErrorMessage(t, e)}
              onCancel={close}
              onSent={onSentBack}
              onStale={() => onChanged(null)}
            />
          )}
        />
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
    </ReviewSection>
  );
}
