import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import type { CodingEffect } from '../../api/reflectionWrite';
import { RadioGroup } from '../caseForm/ChoiceFields';
import { labelOf } from './codeSearch';
import type { CodeChoice, ItemCoding } from './model';
import { langOf } from './template';

export interface CodeTagsProps<C extends CodeChoice> {
  /** id names the list; each tag's controls are named after it */
  id: string;
  /** label names the list for screen readers ("Gekozen thema's bij punt 1") */
  label: string;
  codes: readonly C[];
  onRemove: (codeId: string) => void;
  /** onEffect, when given, asks per code whether it helped or hindered (entries; not lessons) */
  onEffect?: (codeId: string, effect: CodingEffect) => void;
}

/**
 * CodeTags shows the chosen codes as tags, each with a button to take it
 * off and, for an entry, a choice between hielp and hinderde.
 */
export function CodeTags<C extends CodeChoice>({ id, label, codes, onRemove, onEffect }: CodeTagsProps<C>) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  if (codes.length === 0) return null;
  const effects = [
    { value: 'helped', label: t('reflectionForm.effect.helped') },
    { value: 'hindered', label: t('reflectionForm.effect.hindered') },
  ];
  return (
    <ul id={id} aria-label={label} className="leerlus-code-tags">
      {codes.map((c) => {
        const name = labelOf(c, lang);
        const effect = (c as Partial<ItemCoding>).effect;
        return (
          <li key={c.id} className="leerlus-code-tag">
            {onEffect && effect ? (
              <RadioGroup
                id={`${id}-${c.id}-effect`}
                legend={name}
                options={effects}
                value={effect}
                onChange={(v) => onEffect(c.id, v as CodingEffect)}
              />
            ) : (
              <span className="leerlus-code-tag__label">{name}</span>
            )}
            <Button
              id={`${id}-${c.id}-remove`}
              appearance="subtle-button"
              aria-label={t('reflectionForm.tags.removeNamed', { code: name })}
              onClick={() => onRemove(c.id)}
            >
              {t('reflectionForm.tags.remove')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
