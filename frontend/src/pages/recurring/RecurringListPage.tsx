import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { recurringApi, recurringKey } from '../../api/recurring';
import { can, membershipIn, useMe } from '../../auth/session';
import { CheckboxField } from '../../components/fields';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { Empty, ErrorState, Loading } from '../../components/states';
import { RecurringCard } from './RecurringCard';
import '../cases/cases.css';
import '../lessons/lessons.css';
import './recurring.css';

function RecurringList({ networkId, curate }: { networkId: string; curate: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  // Only facilitators may ask for every group; the choice lives in the URL.
  const all = curate && search.get('alle') === 'ja';
  const query = useQuery({
    queryKey: [...recurringKey(networkId), 'list', all],
    queryFn: () => recurringApi.list(networkId, all),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeading title={t('recurring.title')} />
      <Paragraph>{curate ? t('recurring.curateIntro') : t('recurring.intro')}</Paragraph>
      {curate && (
        <CheckboxField
          id="recurring-all"
          label={t('recurring.showAll')}
          checked={all}
          onChange={(on) => setSearch(on ? { alle: 'ja' } : {}, { replace: true })}
        />
      )}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty>{all ? t('recurring.emptyAll') : t('recurring.empty')}</Empty>
      ) : (
        <ul className="leerlus-lessons" aria-label={t('recurring.listLabel')} aria-busy={query.isFetching || undefined}>
          {query.data.items.map((g) => (
            <li key={g.id}>
              <RecurringCard group={g} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * RecurringListPage lists a network's recurring lessons ("Terugkerende
 * lessen"): lessons that say the same thing across several cases, with
 * their spread. Facilitators can also show the groups that are no
 * recurring lesson (too few cases, or set aside), to curate them.
 */
export default function RecurringListPage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'lessons.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <RecurringList networkId={id} curate={can(me, 'lessons.curate', id)} />;
}
