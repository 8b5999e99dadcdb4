import type { ChangeEvent, ReactNode } from 'react';
import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';

interface BaseFieldProps {
  /** id of the control; the error summary links to it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

/** describedBy names the description and error of a field, for aria-describedby. */
export function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** FieldParts are a field's label, description and error, above its control. */
export function FieldParts({ id, label, description, error }: BaseFieldProps) {
  return (
    <>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
    </>
  );
}

export interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search' | 'url';
  autoComplete?: string;
  readOnly?: boolean;
  min?: number;
  max?: number;
  inputMode?: 'numeric' | 'text' | 'email';
  spellCheck?: boolean;
}

/** TextField is an NLDS form field with a textbox, description and error. */
export function TextField(props: TextFieldProps) {
  const { id, error, description, value, onChange, type = 'text', required, ...rest } = props;
  return (
    <FormField invalid={Boolean(error)} type="text">
      <FieldParts {...props} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={id}
          type={type}
          value={value}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
          autoComplete={rest.autoComplete}
          readOnly={rest.readOnly}
          min={rest.min}
          max={rest.max}
          inputMode={rest.inputMode}
          spellCheck={rest.spellCheck}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      </div>
    </FormField>
  );
}

export interface TextareaFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** TextareaField is an NLDS form field with a multi-line text box. */
export function TextareaField(props: TextareaFieldProps) {
  const { id, error, description, value, onChange, required, rows = 4 } = props;
  return (
    <FormField invalid={Boolean(error)} type="text">
      <FieldParts {...props} />
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={id}
          rows={rows}
          value={value}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
        />
      </div>
    </FormField>
  );
}

export interface SelectFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** groups adds options under headings (optgroup), after `options`. */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  /** emptyLabel adds a first option with the empty value. */
  emptyLabel?: string;
}

/** SelectField is an NLDS form field with a select list. */
export function SelectField(props: SelectFieldProps) {
  const { id, error, description, value, onChange, options, groups = [], emptyLabel, required } = props;
  const list = (opts: SelectFieldProps['options']) =>
    opts.map((o) => (
      <SelectOption key={o.value} value={o.value}>
        {o.label}
      </SelectOption>
    ));
  return (
    <FormField invalid={Boolean(error)} type="text">
      <FieldParts {...props} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={id}
          value={value}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <SelectOption value="">{emptyLabel}</SelectOption>}
          {list(options)}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {list(g.options)}
            </optgroup>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export interface CheckboxFieldProps extends BaseFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** CheckboxField is an NLDS checkbox with its label beside it. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, description, error, checked, onChange } = props;
  return (
    <FormField invalid={Boolean(error)} type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={id}
          checked={checked}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
    </FormField>
  );
}
