import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextareaField, TextField } from '../../components/fields';
import { useFormErrors } from '../../components/useForm';

export interface NetworkValues {
  name: string;
  description: string;
}

/** NetworkForm creates or edits a leernetwerk. */
export function NetworkForm(props: {
  idPrefix: string;
  initial: NetworkValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (v: NetworkValues) => Promise<unknown>;
  resetOnSuccess?: boolean;
}) {
  const { idPrefix, initial, submitLabel, busy, onSubmit, resetOnSuccess } = props;
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const fields = useMemo(
    () => ({
      name: { id: `${idPrefix}-name`, label: t('networks.name') },
      description: { id: `${idPrefix}-description`, label: t('networks.description') },
    }),
    [t, idPrefix],
  );
  const form = useFormErrors(fields);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) return form.fail({ name: t('networks.nameMissing') });
    form.clear();
    try {
      await onSubmit({ name: v.name.trim(), description: v.description.trim() });
      if (resetOnSuccess) setV(initial);
    } catch (err) {
      form.fromError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.name.id} label={fields.name.label} value={v.name} onChange={(name) => setV({ ...v, name })} error={form.errorFor('name')} required />
      <TextareaField
        id={fields.description.id}
        label={fields.description.label}
        description={t('networks.descriptionHelp')}
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
