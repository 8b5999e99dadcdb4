import { parseQuarter } from './period';
import { caseOutcomes, caseStatuses, type CaseOutcome, type CaseStatus } from '../../api/types';

/**
 * CaseFilters is what the case list is narrowed by. It lives in the URL
 * query (so a link or a reload keeps it); an empty string does not filter.
 * `from` and `to` are quarters as "2024-Q1".
 */
export interface CaseFilters {
  outcome: CaseOutcome | '';
  status: CaseStatus | '';
  age_band: string;
  service: string;
  phase: string;
  from: string;
  to: string;
}

export const emptyFilters: CaseFilters = { outcome: '', status: '', age_band: '', service: '', phase: '', from: '', to: '' };

// The order of the parameters in a URL the app writes: stable, so the same
// filters always give the same link.
const keys: (keyof CaseFilters)[] = ['outcome', 'status', 'age_band', 'service', 'phase', 'from', 'to'];

// Codes of the fixed lists are lower-case words, digits, '_' and '-'.
const codePattern = /^[a-z0-9_-]{1,40}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

/**
 * filtersFromSearch reads the filters from a URL query. Values that cannot
 * be right (an unknown status, a malformed quarter) are dropped rather than
 * sent, so a mangled link still shows a list.
 */
export function filtersFromSearch(search: URLSearchParams): CaseFilters {
  const code = (k: string) => {
    const v = search.get(k) ?? '';
    return codePattern.test(v) ? v : '';
  };
  const quarter = (k: string) => {
    const v = search.get(k) ?? '';
    return parseQuarter(v) ? v : '';
  };
  return {
    outcome: oneOf(search.get('outcome'), caseOutcomes),
    status: oneOf(search.get('status'), caseStatuses),
    age_band: code('age_band'),
    service: code('service'),
    phase: code('phase'),
    from: quarter('from'),
    to: quarter('to'),
  };
}

/** filtersToSearch writes the filters as a URL query, leaving out empty ones. */
export function filtersToSearch(f: CaseFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of keys) if (f[k]) out.set(k, f[k]);
  return out;
}

/** countFilters counts what narrows the list besides the outcome (which has its own links). */
export function countFilters(f: CaseFilters): number {
  return keys.filter((k) => k !== 'outcome' && f[k] !== '').length;
}

/** hasFilters tells whether anything but the outcome narrows the list. */
export function hasFilters(f: CaseFilters): boolean {
  return countFilters(f) > 0;
}

/** toListQuery gives the list call's filter parameters; empty filters are left out. */
export function toListQuery(f: CaseFilters) {
  return {
    outcome: f.outcome || undefined,
    status: f.status || undefined,
    age_band: f.age_band || undefined,
    service: f.service || undefined,
    phase: f.phase || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  };
}

/** QuarterParts is a quarter as the filter form edits it: a year and a quarter, each may be empty. */
export interface QuarterParts {
  year: string;
  quarter: string;
}

/** splitQuarter turns "2024-Q1" into the form's parts. */
export function splitQuarter(code: string): QuarterParts {
  const p = parseQuarter(code);
  return p ? { year: String(p.year), quarter: String(p.quarter) } : { year: '', quarter: '' };
}

/**
 * joinQuarter turns the form's parts into "2024-Q1". A year without a
 * quarter means the whole year: from its first, up to its last quarter.
 */
export function joinQuarter(parts: QuarterParts, bound: 'from' | 'to'): string {
  if (!/^\d{4}$/.test(parts.year)) return '';
  const q = /^[1-4]$/.test(parts.quarter) ? parts.quarter : bound === 'from' ? '1' : '4';
  return `${parts.year}-Q${q}`;
}
