import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { RadioGroup } from '../caseForm/ChoiceFields';
import { ratingKey, setRating } from './model';
import type { QuestionProps } from './questionProps';
import { langOf, questionWording } from './template';

/** ratingScale is the fixed scale of rating questions (the template's rating_scale). */
export const ratingScale = [1, 2, 3, 4, 5] as const;

/**
 * RatingQuestion is an optional score from 1 to 5, as radio buttons with
 * words at every step, and a button to take the answer back.
 */
export function RatingQuestion({ form, draft, question: q, perspective, errorFor }: QuestionProps) {
  const { t, i18n } = useTranslation();
  const w = questionWording(q, perspective, langOf(i18n.language));
  const value = draft.ratings[q.key] ?? null;
  const id = `rating-${q.key}`;
  return (
    <div className="leerlus-question leerlus-rating">
      <RadioGroup
        id={id}
        legend={w.text}
        description={w.help || undefined}
        error={errorFor(ratingKey(q.key))}
        options={ratingScale.map((n) => ({ value: String(n), label: t(`reflectionForm.rating.${n}`) }))}
        value={value === null ? '' : String(value)}
        onChange={(v) => form.change((d) => setRating(d, q.key, Number(v)))}
      />
      {value !== null && (
        <Button
          appearance="subtle-button"
          aria-label={t('reflectionForm.rating.clearNamed', { question: w.text })}
          onClick={() => {
            form.change((d) => setRating(d, q.key, null));
            document.getElementById(`${id}-1`)?.focus();
          }}
        >
          {t('reflectionForm.rating.clear')}
        </Button>
      )}
    </div>
  );
}
