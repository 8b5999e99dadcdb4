import { useTranslation } from 'react-i18next';
import { FormFieldErrorMessage, Heading, Paragraph } from '@utrecht/component-library-react';
import type { QuestionProps } from './questionProps';
import { langOf, questionWording } from './template';

/**
 * QuestionHeading is a list question's heading, worded for the author's
 * perspective, with its help and what submitting said is missing.
 */
export function QuestionHeading({ question: q, perspective, error }: Pick<QuestionProps, 'question' | 'perspective'> & { error?: string | undefined }) {
  const { i18n } = useTranslation();
  const w = questionWording(q, perspective, langOf(i18n.language));
  return (
    <>
      <Heading level={3} id={`${q.key}-heading`}>
        {w.text}
      </Heading>
      {w.help && <Paragraph className="leerlus-question__help">{w.help}</Paragraph>}
      {error && <FormFieldErrorMessage id={`${q.key}-error`}>{error}</FormFieldErrorMessage>}
    </>
  );
}
