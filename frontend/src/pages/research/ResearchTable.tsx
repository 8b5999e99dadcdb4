import type { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

export interface ResearchRow {
  key: string;
  /** head is the row's name (a code, a quarter), a row header. */
  head: ReactNode;
  cells: ReactNode[];
}

interface Props {
  caption: string;
  /** columns names the row header's column first, then each cell's. */
  columns: string[];
  rows: ResearchRow[];
}

/**
 * ResearchTable is a chart's table alternative: a caption, a header row,
 * a row header per row, and the column name on each cell for the stacked
 * layout on small screens. It scrolls in a labelled, focusable box.
 */
export function ResearchTable({ caption, columns, rows }: Props) {
  return (
    <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table className="leerlus-research-table">
        <TableCaption className="leerlus-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c} scope="col">
                {c}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row" data-label={columns[0]}>
                {r.head}
              </TableHeaderCell>
              {r.cells.map((c, i) => (
                <TableCell key={columns[i + 1] ?? i} data-label={columns[i + 1]}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
