import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { actionApi, type Action, type ActionStatusRequest } from '../../api/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormButtons } from '../../components/FormButtons';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { TextareaField } from '../../components/fields';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { checkLength, reasonMax, reasonMin } from './limits';

interface Props {
  action: Action;
  onCancel: () => void;
  onDone: (saved: Action) => void;
  onStale: () => void;
}

/** StopActionForm stops an action; the reason is required and screened, so a name in it is named back. */
export function StopActionForm({ action, onCancel, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const fields = useMemo(() => ({ reason: { id: `action-${action.id}-reason`, label: t('actions.stop.reason') } }), [action.id, t]);
  const form = useScreenedForm(fields, { stale: t('actions.stale'), onStale });
  const [reason, setReason] = useState('');
  useEffect(() => document.getElementById(fields.reason.id)?.focus(), [fields.reason.id]);
  const stop = useMutation({
    mutationFn: (body: ActionStatusRequest) => actionApi.status(action.id, body),
    onSuccess: onDone,
    onError: (e, body) => form.fromError(e, { reason: body.reason ?? '' }),
  });
  const send = (decisions?: Decisions) => {
    const text = reason.trim();
    const error = checkLength(t, text, reasonMin, reasonMax);
    if (error) return form.fail({ reason: error });
    form.clear();
    stop.mutate({ status: 'stopped', reason: text, version: action.version, ...decisions });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions({ reason: reason.trim() });
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby="action-stop-title">
      <Heading level={3} id="action-stop-title">
        {t('actions.stop.title')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextareaField
        id={fields.reason.id}
        label={fields.reason.label}
        description={t('actions.stop.hint')}
        value={reason}
        onChange={setReason}
        rows={3}
        required
        error={form.errorFor('reason')}
      />
      <ScreenedOverride show={decisions !== null} busy={stop.isPending} onOverride={() => decisions && send(decisions)} />
      <FormButtons submitLabel={t('actions.step.stopped')} busy={stop.isPending} onCancel={onCancel} />
    </form>
  );
}
