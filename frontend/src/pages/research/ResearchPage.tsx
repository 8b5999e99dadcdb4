import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { researchApi, researchKey, type PatternQuery } from '../../api/research';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { CodeFrequencies } from './CodeFrequencies';
import { CooccurrenceSection } from './CooccurrenceSection';
import { ExportPanel } from './ExportPanel';
import { canExport, hasResearch, researchFiltersToSearch, toPatternQuery } from './filters';
import { ResearchFiltersForm } from './FiltersForm';
import { researchSearchPath } from './paths';
import { PerspectiveSection } from './PerspectiveSection';
import { TrendSection } from './TrendSection';
import { useResearchFilters } from './useResearchFilters';
import './research.css';

function usePattern<T>(name: string, query: PatternQuery, fn: (q: PatternQuery) => Promise<T>) {
  return useQuery({ queryKey: [...researchKey, name, query], queryFn: () => fn(query), placeholderData: keepPreviousData });
}

function Results({ query, code, onCode }: { query: PatternQuery; code: string; onCode: (c: string) => void }) {
  const codes = usePattern('codes', query, researchApi.codes);
  const cooc = usePattern('cooccurrence', query, researchApi.cooccurrence);
  const trends = usePattern('trends', query, researchApi.trends);
  return (
    <>
      {codes.isPending && <Loading />}
      {codes.isError && <ErrorState error={codes.error} onRetry={() => void codes.refetch()} />}
      {codes.data && (
        <>
          <CodeFrequencies data={codes.data} headingId="research-codes" />
          <PerspectiveSection key={code} codes={codes.data.codes} query={query} code={code} onCode={onCode} headingId="research-perspectives" />
        </>
      )}
      {cooc.isError && <ErrorState error={cooc.error} onRetry={() => void cooc.refetch()} />}
      {cooc.data && <CooccurrenceSection data={cooc.data} headingId="research-cooccurrence" />}
      {trends.isError && <ErrorState error={trends.error} onRetry={() => void trends.refetch()} />}
      {trends.data && <TrendSection data={trends.data} headingId="research-trends" />}
    </>
  );
}

/**
 * ResearchPage is the researcher's pattern dashboard ("Onderzoek"):
 * filters on the left; on the right the code frequencies with the contrast
 * of stuck against good trajectories, the perspectives on one code, codes
 * named together, and trends per quarter, each as a chart with a table;
 * then the exports. Researchers read all networks where they are
 * researcher; facilitators and managers their own network.
 */
export default function ResearchPage() {
  const { t } = useTranslation();
  const { me, scope, filters, search, apply } = useResearchFilters();
  if (!hasResearch(me)) return <NotAllowed />;
  const code = search.get('code') ?? '';
  const query = toPatternQuery(filters);
  return (
    <>
      <PageHeading title={t('research.title')} />
      <Paragraph>{t('research.intro')}</Paragraph>
      <Paragraph>
        <RouterLink to={researchSearchPath(researchFiltersToSearch({ ...filters, source: '', effect: '' }))}>{t('research.search.link')}</RouterLink>
      </Paragraph>
      <div className="leerlus-research">
        <div className="leerlus-research__filters">
          <ResearchFiltersForm key={search.toString()} filters={filters} scope={scope} aggregates onApply={(f) => apply(f)} />
        </div>
        <div className="leerlus-research__results">
          <Results query={query} code={code} onCode={(c) => apply(filters, { code: c })} />
          {canExport(scope, filters.network) && <ExportPanel filters={filters} headingId="research-export" />}
        </div>
      </div>
    </>
  );
}
