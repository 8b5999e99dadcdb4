import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import type { FieldProblems } from '../../api/problem';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { errorLookup, missingCounts, openProblems, stepCount } from './problems';
import type { Draft } from './model';
import { SaveStatus } from './SaveStatus';
import { StepContext } from './StepContext';
import { StepNav } from './StepNav';
import { StepOutcome } from './StepOutcome';
import { StepReview } from './StepReview';
import { StepSummary } from './StepSummary';
import { StepTimeline } from './StepTimeline';
import { useCaseDraft } from './useCaseDraft';
import { useVocabulary } from '../../api/vocabulary';
import type { StepProps } from './stepProps';

/** stepFrom reads ?stap= as 1…5 (anything else is step 1), so a reload keeps the step. */
export function stepFrom(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= stepCount ? n : 1;
}

function Editor({ networkId, caseId }: { networkId: string; caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = useCaseDraft(caseId, me.id);
  const { query: vocabQuery, vocabulary: vocab } = useVocabulary();
  const [params] = useSearchParams();
  const step = stepFrom(params.get('stap'));
  const [lastSubmit, setSubmitProblems] = useState<{ problems: FieldProblems; at: Draft | null }>({ problems: {}, at: null });
  const [submitted, setSubmitted] = useState(false);
  const base = `/netwerk/${networkId}/casussen/${caseId}/bewerken`;
  const link = (n: number) => `${base}?stap=${n}`;
  const leave = () => void form.saveNow();
  const navigate = useNavigate();
  // ?stap= changes only the search, not the path, so Layout does not move the focus: the step heading takes it.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current !== step) stepHeading.current?.focus();
    shownStep.current = step;
  }, [step]);
  // The review step says up front what submitting still needs: save, then ask the server.
  // (Once per visit of the step: the hook's functions are new on every render.)
  const ready = Boolean(form.draft);
  const checkMissing = useRef(form.checkMissing);
  checkMissing.current = form.checkMissing;
  useEffect(() => {
    if (ready && step === stepCount) void checkMissing.current();
  }, [ready, step]);
  const go = (n: number) => {
    leave();
    navigate(link(n));
  };

  if (form.query.isError) {
    return (
      <>
        <PageHeading title={t('caseForm.editTitle')} />
        <ErrorState error={form.query.error} onRetry={() => void form.query.refetch()} />
      </>
    );
  }
  if (vocabQuery.isError) return <ErrorState error={vocabQuery.error} onRetry={() => void vocabQuery.refetch()} />;
  const { draft, meta } = form;
  if (!draft || !meta || !vocab) return <Loading />;

  if (submitted) {
    return (
      <>
        <PageHeading title={t('caseForm.review.submittedTitle')} />
        <Alert type="ok" role="status">
          <Paragraph>{t('caseForm.review.submittedText')}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink to={`/netwerk/${networkId}`}>{t('caseForm.review.toNetwork')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (meta.status !== 'draft') {
    return (
      <>
        <PageHeading title={t('caseForm.editTitleNamed', { title: meta.title })} />
        <Paragraph>{t('caseForm.review.notDraft')}</Paragraph>
        <Paragraph>
          <RouterLink to={`/netwerk/${networkId}`}>{t('caseForm.review.toNetwork')}</RouterLink>
        </Paragraph>
      </>
    );
  }

  // Beside the fields: only what a submit refused. In the list on the review step and the count per step: also what the server says is missing.
  const problems = openProblems(lastSubmit.problems, lastSubmit.at, draft);
  const missing = { ...openProblems(form.missing.problems, form.missing.at, draft), ...problems };
  const props: StepProps = { form, draft, vocab, errorFor: errorLookup(t, form.fieldProblems, problems) };
  const name = t(`caseForm.steps.${step}`);
  return (
    <>
      <PageHeading title={`${name} – ${t('caseForm.editTitle')}`}>{t('caseForm.editTitle')}</PageHeading>
      {meta.review_comment && (
        // A note, not an alert: it is there from the start, nothing happened just now.
        <Alert type="warning" role="note">
          <Paragraph>{t('caseForm.review.sentBack')}</Paragraph>
          <Paragraph>
            <strong>{meta.review_comment}</strong>
          </Paragraph>
        </Alert>
      )}
      {form.restored && (
        <Alert type="info">
          <Paragraph>{t('caseForm.save.restored')}</Paragraph>
        </Alert>
      )}
      <Paragraph className="leerlus-shared-note">{t('caseForm.save.sharedComputer')}</Paragraph>
      <StepNav step={step} link={link} onLeave={leave} missing={missingCounts(missing)} />
      <SaveStatus
        save={form.save}
        onKeepMine={() => void form.reload(true)}
        onTakeTheirs={() => void form.reload(false)}
        onRetry={leave}
      />
      <Heading level={2} ref={stepHeading} tabIndex={-1} className="leerlus-page-heading">
        {t('caseForm.stepOf', { step, count: stepCount })}: {name}
      </Heading>
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        {step === 1 && <StepOutcome {...props} />}
        {step === 2 && <StepContext {...props} />}
        {step === 3 && <StepTimeline {...props} />}
        {step === 4 && <StepSummary {...props} />}
        {step === 5 && (
          <StepReview {...props} stepLink={link} problems={missing} tried={lastSubmit.at !== null} onProblems={(p) => setSubmitProblems({ problems: p, at: form.draft })} onSubmitted={() => setSubmitted(true)} />
        )}
      </form>
      <div className="leerlus-step-buttons">
        {step > 1 ? (
          <Button appearance="secondary-action-button" onClick={() => go(step - 1)}>
            {t('caseForm.back')}
          </Button>
        ) : (
          <span />
        )}
        {step < stepCount && (
          <Button appearance="primary-action-button" onClick={() => go(step + 1)}>
            {t('caseForm.next')}
          </Button>
        )}
      </div>
    </>
  );
}

/** CaseForm is where a member writes their draft case, step by step, saved as they type. */
export function CaseForm() {
  const { t } = useTranslation();
  const { id = '', case: caseId = '' } = useParams();
  const me = useMe();
  if (!can(me, 'cases.write', id)) {
    return (
      <>
        <PageHeading title={t('caseForm.editTitle')} />
        <Paragraph>{t('caseForm.review.notAllowed')}</Paragraph>
      </>
    );
  }
  return <Editor key={caseId} networkId={id} caseId={caseId} />;
}

export default CaseForm;
