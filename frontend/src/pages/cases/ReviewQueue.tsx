import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { can, membershipIn, useMe } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { NotAllowed } from '../../components/guards';
import { QueryList } from '../../components/QueryList';
import { Pager, useCursorPages } from '../../components/Pager';
import { RouterLink } from '../../components/RouterLink';
import { StatusMessage } from '../../components/states';
import { formatDateTime } from '../../components/labels';
import { CaseBadges } from './CaseBadges';
import { casesKey } from './CaseListPage';
import './cases.css';
import { useVocabulary } from './vocabulary';

function Queue({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages();
  const { vocabulary } = useVocabulary();
  // Set by the case page after sending a case back.
  const message = (useLocation().state as { message?: string } | null)?.message ?? null;
  const list = useQuery({
    queryKey: [...casesKey(networkId), 'submitted', pages.cursor],
    queryFn: () =>
      call(
        api.GET('/api/v1/networks/{network}/cases', {
          params: { path: { network: networkId }, query: { status: 'submitted', limit: 25, cursor: pages.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <StatusMessage message={message} />
      <QueryList
        query={list}
        emptyText={t('cases.queue.empty')}
        label={t('cases.queue.tableLabel')}
        busy={list.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cases.table.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.outcome')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.episodes')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.updated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell data-label={t('cases.table.title')}>
                    <RouterLink to={`/casussen/${c.id}`}>{c.title}</RouterLink>{' '}
                    <CaseBadges status={c.status} correction={c.correction} showStatus={false} />
                  </TableCell>
                  <TableCell data-label={t('cases.table.outcome')}>
                    {vocabulary?.label('outcome', c.outcome) || c.outcome || t('cases.unknown')}
                  </TableCell>
                  <TableCell data-label={t('cases.table.episodes')}>{c.episode_count}</TableCell>
                  <TableCell data-label={t('cases.table.updated')}>{formatDateTime(i18n.language, c.updated_at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/** ReviewQueue lists a network's submitted cases for its facilitators' four-eyes check. */
export default function ReviewQueue() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'cases.review', id)) return <NotAllowed reason={membershipIn(me, id) ? 'facilitatorOnly' : 'notMember'} />;
  return (
    <>
      <PageHeading title={t('cases.queue.title')} />
      <Paragraph>{t('cases.queue.intro')}</Paragraph>
      <Queue networkId={id} />
    </>
  );
}
