import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { RouterLink } from '../../components/RouterLink';
import type { FieldProblems } from '../../api/problem';
import { missingPerStep } from './problems';
import { SubmitSummary, useSubmitting } from './SubmitSummary';
import type { StepProps } from './stepProps';

interface ReviewProps extends StepProps {
  stepLink: (step: number) => string;
  /** problems is what submitting still needs: as the server says up front, or as a submit answered */
  problems: FieldProblems;
  /** tried: a submit was refused (the list is an error then, not a reminder) */
  tried: boolean;
  onProblems: (p: FieldProblems) => void;
  onSubmitted: () => void;
}

function Row({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>{value || t('caseForm.review.none')}</dd>
    </>
  );
}

/** StepReview is step 5: everything at a glance, what is still missing per step, and submitting. */
export function StepReview({ form, draft, vocab, stepLink, problems, tried, onProblems, onSubmitted }: ReviewProps) {
  const { t } = useTranslation();
  const { busy, unsaved, error, summary, run } = useSubmitting(form.submit, onProblems, onSubmitted);
  const f = draft.fields;
  const stepName = (n: number) => t(`caseForm.steps.${n}`);
  const period = (y: string, q: string) => (y && q ? `${y}, ${t(`caseForm.fields.quarters.${q}`)}` : '');
  const missing = missingPerStep(t, problems);
  const correcting = form.meta?.status === 'published';

  return (
    <>
      {/* A published case is not submitted: its first saved change sends it to its check. */}
      <Paragraph>{t(correcting ? 'caseForm.correction.reviewIntro' : 'caseForm.review.intro')}</Paragraph>
      <SubmitSummary summary={summary} unsaved={unsaved} unsavedText={t('caseForm.review.unsaved')} error={error}>
        {missing.size > 0 && (
          <Alert type={tried ? 'error' : 'warning'}>
            <Heading level={3} appearance="utrecht-heading-3">
              {t('caseForm.review.missingTitle')}
            </Heading>
            <Paragraph>{t('caseForm.review.missingIntro')}</Paragraph>
            {[...missing.entries()].map(([step, list]) => (
              <div key={step}>
                <Heading level={4} appearance="utrecht-heading-4">
                  <RouterLink to={stepLink(step)}>{t('caseForm.toStep', { step, name: stepName(step) })}</RouterLink>
                </Heading>
                <ul>
                  {list.map((m) => (
                    <li key={m.field}>{m.message}</li>
                  ))}
                </ul>
              </div>
            ))}
          </Alert>
        )}
      </SubmitSummary>
      {[1, 2, 3, 4].map((step) => (
        <section key={step} aria-labelledby={`review-step-${step}`}>
          <Heading level={3} id={`review-step-${step}`}>
            {t('caseForm.stepOf', { step, count: 5 })}: {stepName(step)}
          </Heading>
          <dl className="leerlus-review">
            {step === 1 && (
              <>
                <Row label={t('caseForm.fields.title')} value={f.title} />
                <Row label={t('caseForm.fields.outcome')} value={vocab.label('outcome', f.outcome)} />
                <Row label={t('caseForm.fields.start')} value={period(f.startYear, f.startQuarter)} />
                <Row label={t('caseForm.fields.end')} value={f.ongoing ? t('caseForm.fields.ongoing') : period(f.endYear, f.endQuarter)} />
                <Row label={t('caseForm.fields.duration')} value={vocab.label('duration', f.duration)} />
              </>
            )}
            {step === 2 && (
              <>
                <Row label={t('caseForm.fields.ageBand')} value={vocab.label('age_band', f.age_band)} />
                <Row label={t('caseForm.fields.household')} value={vocab.label('household', f.household)} />
                <Row label={t('caseForm.fields.lifeDomains')} value={f.life_domains.map((c) => vocab.label('life_domain', c)).join(', ')} />
                <Row label={t('caseForm.fields.services')} value={f.services.map((c) => vocab.label('service', c)).join(', ')} />
              </>
            )}
            {step === 3 && (
              <>
                {draft.episodes.map((e, i) => (
                  <Row
                    key={e.id}
                    label={`${t('caseForm.timeline.episode', { n: i + 1 })} (${[vocab.label('phase', e.phase), vocab.label('effect', e.effect)].filter(Boolean).join(', ')})`}
                    value={e.what_happened}
                  />
                ))}
                {draft.episodes.length === 0 && <Row label={t('caseForm.steps.3')} value="" />}
              </>
            )}
            {step === 4 && <Row label={t('caseForm.fields.summary')} value={f.summary} />}
          </dl>
          <Paragraph>
            <RouterLink to={stepLink(step)}>{t('caseForm.toStep', { step, name: stepName(step) })}</RouterLink>
          </Paragraph>
        </section>
      ))}
      {!correcting && (
        <Button appearance="primary-action-button" busy={busy} onClick={() => void run()}>
          {t('caseForm.review.submit')}
        </Button>
      )}
    </>
  );
}
