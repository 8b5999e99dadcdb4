import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { fieldMessages } from '../../api/fieldMessages';
import type { FieldProblems } from '../../api/problem';
import type { TemplateDefinition } from '../../api/templates';
import { requestHeadingFocus } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { SubmitSummary, useSubmitting } from '../caseForm/SubmitSummary';
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
    </>
  );
}
