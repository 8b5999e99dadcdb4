import { useParams, useSearchParams } from 'react-router';
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
import { ErrorState, Loading } from '../../components/states';
import { countFilters, filtersFromSearch, filtersToSearch, hasFilters, toListQuery, type CaseFilters } from './filters';
import { CaseFiltersForm } from './CaseFiltersForm';
import { OutcomeTabs } from './OutcomeTabs';
import { CaseBadges } from './CaseBadges';
import { formatSpan } from './period';
import './cases.css';
import { useVocabulary, type Vocabulary } from './vocabulary';

const pageSize = 25;

/** casesKey is the cache key of a network's case lists; actions on a case invalidate it. */
export const casesKey = (networkId: string) => ['network', networkId, 'cases'] as const;

function CaseResults({ networkId, filters, vocabulary }: { networkId: string; filters: CaseFilters; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const list = useQuery({
    queryKey: [...casesKey(networkId), filters, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/api/v1/networks/{network}/cases', {
          params: { path: { network: networkId }, query: toListQuery(filters, pages.cursor, pageSize) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = hasFilters(filters) || filters.outcome !== '';
  return (
    <>
      {list.data && <OutcomeTabs filters={filters} counts={list.data.by_outcome} vocabulary={vocabulary} />}
      <QueryList
        query={list}
        emptyText={filtered ? t('cases.emptyFiltered') : t('cases.empty')}
        label={t('cases.table.label')}
        busy={list.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cases.table.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.outcome')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.period')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.ageBand')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.services')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cases.table.episodes')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id} data-outcome={c.outcome}>
                  <TableCell data-label={t('cases.table.title')}>
                    <RouterLink to={`/casussen/${c.id}`}>{c.title}</RouterLink> <CaseBadges status={c.status} correction={c.correction} />
                  </TableCell>
                  <TableCell data-label={t('cases.table.outcome')}>{vocabulary.label('outcome', c.outcome) || t('cases.unknown')}</TableCell>
                  <TableCell data-label={t('cases.table.period')}>{formatSpan(t, c.start, c.end)}</TableCell>
                  <TableCell data-label={t('cases.table.ageBand')}>{vocabulary.label('age_band', c.age_band) || t('cases.unknown')}</TableCell>
                  <TableCell data-label={t('cases.table.services')}>
                    {c.services.map((s) => vocabulary.label('service', s)).join(', ') || t('cases.unknown')}
                  </TableCell>
                  <TableCell data-label={t('cases.table.episodes')}>{c.episode_count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
    </>
  );
}

/**
 * filtersOpen: the filters start open on a wide screen, or when some are
 * chosen; on a phone they fold away so the list comes first.
 */
function filtersOpen(f: CaseFilters): boolean {
  const phone = typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 40rem)').matches;
  return !phone || hasFilters(f);
}

/** CaseListPage lists a network's cases, with filters kept in the URL query. */
export default function CaseListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const { query: vocabularyQuery, vocabulary } = useVocabulary();
  const mine = membershipIn(me, id);
  if (!can(me, 'cases.read', id)) return <NotAllowed reason={mine ? 'role' : 'notMember'} />;
  const filters = filtersFromSearch(search);
  const title = mine ? t('cases.listTitle', { network: mine.network.name }) : t('cases.title');
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>{t('cases.listIntro')}</Paragraph>
      {vocabularyQuery.isError ? (
        <ErrorState error={vocabularyQuery.error} onRetry={() => void vocabularyQuery.refetch()} />
      ) : !vocabulary ? (
        <Loading />
      ) : (
        // Keyed by the query: new filters start again at page 1, and the form
        // follows the URL on back and forward.
        <div key={search.toString()}>
          <details className="leerlus-details leerlus-filters-details" open={filtersOpen(filters)}>
            <summary className="leerlus-details__summary">
              {t('cases.filters.show')}
              {hasFilters(filters) && ` (${t('cases.filters.chosen', { count: countFilters(filters) })})`}
            </summary>
            <CaseFiltersForm
              filters={filters}
              vocabulary={vocabulary}
              canReview={can(me, 'cases.review', id)}
              onApply={(f) => setSearch(filtersToSearch(f))}
            />
          </details>
          <CaseResults networkId={id} filters={filters} vocabulary={vocabulary} />
        </div>
      )}
    </>
  );
}
