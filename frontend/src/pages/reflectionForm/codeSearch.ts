import type { Codebook, CodebookCode, CodebookTheme } from '../../api/codebook';
import type { CodeChoice } from './model';
import type { Lang } from './template';

/** ThemeMatch is a theme with the codes of it that match a search, in the codebook's order. */
export interface ThemeMatch {
  theme: CodebookTheme;
  codes: CodebookCode[];
}

/** fold lowers a text and drops accents, so "ë" finds "e" and "Één" finds "een". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** labelOf is a code's or theme's label in the form's language. */
export function labelOf(x: { label_nl: string; label_en: string }, lang: Lang): string {
  return lang === 'en' ? x.label_en : x.label_nl;
}

/** descriptionOf is a code's or theme's description in the form's language. */
export function descriptionOf(x: { description_nl: string; description_en: string }, lang: Lang): string {
  return lang === 'en' ? x.description_en : x.description_nl;
}

/**
 * searchCodebook finds the codes the picker offers for what was typed:
 * every word must occur in the code's labels, description or examples, or
 * in its theme's label (so a theme's name lists all its codes). Retired
 * and merged codes are never offered, nor codes already chosen. An empty
 * search lists every offered code. Themes without a match are left out.
 */
export function searchCodebook(cb: Codebook, query: string, exclude: ReadonlySet<string> = new Set()): ThemeMatch[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const out: ThemeMatch[] = [];
  for (const theme of [...cb.themes].sort((a, b) => a.position - b.position)) {
    const themeText = fold(`${theme.label_nl} ${theme.label_en}`);
    const codes = [...theme.codes]
      .sort((a, b) => a.position - b.position)
      .filter((c) => c.offered && !exclude.has(c.id))
      .filter((c) => {
        const text = `${themeText} ${fold([c.label_nl, c.label_en, c.description_nl, c.description_en, ...c.examples].join(' '))}`;
        return words.every((w) => text.includes(w));
      });
    if (codes.length) out.push({ theme, codes });
  }
  return out;
}

/** choiceOf is what a chosen code keeps of the codebook: its id and labels. */
export function choiceOf(c: Pick<CodebookCode, 'id' | 'label_nl' | 'label_en'>): CodeChoice {
  return { id: c.id, label_nl: c.label_nl, label_en: c.label_en };
}
