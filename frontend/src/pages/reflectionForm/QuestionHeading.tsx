import { useTranslation } from 'react-i18next';
import { FormFieldErrorMessage, Heading, Paragraph } from '@utrecht/component-library-react';
import type { QuestionProps } from './questionProps';
import { langOf, questionWording, type Lang } from './template';

interface Props extends Pick<QuestionProps, 'question' | 'perspective'> {
  error?: string | undefined;
  /** lang is the form's language; the UI's when not given (the template page previews either). */
  lang?: Lang;
  level?: 3 | 4;
}

/**
 * QuestionHeading is a list question's heading, worded for the author's
 * perspective, with its help and what submitting said is missing.
 */
export function QuestionHeading({ question: q, perspective, error, lang, level = 3 }: Props) {
  const { i18n } = useTranslation();
  const w = questionWording(q, perspective, lang ?? langOf(i18n.language));
  return (
    <>
      <Heading level={level} id={`${q.key}-heading`}>
        {w.text}
      </Heading>
      {w.help && <Paragraph className="leerlus-question__help">{w.help}</Paragraph>}
      {error && <FormFieldErrorMessage id={`${q.key}-error`}>{error}</FormFieldErrorMessage>}
    </>
  );
}
