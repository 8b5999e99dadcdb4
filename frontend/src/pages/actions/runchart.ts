import type { RunChart, RunChartPoint } from '../../api/actions';

// The run-chart rules, as review/runchart applies them on the server
// (Perla, Provost & Murray 2011). The server marks an action's effect
// chart; no route serves a goal's chart yet, so goals are analysed here
// with the same rules.
export const shiftLength = 6;
export const trendLength = 5;
export const minUseful = 10;

/** median is the middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

const sideOf = (v: number, m: number): -1 | 0 | 1 => (v > m ? 1 : v < m ? -1 : 0);

/**
 * analyse builds the run chart of a series: its median, each point's side
 * of it, and the points a shift (6 or more on one side; points on the
 * median neither break nor count) or a trend (5 or more each higher, or
 * each lower, than the one before; a repeat neither breaks nor counts)
 * marks. Fewer than 10 points off the median are too few to conclude.
 */
export function analyse(labels: readonly string[], values: readonly number[]): RunChart {
  if (values.length === 0) return { median: 0, useful: 0, too_few: true, points: [] };
  const m = median(values);
  const points: RunChartPoint[] = values.map((value, i) => ({ label: labels[i] ?? '', value, side: sideOf(value, m), shift: false, trend: false }));
  const useful = points.filter((p) => p.side !== 0).length;

  let run: number[] = [];
  const flushShift = () => {
    if (run.length >= shiftLength) for (const i of run) points[i]!.shift = true;
    run = [];
  };
  points.forEach((p, i) => {
    if (p.side === 0) return;
    if (run.length > 0 && points[run[0]!]!.side !== p.side) flushShift();
    run.push(i);
  });
  flushShift();

  let trend: number[] = [];
  let dir = 0;
  const flushTrend = () => {
    if (trend.length >= trendLength) for (const i of trend) points[i]!.trend = true;
  };
  points.forEach((p, i) => {
    if (trend.length === 0) {
      trend.push(i);
      return;
    }
    const last = trend[trend.length - 1]!;
    const d = sideOf(p.value, points[last]!.value);
    if (d === 0) return;
    if (dir === 0 || d === dir) {
      dir = d;
      trend.push(i);
      return;
    }
    flushTrend();
    // The turning point starts the next run.
    trend = [last, i];
    dir = d;
  });
  flushTrend();

  return { median: m, useful, too_few: useful < minUseful, points };
}
