import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { actionApi, actionsKey } from '../../api/actions';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useCursorPages } from '../../components/Pager';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ActionCard } from './ActionCard';
import { attentionReasonLabel } from './labels';
import { actionsPath } from './paths';
import '../cases/cases.css';
import './actions.css';

function Attention({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: [...actionsKey(networkId), 'attention', pages.cursor],
    queryFn: () => actionApi.attention(networkId, pages.cursor),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>{t('actions.attention.empty')}</Empty>;
  return (
    <>
      <ul className="leerlus-board__list" aria-label={t('actions.attention.listLabel')}>
        {query.data.items.map((a) => (
          <li key={a.id}>
            <ActionCard action={a} show="both" level={2} />
            <Paragraph className="leerlus-attention__why">
              {t('actions.attention.why', { reasons: a.reasons.map((r) => attentionReasonLabel(t, r)).join(', ') })}
            </Paragraph>
          </li>
        ))}
      </ul>
      <Pager page={pages.page} nextCursor={query.data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </>
  );
}

/**
 * AttentionPage ("Heeft mijn aandacht") lists my own overdue and stalled
 * actions and, for managers, the proposals waiting to be accepted, each
 * with why it is there.
 */
export default function AttentionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, 'actions.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return (
    <>
      <Paragraph className="leerlus-no-print">
        <RouterLink to={actionsPath(id)}>{t('actions.back')}</RouterLink>
      </Paragraph>
      <PageHeading title={t('actions.attention.title')} />
      <Paragraph>{can(me, 'actions.manage', id) ? t('actions.attention.introManager') : t('actions.attention.intro')}</Paragraph>
      <Attention networkId={id} />
    </>
  );
}
