import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { researchApi, researchKey, type SearchHit } from '../../api/research';
import { useVocabulary } from '../../api/vocabulary';
import { can, useMe } from '../../auth/session';
import { TextField } from '../../components/fields';
import { NotAllowed } from '../../components/guards';
import { perspectiveLabel } from '../../components/labels';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useCursorPages } from '../../components/Pager';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorState, Loading } from '../../components/states';
import { casePath } from '../cases/paths';
import { hasResearch, researchFiltersToSearch, toSearchQuery, type ResearchFilters } from './filters';
import { ResearchFiltersForm } from './FiltersForm';
import { researchPath } from './paths';
import { Snippet } from './Snippet';
import { useResearchFilters } from './useResearchFilters';
import './research.css';

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const { vocabulary } = useVocabulary();
  const me = useMe();
  const facts = [
    t(`research.search.kind.${hit.kind}`),
    hit.network_name,
    hit.perspective ? perspectiveLabel(t, hit.perspective) : '',
    vocabulary?.label('outcome', hit.outcome) ?? hit.outcome,
    vocabulary?.label('age_band', hit.age_band) ?? hit.age_band,
    hit.start ? t('research.search.start', { period: `${hit.start.year}-Q${hit.start.quarter}` }) : '',
  ].filter(Boolean);
  return (
    <li className="leerlus-hit">
      <Heading level={3} appearance="utrecht-heading-4" className="leerlus-hit__title">
        {can(me, 'cases.read', hit.network_id) ? <RouterLink to={casePath({ id: hit.case_id, network_id: hit.network_id })}>{hit.case_title}</RouterLink> : hit.case_title}
      </Heading>
      <Paragraph className="leerlus-hit__facts">{facts.join(' · ')}</Paragraph>
      {hit.snippets.map((s, i) => (
        <Snippet key={i} snippet={s} label={`${t(`research.search.field.${s.field}`)}${s.position ? ` ${s.position}` : ''}:`} />
      ))}
    </li>
  );
}

function Results({ q, filters }: { q: string; filters: ResearchFilters }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = toSearchQuery(q, filters, '', pages.cursor);
  const result = useQuery({ queryKey: [...researchKey, 'search', query], queryFn: () => researchApi.search(query), placeholderData: keepPreviousData });
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  const r = result.data;
  if (r.total === 0) return <Empty>{t('research.search.none', { q })}</Empty>;
  return (
    <section aria-labelledby="research-hits" aria-busy={result.isFetching || undefined}>
      <Heading level={2} id="research-hits">
        {t('research.search.hits', { count: r.total, q })}
      </Heading>
      {r.total_capped && <Paragraph>{t('research.search.capped', { count: r.total })}</Paragraph>}
      <ol className="leerlus-hits">
        {r.items.map((h) => (
          <Hit key={`${h.kind}-${h.id}`} hit={h} />
        ))}
      </ol>
      <Pager page={pages.page} nextCursor={r.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </section>
  );
}

/**
 * SearchPage searches the published, anonymised texts with Dutch
 * stemming ("thuiszitten" finds "thuiszitters"), under the same filters
 * as the dashboard, and shows each hit with its found words marked.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const { me, scope, filters, search, apply } = useResearchFilters();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string | undefined>();
  if (!hasResearch(me)) return <NotAllowed />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const words = draft.trim();
    if (!words) {
      setError(t('research.search.required'));
      document.getElementById('research-q')?.focus();
      return;
    }
    setError(undefined);
    apply(filters, { q: words });
  };
  return (
    <>
      <PageHeading title={t('research.search.title')} />
      <Paragraph>{t('research.search.intro')}</Paragraph>
      <Paragraph>
        <RouterLink to={researchPath(researchFiltersToSearch(filters))}>{t('research.search.back')}</RouterLink>
      </Paragraph>
      <form role="search" onSubmit={submit} noValidate className="leerlus-research-inline-form">
        <TextField id="research-q" type="search" label={t('research.search.q')} description={t('research.search.qHint')} value={draft} onChange={setDraft} error={error} />
        <Button type="submit" appearance="primary-action-button">
          {t('research.search.submit')}
        </Button>
      </form>
      <div className="leerlus-research">
        <div className="leerlus-research__filters">
          <ResearchFiltersForm key={search.toString()} filters={filters} scope={scope} aggregates={false} onApply={(f) => apply(f)} />
        </div>
        <div className="leerlus-research__results">{q ? <Results key={search.toString()} q={q} filters={filters} /> : <Paragraph>{t('research.search.empty')}</Paragraph>}</div>
      </div>
    </>
  );
}
