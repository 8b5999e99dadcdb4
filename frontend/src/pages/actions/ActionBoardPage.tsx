import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { actionApi, actionPhases, actionStatuses, actionsKey, type ActionBoard, type ActionSummary } from '../../api/actions';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useCursorPages } from '../../components/Pager';
import { RouterLink } from '../../components/RouterLink';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ActionCard } from './ActionCard';
import { BoardFiltersForm } from './BoardFiltersForm';
import { boardFiltersFromSearch, boardFiltersToSearch, countBoardFilters, toBoardQuery, type BoardFilters } from './filters';
import { actionPhaseLabel, actionStatusLabel } from './labels';
import { attentionPath, goalsPath, proposeActionPath } from './paths';
import '../cases/cases.css';
import './actions.css';

// The server's largest page: the columns are made from one page.
const pageSize = 200;

interface Column {
  key: string;
  label: string;
  count: number;
  items: ActionSummary[];
}

function columnsOf(t: ReturnType<typeof useTranslation>['t'], board: ActionBoard, view: BoardFilters['view']): Column[] {
  if (view === 'phase') {
    return actionPhases.map((p) => ({ key: p, label: actionPhaseLabel(t, p), count: board.counts.by_phase[p], items: board.items.filter((a) => a.phase === p) }));
  }
  return actionStatuses.map((s) => ({ key: s, label: actionStatusLabel(t, s), count: board.counts.by_status[s], items: board.items.filter((a) => a.status === s) }));
}

function ViewSwitch({ filters }: { filters: BoardFilters }) {
  const { t } = useTranslation();
  const link = (view: BoardFilters['view']) => {
    const q = boardFiltersToSearch({ ...filters, view }).toString();
    return { search: q ? `?${q}` : '' };
  };
  return (
    <nav aria-label={t('actions.board.viewLabel')} className="leerlus-outcome-tabs">
      <ul>
        {(['status', 'phase'] as const).map((v) => (
          <li key={v}>
            <RouterLink to={link(v)} aria-current={filters.view === v ? 'true' : undefined}>
              {t(`actions.board.view.${v}`)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Board({ networkId, filters }: { networkId: string; filters: BoardFilters }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: [...actionsKey(networkId), 'board', toBoardQuery(filters), pages.cursor],
    queryFn: () => actionApi.board(networkId, { ...toBoardQuery(filters), cursor: pages.cursor, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const board = query.data;
  const c = board.counts;
  if (c.total === 0) return <Empty>{countBoardFilters(filters) ? t('actions.board.emptyFiltered') : t('actions.board.empty')}</Empty>;
  return (
    <>
      <Paragraph className="leerlus-actions-summary">
        {t('actions.board.summary', { count: c.total })}
        {c.overdue > 0 && ` ${t('actions.board.summaryOverdue', { count: c.overdue })}`}
        {c.stalled > 0 && ` ${t('actions.board.summaryStalled', { count: c.stalled, days: board.stalled_after_days })}`}
      </Paragraph>
      <div className="leerlus-board" aria-busy={query.isFetching || undefined}>
        {columnsOf(t, board, filters.view).map((col) => {
          const headingId = `column-${col.key}`;
          return (
            <section key={col.key} className="leerlus-board__column" aria-labelledby={headingId} data-column={col.key}>
              <Heading level={2} id={headingId} appearance="utrecht-heading-3" className="leerlus-board__heading">
                {t('actions.board.column', { label: col.label, count: col.count })}
              </Heading>
              {col.items.length === 0 ? (
                <Paragraph className="leerlus-empty">{t('actions.board.columnEmpty')}</Paragraph>
              ) : (
                <ul className="leerlus-board__list">
                  {col.items.map((a) => (
                    <li key={a.id}>
                      <ActionCard action={a} show={filters.view === 'status' ? 'phase' : 'status'} stalledAfterDays={board.stalled_after_days} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <Pager page={pages.page} nextCursor={board.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </>
  );
}

/**
 * ActionBoardPage is a network's improvement actions ("Verbeteracties")
 * in columns by status or by PDCA phase, each with its number, overdue
 * and stalled actions flagged in words. Members, facilitators and
 * managers find the way to propose one; managers to what needs them.
 */
export default function ActionBoardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  if (!can(me, 'actions.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  const filters = boardFiltersFromSearch(search);
  const manage = can(me, 'actions.manage', id);
  return (
    <>
      <PageHeading title={t('actions.board.title')} />
      <Paragraph>{t('actions.board.intro')}</Paragraph>
      <UnorderedList className="leerlus-actions-links">
        {can(me, 'actions.propose', id) && (
          <UnorderedListItem>
            <RouterLink to={proposeActionPath(id)}>{t('actions.propose.link')}</RouterLink>
          </UnorderedListItem>
        )}
        <UnorderedListItem>
          <RouterLink to={attentionPath(id)}>{t('actions.attention.title')}</RouterLink>
        </UnorderedListItem>
        {can(me, 'goals.read', id) && (
          <UnorderedListItem>
            <RouterLink to={goalsPath(id)}>{t('goals.title')}</RouterLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
      <ViewSwitch filters={filters} />
      <details className="leerlus-details leerlus-filters-details" open={countBoardFilters(filters) > 0 || undefined}>
        <summary className="leerlus-details__summary">
          {t('actions.filters.show')}
          {countBoardFilters(filters) > 0 && ` (${t('cases.filters.chosen', { count: countBoardFilters(filters) })})`}
        </summary>
        <BoardFiltersForm key={search.toString()} filters={filters} owner={manage} onApply={(f) => setSearch(boardFiltersToSearch(f))} />
      </details>
      <Board key={search.toString()} networkId={id} filters={filters} />
    </>
  );
}
