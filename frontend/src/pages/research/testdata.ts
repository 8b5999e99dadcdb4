import type { CodePatterns, PatternCell } from '../../api/research';

/** shown and hidden make the cells of test answers. */
export const shown = (value: number): PatternCell => ({ value, suppressed: false });
export const hidden: PatternCell = { value: null, suppressed: true };

/** codePatterns is a small answer of GET /patterns/codes: one code with counts, one with a suppressed partition. */
export const codePatterns: CodePatterns = {
  networks: [{ id: 'n1', name: 'Leernetwerk Integraal werken' }],
  k: 5,
  rounded_to: 5,
  cases: shown(55),
  by_outcome: { good: shown(20), stuck: shown(20), mixed: shown(15) },
  codes: [
    {
      key: 'T1.wachttijd',
      label_nl: 'Wachttijd',
      label_en: 'Waiting time',
      cases: shown(15),
      by_outcome: { good: shown(5), stuck: shown(10), mixed: shown(5) },
      helped: hidden,
      hindered: shown(15),
      contrast: { lift: 2, odds_ratio: 2.5, ci_low: 0.7, ci_high: 9.1, p_value: 0.21 },
    },
    {
      key: 'T4.stem_jongere',
      label_nl: 'Stem van de jongere',
      label_en: "The young person's voice",
      cases: shown(10),
      by_outcome: { good: hidden, stuck: hidden, mixed: hidden },
      helped: shown(10),
      hindered: hidden,
      contrast: null,
    },
  ],
};
