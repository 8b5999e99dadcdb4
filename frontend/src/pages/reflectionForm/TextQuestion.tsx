import { useTranslation } from 'react-i18next';
import { ScannedText } from '../caseForm/ScannedText';
import { questionKey, textKey } from './model';
import { scannedProps, type QuestionProps } from './questionProps';
import { langOf, questionWording } from './template';

/** TextQuestion is a question answered in free text, checked as it is typed. */
export function TextQuestion({ form, draft, question: q, perspective, errorFor }: QuestionProps) {
  const { i18n } = useTranslation();
  const w = questionWording(q, perspective, langOf(i18n.language));
  const key = textKey(q.key);
  return (
    <div className="leerlus-question">
      <ScannedText
        {...scannedProps(form, draft, key)}
        id={`text-${q.key}`}
        label={w.text}
        description={w.help || undefined}
        maxLength={2000}
        error={errorFor(key) ?? errorFor(questionKey(q.key))}
      />
    </div>
  );
}
