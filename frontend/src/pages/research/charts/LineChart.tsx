import { useCallback } from 'react';
import type uPlot from 'uplot';
import { drawSuppressed, type ChartColours } from './draw';
import { isSuppressed, niceMax, valueOf, type ChartModel } from './model';
import { UPlotCanvas } from './UPlotCanvas';

/**
 * LineChart draws one line per series over the quarters with uPlot,
 * dashed or solid by series, with a point at every shown count. A quarter
 * whose count is suppressed leaves a gap in the line and a hatched box
 * up to k at the bottom. Loaded on demand, with uPlot.
 */
export default function LineChart({ model }: { model: ChartModel }) {
  const build = useCallback(
    (width: number, c: ChartColours) => {
      const { labels, series, k } = model;
      const xs = labels.map((_, i) => i);
      const max = Math.max(0, ...series.flatMap((s) => s.cells.map((cell) => valueOf(cell) ?? 0)));
      const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(width / 110))));
      const opts: uPlot.Options = {
        width,
        height: 0,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] },
          y: { range: () => [0, niceMax(max, k)] },
        },
        axes: [
          {
            stroke: c.ink,
            grid: { show: false },
            splits: () => xs.filter((i) => i % every === 0),
            values: (_u, splits) => splits.map((v) => labels[v] ?? ''),
          },
          { stroke: c.ink, grid: { stroke: c.grid, width: 1 } },
        ],
        series: [
          {},
          ...series.map((s, si) => {
            const colour = c.series[si % c.series.length]!;
            return {
              label: s.name,
              stroke: colour,
              width: 2,
              dash: s.style === 'outline' ? [6, 4] : s.style === 'light' ? [2, 3] : undefined,
              spanGaps: false,
              points: { show: true, size: 7, fill: s.style === 'solid' ? colour : '#ffffff', stroke: colour },
            } satisfies uPlot.Series;
          }),
        ],
        hooks: {
          draw: [
            (u) => {
              xs.forEach((i) => {
                if (series.some((s) => isSuppressed(s.cells[i]))) drawSuppressed(u, i - 0.35, i + 0.35, k, c);
              });
            },
          ],
        },
      };
      const data: uPlot.AlignedData = [xs, ...series.map((s) => s.cells.map(valueOf))];
      return { opts, data };
    },
    [model],
  );
  return <UPlotCanvas build={build} height={300} />;
}
