import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { goalApi, type Goal, type GoalEditRequest, type GoalRequest } from '../../api/goals';
import type { FieldErrors } from '../../api/problem';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { checkLength } from '../actions/limits';
import { checkNumber, parseNumber } from './numbers';

// The server's limits (GoalRequest).
const nameMin = 3;
const nameMax = 200;
const unitMax = 100;

interface Props {
  networkId: string;
  /** goal is the goal to change; without it the form sets a new one. */
  goal?: Goal;
  onCancel: () => void;
  onDone: (saved: Goal) => void;
  onStale?: () => void;
}

const text = (v: number | undefined) => (v === undefined ? '' : String(v));

/**
 * GoalForm sets a countable goal for the network, or changes one: its
 * name, the unit it counts in, the baseline and the target. The name and
 * unit are screened like every free text.
 */
export function GoalForm({ networkId, goal, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const base = goal ? `goal-${goal.id}-edit` : 'goal-new';
  const fields = useMemo(
    () => ({
      name: { id: `${base}-name`, label: t('goals.form.name') },
      unit: { id: `${base}-unit`, label: t('goals.form.unit') },
      baseline: { id: `${base}-baseline`, label: t('goals.form.baseline') },
      target: { id: `${base}-target`, label: t('goals.form.target') },
    }),
    [base, t],
  );
  const form = useScreenedForm(fields, { stale: t('goals.stale'), onStale });
  const [name, setName] = useState(goal?.name ?? '');
  const [unit, setUnit] = useState(goal?.unit ?? '');
  const [baseline, setBaseline] = useState(text(goal?.baseline));
  const [target, setTarget] = useState(text(goal?.target));
  useEffect(() => document.getElementById(fields.name.id)?.focus(), [fields.name.id]);

  const save = useMutation({
    mutationFn: (body: GoalRequest | GoalEditRequest) =>
      goal ? goalApi.patch(goal.id, body as GoalEditRequest) : goalApi.create(networkId, body as GoalRequest),
    onSuccess: onDone,
    onError: (e, body) => form.fromError(e, { name: body.name ?? '', unit: body.unit ?? '' }),
  });
  const texts = { name: name.trim(), unit: unit.trim() };
  const send = (decisions?: Decisions) => {
    const errors: FieldErrors = {};
    const put = (k: string, m: string | undefined) => {
      if (m) errors[k] = m;
    };
    put('name', checkLength(t, texts.name, nameMin, nameMax));
    put('unit', checkLength(t, texts.unit, 1, unitMax));
    put('baseline', checkNumber(t, baseline, false));
    put('target', checkNumber(t, target, true));
    if (Object.keys(errors).length) return form.fail(errors);
    const values = { ...texts, baseline: parseNumber(baseline), target: parseNumber(target)! };
    form.clear();
    if (!goal) return save.mutate({ ...values, ...decisions });
    const changes: GoalEditRequest = { version: goal.version, ...decisions };
    if (values.name !== goal.name) changes.name = values.name;
    if (values.unit !== goal.unit) changes.unit = values.unit;
    if (values.baseline !== undefined && values.baseline !== goal.baseline) changes.baseline = values.baseline;
    if (values.target !== goal.target) changes.target = values.target;
    save.mutate(changes);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions(texts);
  const titleId = `${base}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={2} id={titleId}>
        {goal ? t('goals.form.editTitle') : t('goals.form.newTitle')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextField id={fields.name.id} label={fields.name.label} description={t('goals.form.nameHint')} value={name} onChange={setName} required error={form.errorFor('name')} />
      <TextField id={fields.unit.id} label={fields.unit.label} description={t('goals.form.unitHint')} value={unit} onChange={setUnit} required error={form.errorFor('unit')} />
      <TextField id={fields.baseline.id} label={fields.baseline.label} description={t('goals.form.baselineHint')} value={baseline} onChange={setBaseline} inputMode="text" error={form.errorFor('baseline')} />
      <TextField id={fields.target.id} label={fields.target.label} value={target} onChange={setTarget} required error={form.errorFor('target')} />
      <ScreenedOverride show={decisions !== null} busy={save.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={goal ? t('form.save') : t('goals.form.create')} busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
