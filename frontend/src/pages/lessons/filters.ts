import { lessonStatuses, type LessonListQuery, type LessonStatus } from '../../api/lessons';

/**
 * LessonFilters is what the lesson list is narrowed by, kept in the URL
 * query so a link or a reload keeps it. `status` '' is the default of the
 * reader: facilitators start with the lessons still to curate, everyone
 * else sees accepted lessons only; 'all' shows every status.
 */
export interface LessonFilters {
  status: LessonStatus | 'all' | '';
  code: string;
  case: string;
  q: string;
}

export const emptyLessonFilters: LessonFilters = { status: '', code: '', case: '', q: '' };

const keys: (keyof LessonFilters)[] = ['status', 'code', 'case', 'q'];
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The server's limit for the search words.
export const searchMax = 100;

/** lessonFiltersFromSearch reads the filters from a URL query; values that cannot be right are dropped, so a mangled link still lists. */
export function lessonFiltersFromSearch(search: URLSearchParams): LessonFilters {
  const id = (k: string) => {
    const v = search.get(k) ?? '';
    return idPattern.test(v) ? v : '';
  };
  const status = search.get('status') ?? '';
  return {
    status: status === 'all' || lessonStatuses.includes(status as LessonStatus) ? (status as LessonFilters['status']) : '',
    code: id('code'),
    case: id('case'),
    q: (search.get('q') ?? '').trim().slice(0, searchMax),
  };
}

/** lessonFiltersToSearch writes the filters as a URL query, leaving out empty ones. */
export function lessonFiltersToSearch(f: LessonFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) if (f[k]) out.set(k, f[k]);
  return out;
}

/** countLessonFilters counts what narrows the list besides the status. */
export function countLessonFilters(f: LessonFilters): number {
  return (['code', 'case', 'q'] as const).filter((k) => f[k] !== '').length;
}

/**
 * toLessonQuery gives the list call's parameters. Facilitators (`curate`)
 * see the lessons to curate unless they choose a status; for anyone else
 * the server lists accepted lessons only, so no status is sent.
 */
export function toLessonQuery(f: LessonFilters, curate: boolean): LessonListQuery {
  const status = curate ? (f.status === 'all' ? undefined : f.status || 'proposed') : undefined;
  return { status, code: f.code || undefined, case: f.case || undefined, q: f.q || undefined };
}
