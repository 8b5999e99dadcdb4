import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { caseApi, casesKey, type CaseListQuery } from '../../api/cases';
import type { CaseList, CaseSummary } from '../../api/types';
import { Pager, useCursorPages } from '../../components/Pager';
import { QueryList } from '../../components/QueryList';

/** CaseColumn is one column of a case table: its header, also the cell's label on a phone. */
export interface CaseColumn {
  header: string;
  cell: (c: CaseSummary) => ReactNode;
}

interface Props {
  networkId: string;
  /** what narrows the list; the table starts at page 1 again when the caller keys it anew */
  query: Omit<CaseListQuery, 'cursor' | 'limit'>;
  pageSize?: number;
  columns: CaseColumn[];
  emptyText: string;
  /** label names the table's scroll region */
  label: string;
  /** above shows over the table once a page is there (the counts per outcome) */
  above?: (data: CaseList) => ReactNode;
  /** below shows under the table once a page is there (in the queue: reflections on cases not on the page) */
  below?: (data: CaseList) => ReactNode;
}

/**
 * CaseTable is a network's cases a page at a time: the network's list, the
 * facilitators' queue and the author's own cases. Its cache key sits under
 * the network's cases, so any change to a case brings every such table up
 * to date.
 */
export function CaseTable({ networkId, query, pageSize = 25, columns, emptyText, label, above, below }: Props) {
  const pages = useCursorPages();
  const list = useQuery({
    queryKey: [...casesKey(networkId), query, pages.cursor],
    queryFn: () => caseApi.list(networkId, { ...query, cursor: pages.cursor, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {list.data && above?.(list.data)}
      <QueryList
        query={list}
        emptyText={emptyText}
        label={label}
        busy={list.isFetching}
        footer={(data) => <Pager page={pages.page} nextCursor={data.next_cursor} onNext={pages.next} onPrevious={pages.previous} />}
      >
        {(items) => (
          <>
            <TableHeader>
              <TableRow>
                {columns.map((col) => (
                  <TableHeaderCell key={col.header} scope="col">
                    {col.header}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  {columns.map((col) => (
                    <TableCell key={col.header} data-label={col.header}>
                      {col.cell(c)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </>
        )}
      </QueryList>
      {list.data && below?.(list.data)}
    </>
  );
}
