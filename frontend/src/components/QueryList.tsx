import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Table } from '@utrecht/component-library-react';
import { Empty, ErrorState, Loading } from './states';

/**
 * QueryList shows a listed query as a table: Loading while it is pending, ErrorState
 * (with retry) when it failed, Empty when it has no items, and otherwise a focusable,
 * labelled scroll region around a Table whose header and body `children` render.
 * `footer` renders below the region (e.g. a Pager) when there are items.
 */
export function QueryList<D extends { items: readonly unknown[] }>({
  query,
  emptyText,
  label,
  busy,
  footer,
  children,
}: {
  query: UseQueryResult<D>;
  emptyText: ReactNode;
  label: string;
  busy?: boolean;
  footer?: (data: D) => ReactNode;
  children: (items: D['items'], data: D) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>{emptyText}</Empty>;
  return (
    <>
      <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={label}>
        <Table busy={busy}>{children(query.data.items, query.data)}</Table>
      </div>
      {footer?.(query.data)}
    </>
  );
}
