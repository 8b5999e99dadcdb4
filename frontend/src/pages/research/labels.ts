import type { TFunction } from 'i18next';
import type { CrosstabRow, PatternContrast } from '../../api/research';

/** codeLabel names a code in the UI language; codes carry both labels. */
export function codeLabel(code: { key: string; label_nl: string; label_en: string }, lang: string): string {
  return (lang === 'en' ? code.label_en : code.label_nl) || code.key;
}

/** crosstabValueLabel names a crosstab column (an outcome, a perspective, a quarter) in the UI language. */
export function crosstabValueLabel(v: { value: string; label_nl: string; label_en: string }, lang: string): string {
  return (lang === 'en' ? v.label_en : v.label_nl) || v.value;
}

/** formatNumber writes a figure with at most `digits` decimals in the reader's language. */
export function formatNumber(lang: string, v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(v);
}

/** formatP writes a p-value; very small ones as "< 0,001". */
export function formatP(lang: string, p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  if (p < 0.001) return `< ${formatNumber(lang, 0.001, 3)}`;
  return formatNumber(lang, p, 3);
}

/** contrastText writes the odds ratio with its interval, as "2,5 (1,1–5,6)". */
export function contrastText(lang: string, c: PatternContrast | null | undefined): string {
  if (!c) return '–';
  return `${formatNumber(lang, c.odds_ratio)} (${formatNumber(lang, c.ci_low)}–${formatNumber(lang, c.ci_high)})`;
}

/** sourceLabel names what a code is counted on. */
export function sourceLabel(t: TFunction, s: string): string {
  return t(`research.source.${s}`);
}

/** byShownTotal orders rows by their shown number of cases, suppressed ones last, then by key. */
export function byShownTotal<T extends { key: string; total?: CrosstabRow['total']; cases?: CrosstabRow['total'] }>(a: T, b: T): number {
  const v = (r: T) => {
    const c = r.total ?? r.cases;
    return c && !c.suppressed && c.value !== null ? c.value : -1;
  };
  return v(b) - v(a) || a.key.localeCompare(b.key);
}
