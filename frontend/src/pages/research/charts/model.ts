import type { PatternCell } from '../../../api/research';

/**
 * ChartSeries is one row of counts a chart draws: one value per group (a
 * code, a perspective) or per quarter. `style` tells the series apart by
 * more than colour: filled, outlined, or (lines) dashed.
 */
export interface ChartSeries {
  name: string;
  cells: (PatternCell | undefined)[];
  style: 'solid' | 'outline' | 'light';
}

/** ChartModel is what a bar or line chart draws: labels along the x axis and the series over them. */
export interface ChartModel {
  labels: string[];
  series: ChartSeries[];
  /** k is the fewest cases a shown count rests on: suppressed values are drawn as hatched bars up to k. */
  k: number;
}

/** valueOf is a shown count, or null when suppressed or absent (the chart leaves a gap). */
export function valueOf(cell: PatternCell | undefined): number | null {
  return cell && !cell.suppressed && cell.value !== null ? cell.value : null;
}

/** isSuppressed tells whether a cell exists but was suppressed. */
export function isSuppressed(cell: PatternCell | undefined): boolean {
  return !!cell && (cell.suppressed || cell.value === null);
}

/** niceMax rounds a scale's top up to 1, 2, 2.5 or 5 times a power of ten, and at least to k. */
export function niceMax(max: number, k: number): number {
  const v = Math.max(max, k, 1);
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= v) ?? 10;
  return step * power;
}

/** barSlots places series s of m within group g (1-based): its left edge and width, in x-scale units. */
export function barSlots(g: number, s: number, m: number): { x0: number; width: number } {
  const groupWidth = 0.8;
  const width = groupWidth / m;
  return { x0: g - groupWidth / 2 + s * width, width };
}

/** shorten cuts a label for an axis to n characters with an ellipsis; the table has the full text. */
export function shorten(label: string, n = 22): string {
  return label.length <= n ? label : `${label.slice(0, n - 1)}…`;
}
