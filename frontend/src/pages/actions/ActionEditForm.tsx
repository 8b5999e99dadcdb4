import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { actionApi, actionKinds, actionPhases, type Action, type ActionEditRequest, type ActionKind, type ActionPhase } from '../../api/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { SelectField, TextField, TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { actionKindLabel, actionPhaseLabel } from './labels';
import { checkActionTexts } from './limits';

interface Props {
  action: Action;
  /** mode: the PDCA phase alone, or the action's fields. */
  mode: 'phase' | 'fields';
  onCancel: () => void;
  onDone: (saved: Action) => void;
  onStale: () => void;
}

/**
 * ActionEditForm changes an action: its PDCA phase, or its title,
 * description, agenda, due date and start date. It sends only what
 * changed, with the version the manager saw; the texts are screened.
 */
export function ActionEditForm({ action: a, mode, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const base = `action-${a.id}-${mode}`;
  const fields = useMemo(
    () => ({
      phase: { id: `${base}-phase`, label: t('actions.form.phase') },
      title: { id: `${base}-title`, label: t('actions.form.title') },
      description: { id: `${base}-description`, label: t('actions.form.description') },
      kind: { id: `${base}-kind`, label: t('actions.form.kind') },
      due_on: { id: `${base}-due`, label: t('actions.form.due') },
      started_on: { id: `${base}-started`, label: t('actions.form.started') },
    }),
    [base, t],
  );
  const form = useScreenedForm(fields, { stale: t('actions.stale'), onStale });
  const [phase, setPhase] = useState<ActionPhase>(a.phase);
  const [title, setTitle] = useState(a.title);
  const [description, setDescription] = useState(a.description);
  const [kind, setKind] = useState<ActionKind>(a.kind);
  const [due, setDue] = useState(a.due_on ?? '');
  const [started, setStarted] = useState(a.started_on ?? '');
  const first = mode === 'phase' ? fields.phase.id : fields.title.id;
  useEffect(() => document.getElementById(first)?.focus(), [first]);

  const save = useMutation({
    mutationFn: (body: ActionEditRequest) => actionApi.patch(a.id, body),
    onSuccess: onDone,
    onError: (e, body) => form.fromError(e, { title: body.title ?? '', description: body.description ?? '' }),
  });
  const texts = { title: title.trim(), description: description.trim() };
  const send = (decisions?: Decisions) => {
    const changes: Omit<ActionEditRequest, 'version'> = {};
    if (mode === 'phase') {
      if (phase !== a.phase) changes.phase = phase;
    } else {
      const errors = checkActionTexts(t, texts);
      if (Object.keys(errors).length) return form.fail(errors);
      if (texts.title !== a.title) changes.title = texts.title;
      if (texts.description !== a.description) changes.description = texts.description;
      if (kind !== a.kind) changes.kind = kind;
      if (due !== (a.due_on ?? '')) changes.due_on = due;
      if (started !== (a.started_on ?? '')) changes.started_on = started;
    }
    if (Object.keys(changes).length === 0) return form.fail({}, t('actions.edit.nothing'));
    form.clear();
    save.mutate({ ...changes, version: a.version, ...decisions });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions(texts);
  const titleId = `${base}-form-title`;
  // The start date only counts once the action is accepted (the effect compares from it).
  const accepted = a.status !== 'proposed';
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {mode === 'phase' ? t('actions.edit.phaseTitle') : t('actions.edit.title')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      {mode === 'phase' ? (
        <SelectField
          id={fields.phase.id}
          label={fields.phase.label}
          description={t('actions.edit.phaseHint')}
          value={phase}
          onChange={(v) => setPhase(v as ActionPhase)}
          options={actionPhases.map((p) => ({ value: p, label: actionPhaseLabel(t, p) }))}
          error={form.errorFor('phase')}
        />
      ) : (
        <>
          <TextField id={fields.title.id} label={fields.title.label} value={title} onChange={setTitle} required error={form.errorFor('title')} />
          <TextareaField id={fields.description.id} label={fields.description.label} value={description} onChange={setDescription} rows={5} error={form.errorFor('description')} />
          <SelectField
            id={fields.kind.id}
            label={fields.kind.label}
            value={kind}
            onChange={(v) => setKind(v as ActionKind)}
            options={actionKinds.map((k) => ({ value: k, label: actionKindLabel(t, k) }))}
            error={form.errorFor('kind')}
          />
          <TextField id={fields.due_on.id} type="date" label={fields.due_on.label} description={t('actions.form.dueClear')} value={due} onChange={setDue} error={form.errorFor('due_on')} />
          {accepted && (
            <TextField
              id={fields.started_on.id}
              type="date"
              label={fields.started_on.label}
              description={t('actions.form.startedHint')}
              value={started}
              onChange={setStarted}
              error={form.errorFor('started_on')}
            />
          )}
        </>
      )}
      <ScreenedOverride show={decisions !== null} busy={save.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={t('form.save')} busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
