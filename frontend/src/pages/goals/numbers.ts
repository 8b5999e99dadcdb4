import type { TFunction } from 'i18next';

// The server's largest absolute value for a goal's numbers.
export const valueMax = 1e12;

/** parseNumber reads a number as people type it: a decimal comma or point; undefined for empty text, NaN for words. */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** checkNumber gives the error for a typed number: required or not, a number, at most 10^12. */
export function checkNumber(t: TFunction, text: string, required: boolean): string | undefined {
  const n = parseNumber(text);
  if (n === undefined) return required ? t('fieldErrors.required') : undefined;
  if (Number.isNaN(n)) return t('goals.form.notNumber');
  if (Math.abs(n) > valueMax) return t('goals.form.tooBig');
  return undefined;
}

/** formatNumber shows a goal's number in the reader's language. */
export function formatNumber(lang: string, v: number | undefined): string {
  if (v === undefined) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(v);
}
