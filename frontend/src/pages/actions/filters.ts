import type { ActionBoardQuery } from '../../api/actions';

/**
 * BoardFilters are the board's view (columns by status or by PDCA phase)
 * and what narrows it, kept in the URL so a link or reload keeps them.
 */
export interface BoardFilters {
  view: 'status' | 'phase';
  mine: boolean;
  overdue: boolean;
  stalled: boolean;
}

export const emptyBoardFilters: BoardFilters = { view: 'status', mine: false, overdue: false, stalled: false };

/** boardFiltersFromSearch reads the board's view and filters from a URL query; anything else is ignored. */
export function boardFiltersFromSearch(search: URLSearchParams): BoardFilters {
  const on = (k: string) => search.get(k) === 'ja';
  return { view: search.get('per') === 'fase' ? 'phase' : 'status', mine: on('mijn'), overdue: on('te-laat'), stalled: on('stil') };
}

/** boardFiltersToSearch writes the view and filters as a URL query, leaving out the defaults. */
export function boardFiltersToSearch(f: BoardFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.view === 'phase') out.set('per', 'fase');
  if (f.mine) out.set('mijn', 'ja');
  if (f.overdue) out.set('te-laat', 'ja');
  if (f.stalled) out.set('stil', 'ja');
  return out;
}

/** countBoardFilters counts the filters that narrow the board. */
export function countBoardFilters(f: BoardFilters): number {
  return [f.mine, f.overdue, f.stalled].filter(Boolean).length;
}

/** toBoardQuery gives the board call's parameters; the columns are made from one list, so no status or phase is sent. */
export function toBoardQuery(f: BoardFilters): ActionBoardQuery {
  return {
    owner: f.mine ? 'me' : undefined,
    overdue: f.overdue ? 'true' : undefined,
    stalled: f.stalled ? 'true' : undefined,
  };
}
