import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { goalApi, goalsKey, type Goal } from '../../api/goals';
import { can, membershipIn, useMe } from '../../auth/session';
import { Facts } from '../../components/Facts';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorState, Loading } from '../../components/states';
import { usePanel } from '../../components/usePanel';
import { formatDay } from '../actions/labels';
import { actionsPath, goalPath } from '../actions/paths';
import { GoalForm } from './GoalForm';
import { formatNumber } from './numbers';
import '../cases/cases.css';
import '../actions/actions.css';

/** GoalFacts are a goal's unit, baseline, target and latest measurement. */
export function GoalFacts({ goal: g }: { goal: Goal }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | undefined) => (v === undefined ? t('goals.facts.none') : `${formatNumber(i18n.language, v)} ${g.unit}`);
  const latest = g.measurements[g.measurements.length - 1];
  return (
    <Facts
      rows={[
        ['baseline', t('goals.facts.baseline'), n(g.baseline)],
        ['target', t('goals.facts.target'), n(g.target)],
        [
          'latest',
          t('goals.facts.latest'),
          latest ? t('goals.facts.latestValue', { value: n(latest.value), date: formatDay(i18n.language, latest.measured_on) }) : t('goals.facts.noMeasurement'),
        ],
      ]}
    />
  );
}

function GoalList({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: goalsKey(networkId), queryFn: () => goalApi.list(networkId) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>{t('goals.empty')}</Empty>;
  return (
    <ul className="leerlus-board__list leerlus-goals" aria-label={t('goals.listLabel')}>
      {query.data.items.map((g) => (
        <li key={g.id}>
          <article className="leerlus-action-card" aria-labelledby={`goal-${g.id}-name`}>
            <Heading level={2} id={`goal-${g.id}-name`} appearance="utrecht-heading-4" className="leerlus-action-card__title">
              <RouterLink to={goalPath(networkId, g.id)}>{g.name}</RouterLink>
            </Heading>
            <GoalFacts goal={g} />
          </article>
        </li>
      ))}
    </ul>
  );
}

/**
 * GoalsPage lists a network's countable goals, such as "0 jongeren
 * verzuimen op school", with baseline, target and latest measurement;
 * managers set new ones here.
 */
export default function GoalsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { panel, cancel, toggle } = usePanel<'new'>();
  if (!can(me, 'goals.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  const manage = can(me, 'goals.manage', id);
  return (
    <>
      <Paragraph className="leerlus-no-print">
        <RouterLink to={actionsPath(id)}>{t('actions.back')}</RouterLink>
      </Paragraph>
      <PageHeading title={t('goals.title')} />
      <Paragraph>{t('goals.intro')}</Paragraph>
      {manage && <Paragraph>{toggle('new', t('goals.new'), t('goals.new'), true)}</Paragraph>}
      {panel === 'new' && (
        <GoalForm
          networkId={id}
          onCancel={cancel}
          onDone={(g) => {
            void qc.invalidateQueries({ queryKey: goalsKey(id) });
            navigate(goalPath(id, g.id), { state: { message: t('goals.done.created') } });
          }}
        />
      )}
      <GoalList networkId={id} />
    </>
  );
}
