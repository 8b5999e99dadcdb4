import type { ChangeEvent } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import type { Option } from '../../api/vocabulary';

interface GroupProps {
  id: string;
  legend: string;
  description?: string;
  error?: string | undefined;
  options: Option[];
}

function GroupParts({ id, description, error }: Pick<GroupProps, 'id' | 'description' | 'error'>) {
  return (
    <>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

function describedBy(id: string, description?: string, error?: string) {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** RadioGroup is a fieldset of radio buttons: easier to read than a list box for a few choices. */
export function RadioGroup({ id, legend, description, error, options, value, onChange }: GroupProps & { value: string; onChange: (v: string) => void }) {
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <GroupParts id={id} description={description} error={error} />
      {options.map((o) => (
        <FormField key={o.value} type="radio">
          <div className="utrecht-form-field__input">
            <RadioButton
              id={`${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={(e: ChangeEvent<HTMLInputElement>) => e.target.checked && onChange(o.value)}
            />
          </div>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={`${id}-${o.value}`} type="radio" checked={value === o.value}>
              {o.label}
            </FormLabel>
          </div>
        </FormField>
      ))}
    </Fieldset>
  );
}

/** CheckboxGroup is a fieldset of checkboxes for choosing several codes of a list. */
export function CheckboxGroup({ id, legend, description, error, options, value, onChange }: GroupProps & { value: string[]; onChange: (v: string[]) => void }) {
  const toggle = (code: string, on: boolean) =>
    onChange(on ? options.map((o) => o.value).filter((c) => c === code || value.includes(c)) : value.filter((c) => c !== code));
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <GroupParts id={id} description={description} error={error} />
      {options.map((o) => (
        <FormField key={o.value} type="checkbox">
          <div className="utrecht-form-field__input">
            <Checkbox
              id={`${id}-${o.value}`}
              name={id}
              checked={value.includes(o.value)}
              onChange={(e: ChangeEvent<HTMLInputElement>) => toggle(o.value, e.target.checked)}
            />
          </div>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={`${id}-${o.value}`} type="checkbox" checked={value.includes(o.value)}>
              {o.label}
            </FormLabel>
          </div>
        </FormField>
      ))}
    </Fieldset>
  );
}
