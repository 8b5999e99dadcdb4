import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookKey } from '../../api/codebookAdmin';
import { lessonApi, lessonsKey, type LessonSummary } from '../../api/lessons';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useCursorPages } from '../../components/Pager';
import { Empty, ErrorState, Loading, StatusMessage } from '../../components/states';
import { LessonCard } from './LessonCard';
import { LessonFiltersForm } from './LessonFiltersForm';
import { MergePanel } from './MergePanel';
import { countLessonFilters, lessonFiltersFromSearch, lessonFiltersToSearch, toLessonQuery, type LessonFilters } from './filters';
import { curatable } from './labels';
import '../cases/cases.css';
import '../reflections/reflections.css';
import '../codebook/codebook.css';
import './lessons.css';

const pageSize = 25;

interface ResultsProps {
  networkId: string;
  filters: LessonFilters;
  curate: boolean;
  selected: Record<string, LessonSummary>;
  onSelect: (l: LessonSummary, on: boolean) => void;
  /** onSeen hands the page each loaded page of lessons, so ticked ones keep their newest version. */
  onSeen: (items: LessonSummary[]) => void;
  onDone: (message: string) => void;
}

function LessonResults({ networkId, filters, curate, selected, onSelect, onSeen, onDone }: ResultsProps) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: [...lessonsKey(networkId), toLessonQuery(filters, curate), pages.cursor],
    queryFn: () => lessonApi.list(networkId, { ...toLessonQuery(filters, curate), cursor: pages.cursor, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items;
  useEffect(() => {
    if (items) onSeen(items);
  }, [items, onSeen]);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    return <Empty>{countLessonFilters(filters) || filters.status ? t('lessons.emptyFiltered') : curate ? t('lessons.emptyCurate') : t('lessons.empty')}</Empty>;
  }
  return (
    <>
      <ul className="leerlus-lessons" aria-label={t('lessons.listLabel')} aria-busy={query.isFetching || undefined}>
        {query.data.items.map((l) => (
          <li key={l.id}>
            <LessonCard lesson={l} curate={curate} selected={Boolean(selected[l.id])} onSelect={onSelect} onDone={onDone} />
          </li>
        ))}
      </ul>
      <Pager page={pages.page} nextCursor={query.data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </>
  );
}

function Lessons({ networkId, curate }: { networkId: string; curate: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = lessonFiltersFromSearch(search);
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<Record<string, LessonSummary>>({});
  const codebook = useQuery({ queryKey: codebookKey(networkId), queryFn: () => codebookAdminApi.get(networkId) });
  const onSelect = (l: LessonSummary, on: boolean) =>
    setSelected((s) => {
      const next = { ...s };
      if (on) next[l.id] = l;
      else delete next[l.id];
      return next;
    });
  // The list names a case only through its lessons: their titles, as they come.
  const [caseTitles, setCaseTitles] = useState<Record<string, string>>({});
  // A ticked lesson that changed meanwhile keeps its newest version; one
  // that can no longer be merged (merged, rejected) drops out.
  const onSeen = useCallback((items: LessonSummary[]) => {
    setSelected((s) => {
      let next = s;
      for (const l of items) {
        if (!s[l.id] || s[l.id] === l) continue;
        next = next === s ? { ...s } : next;
        if (curatable(l.status)) next[l.id] = l;
        else delete next[l.id];
      }
      return next;
    });
    setCaseTitles((titles) => {
      const fresh = items.flatMap((l) => l.cases).filter((c) => titles[c.id] !== c.title);
      return fresh.length ? { ...titles, ...Object.fromEntries(fresh.map((c) => [c.id, c.title])) } : titles;
    });
  }, []);
  const caseTitle = caseTitles[filters.case] ?? '';
  const mine = membershipIn(useMe(), networkId);
  return (
    <>
      <PageHeading title={curate ? t('lessons.curateTitle') : t('lessons.title')} />
      <Paragraph>{curate ? t('lessons.curateIntro') : t('lessons.intro', { network: mine?.network.name ?? '' })}</Paragraph>
      <StatusMessage message={message} />
      {filters.case && (
        <Paragraph className="leerlus-lessons__case-filter">
          {caseTitle ? t('lessons.filters.caseNamed', { title: caseTitle }) : t('lessons.filters.case')}{' '}
          <Button appearance="subtle-button" onClick={() => setSearch(lessonFiltersToSearch({ ...filters, case: '' }))}>
            {t('lessons.filters.caseClear')}
          </Button>
        </Paragraph>
      )}
      <details className="leerlus-details leerlus-filters-details" open={countLessonFilters(filters) > 0 || Boolean(filters.status) || undefined}>
        <summary className="leerlus-details__summary">
          {t('lessons.filters.show')}
          {countLessonFilters(filters) > 0 && ` (${t('cases.filters.chosen', { count: countLessonFilters(filters) })})`}
        </summary>
        {/* Keyed by the query: the form follows the URL on back and forward. */}
        <LessonFiltersForm key={search.toString()} filters={filters} codebook={codebook.data} curate={curate} onApply={(f) => setSearch(lessonFiltersToSearch(f))} />
      </details>
      {curate && (
        <MergePanel
          networkId={networkId}
          selected={Object.values(selected)}
          onClear={() => setSelected({})}
          onDone={(m) => setMessage(m)}
        />
      )}
      <LessonResults
        key={search.toString()}
        networkId={networkId}
        filters={filters}
        curate={curate}
        selected={selected}
        onSelect={onSelect}
        onSeen={onSeen}
        onDone={setMessage}
      />
    </>
  );
}

/**
 * LessonListPage lists a network's lessons. Facilitators curate them here
 * (accept, reword, reject, reopen, merge); members, managers and
 * researchers read the accepted ones: "Lessen uit ons netwerk".
 */
export default function LessonListPage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'lessons.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <Lessons networkId={id} curate={can(me, 'lessons.curate', id)} />;
}
