import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { FieldProblems } from '../../api/problem';
import type { Reflection } from '../../api/reflectionWrite';
import type { Template, TemplateQuestion } from '../../api/templates';
import type { Episode } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { DraftNotes } from '../caseForm/DraftNotes';
import { errorLookup } from '../caseForm/problems';
import { SaveStatus } from '../caseForm/SaveStatus';
import { StepButtons, StepNav, useStepHeading } from '../caseForm/StepNav';
import { Handed } from './Handed';
import { ItemsQuestion } from './ItemsQuestion';
import { LessonsQuestion } from './LessonsQuestion';
import { questionKey, unanswered, type ReflectionDraft } from './model';
import type { QuestionProps } from './questionProps';
import { RatingQuestion } from './RatingQuestion';
import { SubmitStep } from './SubmitStep';
import { langOf, stepOfQuestion, wordingOf } from './template';
import { TextQuestion } from './TextQuestion';
import { useReflectionDraft } from './useReflectionDraft';

/** stepIn reads ?stap= as 1…count (anything else is step 1), so a reload keeps the step. */
export function stepIn(value: string | null, count: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= count ? n : 1;
}

/** openQuestions keeps what submitting said is missing for the questions still unanswered. */
export function openQuestions(problems: FieldProblems, draft: ReflectionDraft, def: Template['definition']): FieldProblems {
  const still = new Set(unanswered(draft, def).map(questionKey));
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !field.startsWith('question:') || still.has(field)));
}

function Question(props: QuestionProps) {
  switch (props.question.type) {
    case 'items':
      return <ItemsQuestion {...props} />;
    case 'lessons':
      return <LessonsQuestion {...props} />;
    case 'rating':
      return <RatingQuestion {...props} />;
    default:
      return <TextQuestion {...props} />;
  }
}

export interface ReflectionEditorProps {
  reflection: Reflection;
  template: Template;
  personId: string;
  caseTitle?: string | undefined;
  episodes?: readonly Episode[] | undefined;
}

/**
 * ReflectionEditor is the reflection form, rendered from the template
 * version the reflection is written with: each section a step (with the
 * wording of the author's perspective), then a step to check and submit.
 */
export function ReflectionEditor({ reflection, template, personId, caseTitle, episodes = [] }: ReflectionEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const def = template.definition;
  const form = useReflectionDraft(reflection, def, personId);
  const { meta, draft } = form;
  const networkId = meta.network_id;
  const count = def.sections.length + 1;
  const [params] = useSearchParams();
  const step = stepIn(params.get('stap'), count);
  const navigate = useNavigate();
  const heading = useStepHeading(step);
  const [submitProblems, setSubmitProblems] = useState<FieldProblems>({});
  const base = `/netwerk/${networkId}/casussen/${meta.case_id}/reflectie`;
  const link = (n: number) => `${base}?stap=${n}`;
  const leave = () => void form.saveNow();
  const go = (n: number) => {
    leave();
    navigate(link(n));
  };

  if (meta.status !== 'draft') return <Handed form={form} title={def[lang]} caseTitle={caseTitle} />;

  const open = openQuestions(submitProblems, draft, def);
  const missing = new Map<number, number>();
  for (const field of Object.keys(open)) {
    const n = field.startsWith('question:') ? stepOfQuestion(def, field.slice('question:'.length)) : 0;
    if (n) missing.set(n, (missing.get(n) ?? 0) + 1);
  }
  const names = [...def.sections.map((s) => wordingOf(s, lang).text), t('reflectionForm.submitStep')];
  const name = names[step - 1]!;
  const section = def.sections[step - 1];
  const props = (question: TemplateQuestion): QuestionProps => ({
    form,
    draft,
    def,
    question,
    perspective: meta.perspective,
    networkId,
    episodes,
    errorFor: errorLookup(t, form.fieldProblems, open),
  });
  return (
    <>
      <PageHeading title={`${name} – ${def[lang]}`}>{def[lang]}</PageHeading>
      {caseTitle && <Paragraph className="leerlus-reflection__case">{t('reflectionForm.about', { title: caseTitle })}</Paragraph>}
      <Paragraph>{t('reflectionForm.perspective', { perspective: t(`perspectives.${meta.perspective}`) })}</Paragraph>
      <DraftNotes sentBack={t('reflectionForm.sentBack')} comment={meta.review_comment} restored={form.restored} />
      <StepNav names={names} label={t('reflectionForm.stepsLabel')} step={step} link={link} onLeave={leave} missing={missing} />
      <SaveStatus
        save={form.save}
        onKeepMine={() => void form.reload(true)}
        onTakeTheirs={() => void form.reload(false)}
        onRetry={leave}
        context="reflection"
      />
      <Heading level={2} ref={heading} tabIndex={-1} className="leerlus-page-heading">
        {t('caseForm.stepOf', { step, count })}: {name}
      </Heading>
      {step === 1 && <Paragraph>{lang === 'en' ? def.intro_en : def.intro_nl}</Paragraph>}
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        {section ? (
          <>
            {wordingOf(section, lang).help && <Paragraph>{wordingOf(section, lang).help}</Paragraph>}
            {section.questions.map((q) => (
              <Question key={q.key} {...props(q)} />
            ))}
          </>
        ) : (
          <SubmitStep form={form} def={def} names={names} link={link} problems={open} onProblems={setSubmitProblems} />
        )}
      </form>
      <StepButtons step={step} count={count} go={go} />
    </>
  );
}
