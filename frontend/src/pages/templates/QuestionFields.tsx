import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph } from '@utrecht/component-library-react';
import type { TemplateQuestion } from '../../api/templates';
import { CheckboxField } from '../../components/fields';
import { controlId, pointer } from './model';
import type { EditorProps } from './editorProps';
import { OverrideFields } from './OverrideFields';
import { WordingFields } from './WordingFields';

/**
 * QuestionFields edit one question: its wording and help in both
 * languages, whether it must be answered (never for a rating), and its
 * wordings per perspective. A core question can be reworded but not
 * removed; a free one can be removed.
 */
export function QuestionFields({ s, q, question, edit }: { s: number; q: number; question: TemplateQuestion; edit: EditorProps }) {
  const { t } = useTranslation();
  const core = edit.template.core_questions.includes(question.key);
  const name = question.nl || t('templates.question.unnamed', { n: q + 1 });
  const path = { s, q };
  const problems = ['key', 'type', 'fields', 'overrides'].map((k) => edit.errorFor(pointer(path, k))).filter(Boolean);
  return (
    <Fieldset className="leerlus-template-question">
      <FieldsetLegend>{t('templates.question.legend', { n: q + 1, name })}</FieldsetLegend>
      <Paragraph className="leerlus-template-question__type">
        {t(`templates.question.types.${question.type}`)}
        {core && ` · ${t('templates.question.core')}`}
      </Paragraph>
      {problems.map((p) => (
        <FormFieldErrorMessage key={p}>{p}</FormFieldErrorMessage>
      ))}
      <WordingFields path={path} kind="question" value={question} edit={edit} />
      {question.type !== 'rating' && (
        <CheckboxField
          id={controlId(path, 'required')}
          label={t('templates.question.required')}
          checked={question.required}
          onChange={(v) => edit.setRequired(s, q, v)}
          error={edit.errorFor(pointer(path, 'required'))}
        />
      )}
      <OverrideFields s={s} q={q} question={question} name={name} edit={edit} />
      {!core && (
        <Button appearance="subtle-button" aria-label={t('templates.question.removeNamed', { question: name })} onClick={() => edit.removeQuestion(s, q)}>
          {t('templates.question.remove')}
        </Button>
      )}
    </Fieldset>
  );
}
