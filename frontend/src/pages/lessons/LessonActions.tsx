import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { lessonApi, lessonKey, lessonsKey, type Lesson, type LessonSummary } from '../../api/lessons';
import { isApiError } from '../../api/problem';
import { ErrorState } from '../../components/states';
import { usePanel } from '../../components/usePanel';
import { LessonEditForm } from './LessonEditForm';
import { RejectLessonForm } from './RejectLessonForm';

type Panel = 'accept' | 'reword' | 'reject';

/** useLessonRefresh reloads a network's lesson lists and one lesson (with its history) after a step. */
export function useLessonRefresh(networkId: string) {
  const qc = useQueryClient();
  return (lessonId: string) => {
    void qc.invalidateQueries({ queryKey: lessonsKey(networkId) });
    void qc.invalidateQueries({ queryKey: lessonKey(lessonId) });
  };
}

interface Props {
  lesson: LessonSummary;
  /** level of the forms' headings: one below the lesson's own. */
  level: 2 | 3;
  /** onDone tells the page what happened, for its status message. */
  onDone: (message: string, saved: Lesson) => void;
}

/**
 * LessonActions are a facilitator's curation steps on one lesson, as its
 * status allows them: accept (optionally in new words), reword, reject
 * with a reason, or take a rejected lesson back into curation. Each step
 * opens its form under the buttons; cancelling puts the focus back on the
 * button that opened it.
 */
export function LessonActions({ lesson: l, level, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useLessonRefresh(l.network_id);
  const { panel, cancel, close, toggle } = usePanel<Panel>();
  const done = (message: string) => (saved: Lesson) => {
    close();
    refresh(l.id);
    onDone(message, saved);
  };
  const reopen = useMutation({
    mutationFn: () => lessonApi.reopen(l.id, l.version),
    onSuccess: done(t('lessons.done.reopened')),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) refresh(l.id);
    },
  });
  const button = (kind: Panel, label: string, named: string) => toggle(kind, label, t(named, { statement: l.statement }), kind === 'accept');
  if (l.status === 'merged') return null;
  const stale = () => refresh(l.id);
  return (
    <div className="leerlus-lesson__actions">
      <ButtonGroup>
        {l.status === 'proposed' && button('accept', t('lessons.actions.accept'), 'lessons.actions.acceptNamed')}
        {(l.status === 'proposed' || l.status === 'accepted') && (
          <>
            {button('reword', t('lessons.actions.reword'), 'lessons.actions.rewordNamed')}
            {button('reject', t('lessons.actions.reject'), 'lessons.actions.rejectNamed')}
          </>
        )}
        {l.status === 'rejected' && (
          <Button
            appearance="secondary-action-button"
            busy={reopen.isPending}
            aria-label={t('lessons.actions.reopenNamed', { statement: l.statement })}
            onClick={() => reopen.mutate()}
          >
            {t('lessons.actions.reopen')}
          </Button>
        )}
      </ButtonGroup>
      {reopen.isError && <ErrorState error={reopen.error} />}
      {panel === 'accept' && (
        <LessonEditForm lesson={l} level={level} mode="accept" onCancel={cancel} onDone={done(t('lessons.done.accepted'))} onStale={stale} />
      )}
      {panel === 'reword' && (
        <LessonEditForm lesson={l} level={level} mode="reword" onCancel={cancel} onDone={done(t('lessons.done.reworded'))} onStale={stale} />
      )}
      {panel === 'reject' && <RejectLessonForm lesson={l} level={level} onCancel={cancel} onDone={done(t('lessons.done.rejected'))} onStale={stale} />}
    </div>
  );
}
