import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { recurringApi, type GroupUpdateRequest, type RecurringLessonDetail } from '../../api/recurring';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';

// The server's limits (GroupUpdateRequest).
const limits = { statement: [3, 300], dismiss_reason: [1, 500] } as const;

interface Props {
  group: RecurringLessonDetail;
  /** mode: give the group a name of its own, or set it aside with a reason. */
  mode: 'rename' | 'dismiss';
  onCancel: () => void;
  onDone: (saved: RecurringLessonDetail) => void;
  onStale: () => void;
}

/**
 * GroupTextForm is the one text a facilitator writes about a group: its
 * new name, or why it is set aside. The text is required and screened: a
 * name in it is named back, with "save anyway" for a false alarm.
 */
export function GroupTextForm({ group, mode, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const field = mode === 'rename' ? 'statement' : 'dismiss_reason';
  const fields = useMemo(
    () => ({ [field]: { id: `group-${group.id}-${mode}`, label: mode === 'rename' ? t('recurring.rename.statement') : t('recurring.dismiss.reason') } }),
    [field, group.id, mode, t],
  );
  const form = useScreenedForm(fields, { stale: t('recurring.stale'), onStale });
  const [text, setText] = useState(mode === 'rename' ? group.statement : '');
  const id = fields[field]!.id;
  useEffect(() => document.getElementById(id)?.focus(), [id]);

  const save = useMutation({
    mutationFn: (body: GroupUpdateRequest) => recurringApi.update(group.id, body),
    onSuccess: onDone,
    onError: (e) => form.fromError(e, { [field]: text.trim() }),
  });
  const send = (decisions?: Decisions) => {
    const value = text.trim();
    const [min, max] = limits[field];
    if (!value) return form.fail({ [field]: mode === 'rename' ? t('recurring.rename.required') : t('recurring.dismiss.required') });
    if (value.length < min) return form.fail({ [field]: t('fieldErrors.minLength', { count: min }) });
    if (value.length > max) return form.fail({ [field]: t('fieldErrors.maxLength', { count: max }) });
    form.clear();
    const body: GroupUpdateRequest =
      mode === 'rename' ? { statement: value, version: group.version } : { status: 'dismissed', dismiss_reason: value, version: group.version };
    save.mutate({ ...body, ...decisions });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions({ [field]: text.trim() });
  const titleId = `${id}-title`;
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {mode === 'rename' ? t('recurring.rename.title') : t('recurring.dismiss.title')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextareaField
        id={id}
        label={fields[field]!.label}
        description={mode === 'rename' ? t('recurring.rename.hint') : t('recurring.dismiss.hint')}
        value={text}
        onChange={setText}
        rows={3}
        required
        error={form.errorFor(field)}
      />
      <ScreenedOverride show={decisions !== null} busy={save.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={mode === 'rename' ? t('recurring.rename.submit') : t('recurring.dismiss.submit')} busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
