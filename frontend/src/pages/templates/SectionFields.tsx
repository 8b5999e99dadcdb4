import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, FormFieldErrorMessage, Heading } from '@utrecht/component-library-react';
import type { TemplateSection } from '../../api/templates';
import { holdsCore, pointer } from './model';
import type { EditorProps } from './editorProps';
import { QuestionFields } from './QuestionFields';
import { WordingFields } from './WordingFields';

/**
 * SectionFields edit one section (a step of the form on a phone): its
 * heading and help, its questions, and buttons to add a free question or
 * remove the section (not one that holds a core question).
 */
export function SectionFields({ s, section, edit }: { s: number; section: TemplateSection; edit: EditorProps }) {
  const { t } = useTranslation();
  const name = section.nl || t('templates.section.unnamed');
  const titleId = `tpl-s${s}-title`;
  const error = edit.errorFor(pointer({ s }, 'questions')) ?? edit.errorFor(pointer({ s }, 'key'));
  return (
    <section className="leerlus-template-section" aria-labelledby={titleId}>
      <Heading level={2} id={titleId}>
        {t('templates.section.title', { n: s + 1, name })}
      </Heading>
      {error && <FormFieldErrorMessage>{error}</FormFieldErrorMessage>}
      <WordingFields path={{ s }} kind="section" value={section} edit={edit} />
      {section.questions.map((question, q) => (
        <QuestionFields key={`${question.key}-${q}`} s={s} q={q} question={question} edit={edit} />
      ))}
      <ButtonGroup>
        <Button appearance="secondary-action-button" aria-label={t('templates.section.addTextNamed', { section: name })} onClick={() => edit.addQuestion(s, 'text')}>
          {t('templates.section.addText')}
        </Button>
        <Button appearance="secondary-action-button" aria-label={t('templates.section.addRatingNamed', { section: name })} onClick={() => edit.addQuestion(s, 'rating')}>
          {t('templates.section.addRating')}
        </Button>
        {!holdsCore(section, edit.template.core_questions) && (
          <Button appearance="subtle-button" aria-label={t('templates.section.removeNamed', { section: name })} onClick={() => edit.removeSection(s)}>
            {t('templates.section.remove')}
          </Button>
        )}
      </ButtonGroup>
    </section>
  );
}
