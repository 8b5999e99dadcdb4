import type { TFunction } from 'i18next';
import type { Period } from '../../api/types';

// Cases never hold exact dates: a period is a year and a quarter. The list
// filters send it as "2024-Q1", the form the server parses.
const quarterPattern = /^(\d{4})-Q([1-4])$/;

/** quarterCode writes a period as the list filter's "2024-Q1". */
export function quarterCode(p: Period): string {
  return `${p.year}-Q${p.quarter}`;
}

/** parseQuarter reads "2024-Q1"; anything else is undefined. */
export function parseQuarter(code: string | null | undefined): Period | undefined {
  const m = quarterPattern.exec(code ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

/** formatQuarter names one quarter in the UI language ("1e kwartaal 2024"). */
export function formatQuarter(t: TFunction, p: Period): string {
  return t('cases.period.quarter', { year: p.year, quarter: p.quarter });
}

/** formatSpan names a trajectory's period; without an end it is still running. */
export function formatSpan(t: TFunction, start: Period | undefined, end: Period | undefined): string {
  if (!start) return t('cases.unknown');
  if (!end) return t('cases.period.ongoing', { from: formatQuarter(t, start) });
  if (start.year === end.year && start.quarter === end.quarter) return formatQuarter(t, start);
  return t('cases.period.span', { from: formatQuarter(t, start), to: formatQuarter(t, end) });
}
