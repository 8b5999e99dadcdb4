import type { Codebook, CodebookCode, CodebookTheme } from '../../api/codebookAdmin';
import { codeLabel } from '../reflections/labels';

/** Placed is a code with the theme it sits under now. */
export interface Placed {
  code: CodebookCode;
  theme: CodebookTheme;
}

/** codesById indexes every code of a codebook (retired and merged ones too) with its theme. */
export function codesById(cb: Codebook | undefined): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const theme of cb?.themes ?? []) for (const code of theme.codes) out.set(code.id, { code, theme });
  return out;
}

/** CodeGroup is a theme's codes as options of a grouped select. */
export interface CodeGroup {
  label: string;
  options: { value: string; label: string }[];
}

/**
 * codeGroups lists the codes that `keep` lets through, grouped by theme in
 * the codebook's order and named in the UI language; themes left without
 * codes are left out.
 */
export function codeGroups(cb: Codebook | undefined, language: string, keep: (c: CodebookCode) => boolean, suffix?: (c: CodebookCode) => string): CodeGroup[] {
  return (cb?.themes ?? [])
    .map((theme) => ({
      label: codeLabel(theme, language),
      options: theme.codes.filter(keep).map((c) => ({ value: c.id, label: codeLabel(c, language) + (suffix?.(c) ?? '') })),
    }))
    .filter((g) => g.options.length > 0);
}

/** offered: the codes new codings may use (neither retired nor merged). */
export const offered = (c: CodebookCode) => c.offered;
