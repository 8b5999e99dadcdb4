import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { can, membershipIn, useMe } from '../../auth/session';
import { useVocabulary, type Vocabulary } from '../../api/vocabulary';
import { PageHeading } from '../../components/PageHeading';
import { NotAllowed } from '../../components/guards';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { countFilters, filtersFromSearch, filtersToSearch, hasFilters, toListQuery, type CaseFilters } from './filters';
import { CaseFiltersForm } from './CaseFiltersForm';
import { OutcomeTabs } from './OutcomeTabs';
import { CaseBadges } from './CaseBadges';
import { CaseTable } from './CaseTable';
import { casePath } from './paths';
import { formatSpan } from './period';
import './cases.css';

function CaseResults({ networkId, filters, vocabulary }: { networkId: string; filters: CaseFilters; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const filtered = hasFilters(filters) || filters.outcome !== '';
  const unknown = t('cases.unknown');
  return (
    <CaseTable
      networkId={networkId}
      query={toListQuery(filters)}
      emptyText={filtered ? t('cases.emptyFiltered') : t('cases.empty')}
      label={t('cases.table.label')}
      above={(data) => <OutcomeTabs filters={filters} counts={data.by_outcome} vocabulary={vocabulary} />}
      columns={[
        {
          header: t('cases.table.title'),
          cell: (c) => (
            <>
              <RouterLink to={casePath(c)}>{c.title}</RouterLink> <CaseBadges status={c.status} correction={c.correction} />
            </>
          ),
        },
        { header: t('cases.table.outcome'), cell: (c) => vocabulary.label('outcome', c.outcome) || unknown },
        { header: t('cases.table.period'), cell: (c) => formatSpan(t, c.start, c.end) },
        { header: t('cases.table.ageBand'), cell: (c) => vocabulary.label('age_band', c.age_band) || unknown },
        { header: t('cases.table.services'), cell: (c) => c.services.map((s) => vocabulary.label('service', s)).join(', ') || unknown },
        { header: t('cases.table.episodes'), cell: (c) => c.episode_count },
      ]}
    />
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
