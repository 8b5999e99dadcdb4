import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { fieldMessages } from '../../api/fieldMessages';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorState } from '../../components/states';
import type { FieldProblems } from '../../api/problem';
import type { TemplateDefinition } from '../../api/templates';
import { requestHeadingFocus } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { SubmitSummary, useSubmitting } from '../caseForm/SubmitSummary';
import { casePath } from '../cases/paths';
import { questionKey, unanswered } from './model';
import { langOf, questionByKey, questionWording, stepOfQuestion } from './template';
import type { ReflectionForm } from './useReflectionDraft';

interface SubmitStepProps {
  form: ReflectionForm;
  def: TemplateDefinition;
  /** names are the steps' names */
  names: readonly string[];
  link: (step: number) => string;
  /** problems is what the last submit said is still missing (the questions still unanswered) */
  problems: FieldProblems;
  onProblems: (p: FieldProblems) => void;
}

/**
 * SubmitStep is the last step: what required questions are still
 * unanswered (as a reminder, or as the error of a refused submit, each
 * with a link to its step), and submitting.
 */
export function SubmitStep({ form, def, names, link, problems, onProblems }: SubmitStepProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [tried, setTried] = useState(false);
  const { busy, unsaved, error, summary, run } = useSubmitting(
    async () => {
      const r = await form.submit();
      setTried(!r.ok);
      return r;
    },
    onProblems,
    requestHeadingFocus,
  );
  const keys = new Set([...unanswered(form.draft, def).map(questionKey), ...Object.keys(problems).filter((k) => k.startsWith('question:'))]);
  const missing = [...keys]
    .map((k) => k.slice('question:'.length))
    .map((key) => ({ key, step: stepOfQuestion(def, key), q: questionByKey(def, key) }))
    .filter((m) => m.q)
    .sort((a, b) => a.step - b.step);

  return (
    <>
      <Paragraph>{t('reflectionForm.submit.intro')}</Paragraph>
      <SubmitSummary summary={summary} unsaved={unsaved} unsavedText={t('reflectionForm.submit.unsaved')} error={error}>
        {missing.length > 0 && (
          <Alert type={tried ? 'error' : 'warning'}>
            <Heading level={3} appearance="utrecht-heading-3">
              {t('caseForm.review.missingTitle')}
            </Heading>
            <ul>
              {missing.map((m) => (
                <li key={m.key}>
                  <RouterLink to={link(m.step)}>{t('caseForm.toStep', { step: m.step, name: names[m.step - 1] })}</RouterLink>
                  {': '}
                  {questionWording(m.q!, form.meta.perspective, lang).text}{' '}
                  {problems[questionKey(m.key)] ? fieldMessages(t, problems[questionKey(m.key)]!) : t('fieldErrors.required')}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </SubmitSummary>
      <Button appearance="primary-action-button" busy={busy} onClick={() => void run()}>
        {t('reflectionForm.submit.button')}
      </Button>
      <DiscardDraft form={form} />
    </>
  );
}

/**
 * DiscardDraft lets the author throw the draft away, after asking once
 * more, and brings them back to the case; they can start again there.
 */
function DiscardDraft({ form }: { form: ReflectionForm }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      await form.discard();
      navigate(casePath({ id: form.meta.case_id, network_id: form.meta.network_id }), { state: { message: t('reflectionForm.discard.done') } });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reflection-discard-title" className="leerlus-reflection__discard">
      <Heading level={3} id="reflection-discard-title">
        {t('reflectionForm.discard.title')}
      </Heading>
      <Paragraph>{t('reflectionForm.discard.intro')}</Paragraph>
      {error !== null && <ErrorState error={error} />}
      <ConfirmButton
        label={t('reflectionForm.discard.button')}
        accessibleLabel={t('reflectionForm.discard.button')}
        question={t('reflectionForm.discard.question')}
        confirmLabel={t('reflectionForm.discard.yes')}
        busy={busy}
        onConfirm={() => void discard()}
      />
    </section>
  );
}
