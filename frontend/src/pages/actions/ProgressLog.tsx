import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { actionApi, actionKey, actionPhases, type Action, type ActionPhase, type ProgressRequest } from '../../api/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ScreenedOverride } from '../../components/ScreenedOverride';
import { Pager, useCursorPages } from '../../components/Pager';
import { SelectField, TextareaField } from '../../components/fields';
import { formatDateTime } from '../../components/labels';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useScreenedForm, type Decisions } from '../../components/useScreenedForm';
import { actionPhaseLabel } from './labels';
import { checkLength, progressMax, progressMin } from './limits';
import { useActionRefresh } from './ActionSteps';

function AddProgressForm({ action: a, onDone }: { action: Action; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const refresh = useActionRefresh(a);
  const fields = useMemo(
    () => ({ text: { id: 'progress-text', label: t('actions.progress.text') }, phase: { id: 'progress-phase', label: t('actions.progress.phase') } }),
    [t],
  );
  const form = useScreenedForm(fields);
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<ActionPhase>(a.phase);
  const add = useMutation({
    mutationFn: (body: ProgressRequest) => actionApi.addProgress(a.id, body),
    onSuccess: () => {
      setText('');
      form.clear();
      refresh();
      onDone(t('actions.progress.done'));
    },
    onError: (e, body) => form.fromError(e, { text: body.text }),
  });
  const send = (decisions?: Decisions) => {
    const words = text.trim();
    const error = checkLength(t, words, progressMin, progressMax);
    if (error) return form.fail({ text: error });
    form.clear();
    add.mutate({ text: words, phase: phase === a.phase ? undefined : phase, ...decisions });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const decisions = form.decisions({ text: text.trim() });
  return (
    <form onSubmit={submit} noValidate className="leerlus-panel" aria-labelledby="progress-add-title">
      <Heading level={3} id="progress-add-title">
        {t('actions.progress.addTitle')}
      </Heading>
      <ErrorSummary items={form.items} message={form.formError} attempt={form.attempt} />
      <TextareaField id={fields.text.id} label={fields.text.label} description={t('actions.progress.hint')} value={text} onChange={setText} rows={3} required error={form.errorFor('text')} />
      <SelectField
        id={fields.phase.id}
        label={fields.phase.label}
        value={phase}
        onChange={(v) => setPhase(v as ActionPhase)}
        options={actionPhases.map((p) => ({ value: p, label: actionPhaseLabel(t, p) }))}
        error={form.errorFor('phase')}
      />
      <ScreenedOverride show={decisions !== null} busy={add.isPending} onOverride={() => decisions && send(decisions)} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={add.isPending}>
          {t('actions.progress.add')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * ProgressLog is an action's dated progress log, newest first, each entry
 * with its PDCA phase and writer (not shown to researchers). Managers add
 * an entry while the action is accepted or running.
 */
export function ProgressLog({ action: a, manage, onDone }: { action: Action; manage: boolean; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: [...actionKey(a.id), 'progress', pages.cursor],
    queryFn: () => actionApi.progress(a.id, pages.cursor),
    placeholderData: keepPreviousData,
  });
  const writable = manage && (a.status === 'accepted' || a.status === 'in_progress');
  const list = () => {
    if (query.isPending) return <Loading />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data.items.length === 0) return <Empty>{t('actions.progress.empty')}</Empty>;
    return (
      <>
        <ol className="leerlus-progress" aria-label={t('actions.progress.listLabel')}>
          {query.data.items.map((p) => (
            <li key={p.id} className="leerlus-progress__entry">
              <Paragraph className="leerlus-progress__meta">
                <time dateTime={p.written_at}>{formatDateTime(i18n.language, p.written_at)}</time>
                {' · '}
                {t('actions.phaseNamed', { phase: actionPhaseLabel(t, p.phase) })}
                {p.writer && ` · ${p.writer.name}`}
              </Paragraph>
              <Paragraph className="leerlus-progress__text">{p.text}</Paragraph>
            </li>
          ))}
        </ol>
        <Pager page={pages.page} nextCursor={query.data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
      </>
    );
  };
  return (
    <section aria-labelledby="progress-title" className="leerlus-action-section">
      <Heading level={2} id="progress-title">
        {t('actions.progress.title')}
      </Heading>
      {/* Keyed by the phase: after a phase change the form starts in the new one. */}
      {writable && <AddProgressForm key={a.phase} action={a} onDone={onDone} />}
      {list()}
    </section>
  );
}
