import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import type { FieldProblems } from '../../api/problem';
import { PageHeading, requestHeadingFocus } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { errorLookup, missingCounts, openProblems, stepCount } from './problems';
import { hasChanges, type Draft } from './model';
import { SaveStatus } from './SaveStatus';
import { StepContext } from './StepContext';
import { StepButtons, StepNav, useStepHeading } from './StepNav';
import { StepOutcome } from './StepOutcome';
import { StepReview } from './StepReview';
import { StepSummary } from './StepSummary';
import { DraftNotes } from './DraftNotes';
import { Withdraw } from './Withdraw';
import { StepTimeline } from './StepTimeline';
import { useCaseDraft, type CaseDraft } from './useCaseDraft';
import { useVocabulary } from '../../api/vocabulary';
import type { StepProps } from './stepProps';

/** stepFrom reads ?stap= as 1…5 (anything else is step 1), so a reload keeps the step. */
export function stepFrom(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= stepCount ? n : 1;
}

/** CorrectState is the router state the case page sends when the author confirmed a correction. */
export interface CorrectState {
  correct?: boolean;
}

/**
 * Waiting is the form of a case that waits for its check (submitted, or a
 * correction of a published case): nothing can change until the author
 * withdraws it, which makes it a draft again.
 */
function Waiting({ form, networkId, moved }: { form: CaseDraft; networkId: string; moved: boolean }) {
  const { t } = useTranslation();
  const meta = form.meta!;
  // The case moved to its check during this visit (the first save of a correction): the field with the focus is gone.
  useEffect(() => {
    if (moved) requestHeadingFocus();
  }, [moved]);
  return (
    <>
      <PageHeading title={t('caseForm.editTitleNamed', { title: meta.title })} />
      <Alert type="info" role="status">
        <Paragraph>
          <strong>{t(meta.correction ? 'caseForm.correction.waitingTitle' : 'caseForm.correction.submittedTitle')}</strong>
        </Paragraph>
        <Paragraph>{t(meta.correction ? 'caseForm.correction.waiting' : 'caseForm.correction.submitted')}</Paragraph>
      </Alert>
      {form.draft && hasChanges(form.draft) && <Paragraph>{t('caseForm.correction.unsavedRest')}</Paragraph>}
      <Withdraw
        intro={t('caseForm.correction.withdrawIntro')}
        label={t('caseForm.correction.withdraw')}
        question={t('caseForm.correction.withdrawQuestion')}
        confirmLabel={t('caseForm.correction.withdrawYes')}
        onWithdraw={form.withdraw}
      />
      <Paragraph>
        <RouterLink to={`/netwerk/${networkId}`}>{t('caseForm.review.toNetwork')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** ConfirmCorrection asks the author of a published case whether they want to correct it, before anything is saved. */
function ConfirmCorrection({ form, networkId }: { form: CaseDraft; networkId: string }) {
  const { t } = useTranslation();
  const meta = form.meta!;
  return (
    <>
      <PageHeading title={t('caseForm.editTitleNamed', { title: meta.title })} />
      <Alert type="warning" role="note">
        <Paragraph>
          <strong>{t('caseForm.correction.published')}</strong>
        </Paragraph>
        <Paragraph>{t('caseForm.correction.explain')}</Paragraph>
      </Alert>
      <Paragraph>{t('caseForm.correction.question')}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          onClick={() => {
            form.startCorrection();
            requestHeadingFocus();
          }}
        >
          {t('caseForm.correction.yes')}
        </Button>
        <RouterLink to={`/netwerk/${networkId}/casussen/${meta.id}`}>{t('caseForm.correction.no')}</RouterLink>
      </ButtonGroup>
    </>
  );
}

function Editor({ networkId, caseId }: { networkId: string; caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const confirmed = (location.state as CorrectState | null)?.correct === true;
  const form = useCaseDraft(caseId, me.id, confirmed);
  const { query: vocabQuery, vocabulary: vocab } = useVocabulary();
  const [params] = useSearchParams();
  const step = stepFrom(params.get('stap'));
  const [lastSubmit, setSubmitProblems] = useState<{ problems: FieldProblems; at: Draft | null }>({ problems: {}, at: null });
  const [submitted, setSubmitted] = useState(false);
  const base = `/netwerk/${networkId}/casussen/${caseId}/bewerken`;
  const link = (n: number) => `${base}?stap=${n}`;
  const leave = () => void form.saveNow();
  const navigate = useNavigate();
  const stepHeading = useStepHeading(step);
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
  if (meta.mine && meta.status === 'submitted') {
    return <Waiting form={form} networkId={networkId} moved={form.query.data?.status !== 'submitted'} />;
  }
  if (meta.mine && meta.status === 'published' && !form.correcting) return <ConfirmCorrection form={form} networkId={networkId} />;
  const correcting = meta.status === 'published';
  if (meta.status !== 'draft' && !correcting) {
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
      {correcting && (
        // A note, not an alert: the author chose this just now, it does not change by itself.
        <Alert type="warning" role="note">
          <Paragraph>
            <strong>{t('caseForm.correction.notice')}</strong>
          </Paragraph>
          <Paragraph>{t('caseForm.correction.explain')}</Paragraph>
        </Alert>
      )}
      <DraftNotes sentBack={t('caseForm.review.sentBack')} comment={meta.review_comment} restored={form.restored} />
      <StepNav
        names={Array.from({ length: stepCount }, (_, i) => t(`caseForm.steps.${i + 1}`))}
        label={t('caseForm.stepsLabel')}
        step={step}
        link={link}
        onLeave={leave}
        missing={missingCounts(missing)}
      />
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
      <StepButtons step={step} count={stepCount} go={go} />
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
