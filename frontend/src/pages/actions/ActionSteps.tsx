import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { actionApi, actionKey, actionsKey, type Action, type ActionStatus, type ActionStatusRequest } from '../../api/actions';
import { isApiError } from '../../api/problem';
import { useMe } from '../../auth/session';
import { ErrorState } from '../../components/states';
import { usePanel } from '../../components/usePanel';
import { ActionEditForm } from './ActionEditForm';
import { StopActionForm } from './StopActionForm';
import { actionStatusLabel, statusStepLabel } from './labels';

type Panel = 'stop' | 'phase' | 'fields';

/** useActionRefresh reloads one action (with its log and effect) and the network's board after a step. */
export function useActionRefresh(action: { id: string; network_id: string }) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: actionKey(action.id) });
    void qc.invalidateQueries({ queryKey: actionsKey(action.network_id) });
  };
}

interface Props {
  action: Action;
  /** onDone tells the page what happened, for its status message. */
  onDone: (message: string) => void;
}

/**
 * ActionSteps are a manager's steps on one action: the statuses it may
 * move to next (as the server lists them; stopping asks a reason), a new
 * PDCA phase, changing its fields, and taking it over as owner. A done or
 * stopped action offers only reopening. A stale version (409) says so and
 * reloads the action.
 */
export function ActionSteps({ action: a, onDone }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const refresh = useActionRefresh(a);
  const { panel, cancel, close, toggle } = usePanel<Panel>();
  const [stale, setStale] = useState<string | null>(null);
  const done = (message: string) => () => {
    close();
    setStale(null);
    refresh();
    onDone(message);
  };
  const onStale = () => refresh();
  const move = useMutation({
    mutationFn: (body: ActionStatusRequest) => actionApi.status(a.id, body),
    onSuccess: (saved) => done(t('actions.done.status', { status: actionStatusLabel(t, saved.status) }))(),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) {
        setStale(t('actions.stale'));
        refresh();
      }
    },
  });
  const takeOver = useMutation({
    mutationFn: () => actionApi.patch(a.id, { owner_id: me.id, version: a.version }),
    onSuccess: done(t('actions.done.owner')),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) {
        setStale(t('actions.stale'));
        refresh();
      }
    },
  });
  const open = a.status === 'accepted' || a.status === 'in_progress';
  // Stopping asks a reason first: it has its own panel below.
  const step = (to: ActionStatus) => {
    if (to === 'stopped') return null;
    const label = statusStepLabel(t, a.status, to);
    return (
      <Button
        key={to}
        appearance="primary-action-button"
        busy={move.isPending && move.variables?.status === to}
        aria-label={t('actions.step.named', { step: label, title: a.title })}
        onClick={() => move.mutate({ status: to, version: a.version })}
      >
        {label}
      </Button>
    );
  };
  const failed = move.isError ? move.error : takeOver.isError ? takeOver.error : null;
  return (
    <section aria-labelledby="action-steps-title" className="leerlus-action-section leerlus-action-steps">
      <Heading level={2} id="action-steps-title">
        {t('actions.steps.title')}
      </Heading>
      <ButtonGroup>
        {a.next_statuses.map(step)}
        {open && toggle('phase', t('actions.steps.phase'), t('actions.steps.phaseNamed', { title: a.title }))}
        {(open || a.status === 'proposed') && toggle('fields', t('actions.steps.edit'), t('actions.steps.editNamed', { title: a.title }))}
        {open && a.owner?.id !== me.id && (
          <Button appearance="secondary-action-button" busy={takeOver.isPending} onClick={() => takeOver.mutate()}>
            {t('actions.steps.takeOver')}
          </Button>
        )}
        {a.next_statuses.includes('stopped') && toggle('stop', t('actions.step.stopped'), t('actions.step.named', { step: t('actions.step.stopped'), title: a.title }))}
      </ButtonGroup>
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{stale}</Paragraph>
        </Alert>
      )}
      {failed && !(isApiError(failed) && failed.status === 409) && <ErrorState error={failed} />}
      {panel === 'stop' && <StopActionForm action={a} onCancel={cancel} onDone={done(t('actions.done.stopped'))} onStale={onStale} />}
      {panel === 'phase' && <ActionEditForm action={a} mode="phase" onCancel={cancel} onDone={done(t('actions.done.phase'))} onStale={onStale} />}
      {panel === 'fields' && <ActionEditForm action={a} mode="fields" onCancel={cancel} onDone={done(t('actions.done.saved'))} onStale={onStale} />}
    </section>
  );
}
