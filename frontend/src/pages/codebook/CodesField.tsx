import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { SelectField } from '../../components/fields';
import { codeLabel } from '../reflections/labels';
import { codeGroups, codesById } from './codes';
import type { Codebook } from '../../api/codebookAdmin';
import type { CodeRef } from '../../api/reflections';

interface Props {
  /** id of the select that adds a code; the error summary links to it. */
  id: string;
  legend: string;
  description?: string;
  error?: string | undefined;
  codebook: Codebook | undefined;
  /** value holds code ids, in the order chosen. */
  value: string[];
  onChange: (ids: string[]) => void;
  /** known names codes the codebook may not hold any more (a lesson's codes as the server sent them). */
  known?: readonly CodeRef[];
  max?: number;
}

/**
 * CodesField chooses up to `max` codes of the network's codebook: the
 * chosen ones as a list, each with a button to take it away, and a select
 * grouped by theme (a native select, so it works by keyboard and screen
 * reader everywhere) with a button to add the code chosen. Only codes in
 * use are offered.
 */
export function CodesField({ id, legend, description, error, codebook, value, onChange, known = [], max = 5 }: Props) {
  const { t, i18n } = useTranslation();
  const [pick, setPick] = useState('');
  const index = codesById(codebook);
  const name = (codeId: string) => {
    const c = index.get(codeId)?.code ?? known.find((k) => k.id === codeId);
    if (!c) return codeId;
    return codeLabel(c, i18n.language) + (c.retired ? ` (${t('codebook.retired')})` : '');
  };
  const groups = codeGroups(codebook, i18n.language, (c) => c.offered && !value.includes(c.id));
  const add = () => {
    if (pick && !value.includes(pick)) onChange([...value, pick]);
    setPick('');
  };
  const hintId = `${id}-codes-hint`;
  return (
    <Fieldset className="leerlus-codes-field" invalid={Boolean(error)} aria-describedby={description ? hintId : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={hintId}>{description}</FormFieldDescription>}
      {value.length === 0 ? (
        <p className="leerlus-empty">{t('codebook.field.none')}</p>
      ) : (
        <ul className="leerlus-codes-field__list">
          {value.map((codeId) => (
            <li key={codeId} className="leerlus-codes-field__item">
              <span className="leerlus-code-tag">{name(codeId)}</span>
              <Button
                type="button"
                appearance="subtle-button"
                aria-label={t('codebook.field.removeNamed', { code: name(codeId) })}
                onClick={() => onChange(value.filter((x) => x !== codeId))}
              >
                {t('codebook.field.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {value.length < max ? (
        <div className="leerlus-codes-field__add">
          <SelectField id={id} label={t('codebook.field.add')} value={pick} onChange={setPick} emptyLabel={t('form.choose')} options={[]} groups={groups} />
          <Button type="button" appearance="secondary-action-button" onClick={add}>
            {t('codebook.field.addButton')}
          </Button>
        </div>
      ) : (
        <p className="leerlus-empty">{t('codebook.field.full', { count: max })}</p>
      )}
    </Fieldset>
  );
}
