import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { groupKey, recurringApi } from '../../api/recurring';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { casePath } from '../cases/paths';
import { GroupActions } from './GroupActions';
import { GroupBadges } from './GroupBadges';
import { GroupFollowUp } from './GroupFollowUp';
import { GroupLessons } from './GroupLessons';
import { SpreadFacts } from './SpreadFacts';
import { recurringListPath, recurringPath } from './paths';
import '../cases/cases.css';
import '../reflections/reflections.css';
import '../lessons/lessons.css';
import './recurring.css';

function RecurringView({ networkId, id, curate, actions }: { networkId: string; id: string; curate: boolean; actions: { read: boolean; propose: boolean } }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({ queryKey: groupKey(id), queryFn: () => recurringApi.get(id) });
  const back = (
    <Paragraph className="leerlus-no-print">
      <RouterLink to={recurringListPath(networkId)}>{t('recurring.back')}</RouterLink>
    </Paragraph>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('recurring.lesson')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const g = query.data;
  if (g.network_id !== networkId) return <Navigate to={recurringPath(g.network_id, g.id)} replace />;
  return (
    <article className="leerlus-lesson-page leerlus-recurring-page" aria-labelledby="group-statement">
      {back}
      <PageHeading title={t('recurring.lesson')} />
      <StatusMessage message={message} />
      <Paragraph id="group-statement" className="leerlus-lesson-page__statement">
        {g.statement}
      </Paragraph>
      <GroupBadges group={g} />
      <SpreadFacts group={g} detail />
      {curate && <GroupActions group={g} onDone={setMessage} />}
      <section aria-labelledby="group-cases-title">
        <Heading level={2} id="group-cases-title">
          {t('recurring.cases.title')}
        </Heading>
        {g.spread.cases.length === 0 ? (
          <Paragraph className="leerlus-empty">{t('recurring.cases.none')}</Paragraph>
        ) : (
          <ul className="leerlus-recurring__cases">
            {g.spread.cases.map((c) => (
              <li key={c.id}>
                <RouterLink to={casePath({ id: c.id, network_id: g.network_id })}>{c.title}</RouterLink>
              </li>
            ))}
          </ul>
        )}
      </section>
      {actions.read && <GroupFollowUp group={g} propose={actions.propose} />}
      <GroupLessons group={g} curate={curate} onDone={setMessage} />
    </article>
  );
}

/**
 * RecurringPage is one recurring lesson: its statement, where it comes
 * from (spread, the cases behind it one click away, and the lessons with
 * their perspective); facilitators curate it here.
 */
export default function RecurringPage() {
  const { id = '', group = '' } = useParams();
  const me = useMe();
  if (!can(me, 'lessons.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  const actions = { read: can(me, 'actions.read', id), propose: can(me, 'actions.propose', id) };
  return <RecurringView networkId={id} id={group} curate={can(me, 'lessons.curate', id)} actions={actions} />;
}
