import { useState } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { actionApi, actionKey, type Action } from '../../api/actions';
import { can, membershipIn, useMe } from '../../auth/session';
import { Facts, type Fact } from '../../components/Facts';
import { NotAllowed } from '../../components/guards';
import { formatDateTime } from '../../components/labels';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { casePath } from '../cases/paths';
import { ActionFlags, ActionPhaseBadge, ActionStatusBadge } from './ActionBadges';
import { ActionSteps } from './ActionSteps';
import { EffectSection } from './EffectSection';
import { ProgressLog } from './ProgressLog';
import { actionKindLabel, formatDay } from './labels';
import { actionPath, actionsPath, goalPath } from './paths';
import '../cases/cases.css';
import './actions.css';

function ActionFacts({ action: a }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const rows: Fact[] = [
    ['status', t('actions.facts.status'), <ActionStatusBadge action={a} />],
    ['phase', t('actions.facts.phase'), <ActionPhaseBadge action={a} />],
    ['kind', t('actions.facts.kind'), actionKindLabel(t, a.kind)],
    ['owner', t('actions.facts.owner'), a.owner?.name ?? t('actions.card.noOwner')],
    ['due', t('actions.facts.due'), a.due_on ? formatDay(i18n.language, a.due_on) : t('actions.facts.none')],
    ['started', t('actions.facts.started'), a.started_on ? formatDay(i18n.language, a.started_on) : t('actions.facts.notStarted')],
    ['progress', t('actions.facts.lastProgress'), a.last_progress_at ? formatDateTime(i18n.language, a.last_progress_at) : t('actions.facts.none')],
  ];
  if (a.goal) rows.push(['goal', t('actions.facts.goal'), <RouterLink to={goalPath(a.network_id, a.goal.id)}>{a.goal.name}</RouterLink>]);
  if (a.proposed_automatically) rows.push(['proposer', t('actions.facts.proposedBy'), t('actions.facts.automatic')]);
  else if (a.proposed_by) rows.push(['proposer', t('actions.facts.proposedBy'), a.proposed_by.name]);
  if (a.stop_reason && a.status === 'stopped') rows.push(['stop', t('actions.facts.stopReason'), a.stop_reason]);
  return (
    <div className="leerlus-case-facts">
      <Facts rows={rows} />
    </div>
  );
}

function FollowsUp({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="follows-title" className="leerlus-action-section">
      <Heading level={2} id="follows-title">
        {t('actions.follows.title')}
      </Heading>
      <Heading level={3}>{t('actions.follows.lessons')}</Heading>
      {a.lessons.length === 0 ? (
        <Paragraph>{t('actions.follows.noLessons')}</Paragraph>
      ) : (
        <UnorderedList>
          {a.lessons.map((l) => (
            <UnorderedListItem key={l.id}>{l.statement}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Heading level={3}>{t('actions.follows.cases')}</Heading>
      {a.cases.length === 0 ? (
        <Paragraph>{t('actions.follows.noCases')}</Paragraph>
      ) : (
        <UnorderedList>
          {a.cases.map((c) => (
            <UnorderedListItem key={c.id}>
              <RouterLink to={casePath({ id: c.id, network_id: a.network_id })}>{c.title}</RouterLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {a.organisations.length > 0 && (
        <>
          <Heading level={3}>{t('actions.follows.organisations')}</Heading>
          <UnorderedList>
            {a.organisations.map((o) => (
              <UnorderedListItem key={o.id}>{o.name}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}

function ActionView({ networkId, id, manage }: { networkId: string; id: string; manage: boolean }) {
  const { t } = useTranslation();
  // Set by the proposal form when it brings the proposer here.
  const arrived = (useLocation().state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(arrived);
  const query = useQuery({ queryKey: actionKey(id), queryFn: () => actionApi.get(id) });
  const back = (
    <Paragraph className="leerlus-no-print">
      <RouterLink to={actionsPath(networkId)}>{t('actions.back')}</RouterLink>
    </Paragraph>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('actions.action')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const a = query.data;
  if (a.network_id !== networkId) return <Navigate to={actionPath(a.network_id, a.id)} replace />;
  return (
    <article className="leerlus-action-page" aria-labelledby="action-heading">
      {back}
      <PageHeading title={a.title}>
        <span id="action-heading">{a.title}</span>
      </PageHeading>
      <StatusMessage message={message} />
      {(a.overdue || a.stalled) && (
        <Alert type="warning">
          <Paragraph>
            <ActionFlags action={a} stalledAfterDays={a.stalled_after_days} />
          </Paragraph>
          {a.overdue && <Paragraph>{t('actions.flags.explainOverdue')}</Paragraph>}
          {a.stalled && <Paragraph>{t('actions.flags.explain', { count: a.stalled_after_days })}</Paragraph>}
        </Alert>
      )}
      <ActionFacts action={a} />
      {a.description && <Paragraph className="leerlus-action-page__description">{a.description}</Paragraph>}
      {manage && <ActionSteps action={a} onDone={setMessage} />}
      <ProgressLog action={a} manage={manage} onDone={setMessage} />
      <FollowsUp action={a} />
      <EffectSection actionId={a.id} />
    </article>
  );
}

/**
 * ActionPage is one improvement action: its facts, the steps a manager
 * may take, its progress log, the recurring lessons and cases it follows
 * up, and its effect as a run chart.
 */
export default function ActionPage() {
  const { id = '', action = '' } = useParams();
  const me = useMe();
  if (!can(me, 'actions.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <ActionView key={action} networkId={id} id={action} manage={can(me, 'actions.manage', id)} />;
}
