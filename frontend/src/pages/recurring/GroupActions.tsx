import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { recurringApi, type RecurringLessonDetail } from '../../api/recurring';
import { isApiError } from '../../api/problem';
import { ErrorState } from '../../components/states';
import { usePanel } from '../../components/usePanel';
import { GroupTextForm } from './GroupTextForm';
import { MergeGroupForm } from './MergeGroupForm';
import { useGroupRefresh } from './useGroupRefresh';

type Panel = 'rename' | 'dismiss' | 'merge';

interface Props {
  group: RecurringLessonDetail;
  onDone: (message: string) => void;
}

/**
 * GroupActions are a facilitator's steps on a whole group: give it a name
 * of its own, set it aside with a reason (or restore it), and merge
 * another group into it. Each opens its form under the buttons;
 * cancelling puts the focus back on the button that opened it.
 */
export function GroupActions({ group: g, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useGroupRefresh(g.network_id);
  const { panel, cancel, close, toggle } = usePanel<Panel>();
  const done = (message: string, ...others: string[]) => () => {
    close();
    refresh(g.id, ...others);
    onDone(message);
  };
  const stale = () => refresh(g.id);
  const restore = useMutation({
    mutationFn: () => recurringApi.update(g.id, { status: 'active', version: g.version }),
    onSuccess: done(t('recurring.done.restored')),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) stale();
    },
  });
  const named = (key: string) => t(key, { statement: g.statement });
  return (
    <div className="leerlus-lesson__actions">
      <ButtonGroup>
        {toggle('rename', t('recurring.actions.rename'), named('recurring.actions.renameNamed'))}
        {g.status === 'active' ? (
          toggle('dismiss', t('recurring.actions.dismiss'), named('recurring.actions.dismissNamed'))
        ) : (
          <Button appearance="secondary-action-button" busy={restore.isPending} aria-label={named('recurring.actions.restoreNamed')} onClick={() => restore.mutate()}>
            {t('recurring.actions.restore')}
          </Button>
        )}
        {toggle('merge', t('recurring.actions.merge'), named('recurring.actions.mergeNamed'))}
      </ButtonGroup>
      {restore.isError && <ErrorState error={restore.error} />}
      {panel === 'rename' && <GroupTextForm group={g} mode="rename" onCancel={cancel} onDone={done(t('recurring.done.renamed'))} onStale={stale} />}
      {panel === 'dismiss' && <GroupTextForm group={g} mode="dismiss" onCancel={cancel} onDone={done(t('recurring.done.dismissed'))} onStale={stale} />}
      {panel === 'merge' && (
        <MergeGroupForm group={g} onCancel={cancel} onDone={(_saved, other) => done(t('recurring.done.merged'), other)()} onStale={stale} />
      )}
    </div>
  );
}
