import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextareaField, TextField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';

export interface WorkplaceValues {
  name: string;
  region: string;
  description: string;
}

export interface WorkplaceFormProps {
  idPrefix: string;
  initial: WorkplaceValues;
  submitLabel: string;
  busy: boolean;
  /** onSubmit sends the values; a rejected promise shows its error in the form. */
  onSubmit: (v: WorkplaceValues) => Promise<unknown>;
  resetOnSuccess?: boolean;
}

/** WorkplaceForm creates or edits a kenniswerkplaats. */
export function WorkplaceForm({ idPrefix, initial, submitLabel, busy, onSubmit, resetOnSuccess }: WorkplaceFormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const fields = useMemo(
    () => ({
      name: { id: `${idPrefix}-name`, label: t('workplaces.name') },
      region: { id: `${idPrefix}-region`, label: t('workplaces.region') },
      description: { id: `${idPrefix}-description`, label: t('workplaces.description') },
    }),
    [t, idPrefix],
  );
  const form = useFormErrors(fields);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!v.name.trim()) errors.name = t('workplaces.nameMissing');
    if (!v.region.trim()) errors.region = t('workplaces.regionMissing');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    try {
      await onSubmit({ name: v.name.trim(), region: v.region.trim(), description: v.description.trim() });
      if (resetOnSuccess) setV(initial);
    } catch (err) {
      form.fromError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.name.id} label={fields.name.label} value={v.name} onChange={(name) => setV({ ...v, name })} error={form.errorFor('name')} required />
      <TextField
        id={fields.region.id}
        label={fields.region.label}
        description={t('workplaces.regionHelp')}
        value={v.region}
        onChange={(region) => setV({ ...v, region })}
        error={form.errorFor('region')}
        required
      />
      <TextareaField
        id={fields.description.id}
        label={fields.description.label}
        value={v.description}
        onChange={(description) => setV({ ...v, description })}
        error={form.errorFor('description')}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
