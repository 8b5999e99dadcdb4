import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { actionApi, actionsKey } from '../../api/actions';
import type { RecurringLessonDetail } from '../../api/recurring';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { ActionCard } from '../actions/ActionCard';
import { proposeActionPath } from '../actions/paths';

interface Props {
  group: RecurringLessonDetail;
  /** propose is whether the reader may propose an action. */
  propose: boolean;
}

/**
 * GroupFollowUp lists the improvement actions that follow up a recurring
 * lesson, so a reader sees at once whether something is being done about
 * it, and links to proposing one for this lesson.
 */
export function GroupFollowUp({ group: g, propose }: Props) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...actionsKey(g.network_id), 'lesson', g.id],
    queryFn: () => actionApi.board(g.network_id, { lesson: g.id, limit: 50 }),
  });
  return (
    <section aria-labelledby="group-actions-title">
      <Heading level={2} id="group-actions-title">
        {t('recurring.followUp.title')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('recurring.followUp.none')}</Paragraph>
      ) : (
        <ul className="leerlus-recurring__actions">
          {query.data.items.map((a) => (
            <li key={a.id}>
              <ActionCard action={a} show="both" stalledAfterDays={query.data.stalled_after_days} />
            </li>
          ))}
        </ul>
      )}
      {propose && (
        <Paragraph>
          <RouterLink to={proposeActionPath(g.network_id, [g.id])} state={{ lessons: [{ id: g.id, statement: g.statement }] }}>
            {t('recurring.followUp.propose')}
          </RouterLink>
        </Paragraph>
      )}
    </section>
  );
}
