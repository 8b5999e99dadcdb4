import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { goalApi, type Goal, type Measurement, type MeasurementRequest } from '../../api/goals';
import type { FieldErrors } from '../../api/problem';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { TextField } from '../../components/fields';
import { useScreenedForm } from '../../components/useScreenedForm';
import { checkNumber, parseNumber } from './numbers';

interface Props {
  goal: Goal;
  /** measurement is the one to correct; without it the form enters a new one. */
  measurement?: Measurement;
  /** today (YYYY-MM-DD) is the latest date a measurement may have. */
  today: string;
  onCancel: () => void;
  onDone: (saved: Goal) => void;
  onStale: () => void;
}

/**
 * MeasurementForm enters a goal's value on a date, or corrects one. It
 * carries the goal's version: a goal and its measurements change as one,
 * so a stale version (409) reloads the goal and says so.
 */
export function MeasurementForm({ goal, measurement: m, today, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const base = m ? `measurement-${m.id}` : `goal-${goal.id}-measurement`;
  const fields = useMemo(
    () => ({
      measured_on: { id: `${base}-date`, label: t('goals.measurement.date') },
      value: { id: `${base}-value`, label: t('goals.measurement.value', { unit: goal.unit }) },
    }),
    [base, goal.unit, t],
  );
  const form = useScreenedForm(fields, { stale: t('goals.stale'), onStale });
  const [date, setDate] = useState(m?.measured_on ?? today);
  const [value, setValue] = useState(m ? String(m.value) : '');
  useEffect(() => {
    if (m) document.getElementById(fields.value.id)?.focus();
  }, [m, fields.value.id]);
  const save = useMutation({
    mutationFn: (body: MeasurementRequest) => (m ? goalApi.patchMeasurement(goal.id, m.id, body) : goalApi.addMeasurement(goal.id, body)),
    onSuccess: (saved) => {
      if (!m) setValue('');
      onDone(saved);
    },
    onError: (e) => form.fromError(e, {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.measured_on = t('fieldErrors.required');
    else if (date > today) errors.measured_on = t('goals.measurement.future');
    const valueError = checkNumber(t, value, true);
    if (valueError) errors.value = valueError;
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    const body: MeasurementRequest = { version: goal.version };
    const v = parseNumber(value)!;
    if (!m || date !== m.measured_on) body.measured_on = date;
    if (!m || v !== m.value) body.value = v;
    if (m && body.measured_on === undefined && body.value === undefined) return form.fail({}, t('goals.measurement.nothing'));
    save.mutate(body);
  };
  const titleId = `${base}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={m ? 3 : 2} id={titleId}>
        {m ? t('goals.measurement.editTitle') : t('goals.measurement.addTitle')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.measured_on.id} type="date" label={fields.measured_on.label} value={date} onChange={setDate} required error={form.errorFor('measured_on')} />
      <TextField id={fields.value.id} label={fields.value.label} value={value} onChange={setValue} required error={form.errorFor('value')} />
      <FormButtons submitLabel={m ? t('form.save') : t('goals.measurement.add')} busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
