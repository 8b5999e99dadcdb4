import { useCallback } from 'react';
import uPlot from 'uplot';
import { drawSuppressed, type ChartColours } from './draw';
import { barSlots, isSuppressed, niceMax, shorten, valueOf, type ChartModel } from './model';
import { UPlotCanvas } from './UPlotCanvas';

/**
 * BarChart draws grouped bars with uPlot: one group per label, one bar per
 * series, in the series' order from left to right. Suppressed counts are
 * hatched boxes up to k with a dashed edge. Loaded on demand (React.lazy),
 * with uPlot, so the chart library is never part of the first load.
 */
export default function BarChart({ model }: { model: ChartModel }) {
  const build = useCallback(
    (width: number, c: ChartColours) => {
      const { labels, series, k } = model;
      const m = series.length;
      const xs = labels.map((_, i) => i + 1);
      const max = Math.max(0, ...series.flatMap((s) => s.cells.map((cell) => valueOf(cell) ?? 0)));
      const rotate = labels.length > 6 || width < 640;
      const opts: uPlot.Options = {
        width,
        height: 0,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          x: { time: false, range: [0.5, labels.length + 0.5] },
          y: { range: () => [0, niceMax(max, k)] },
        },
        axes: [
          {
            stroke: c.ink,
            grid: { show: false },
            splits: () => xs,
            values: (_u, splits) => splits.map((v) => shorten(labels[v - 1] ?? '')),
            rotate: rotate ? -40 : 0,
            size: rotate ? 130 : 40,
          },
          { stroke: c.ink, grid: { stroke: c.grid, width: 1 } },
        ],
        series: [
          {},
          ...series.map((s, si) => {
            const colour = c.series[si % c.series.length]!;
            return {
              label: s.name,
              // Light bars get a thin dark edge, so they stand out from the white at 3:1.
              stroke: s.style === 'light' ? c.series[0]! : colour,
              width: s.style === 'outline' ? 2 : s.style === 'light' ? 1 : 0,
              fill: s.style === 'outline' ? '#ffffff' : s.style === 'light' ? c.light : colour,
              points: { show: false },
              paths: uPlot.paths.bars!({
                disp: {
                  x0: { unit: 3, values: () => xs.map((g) => barSlots(g, si, m).x0) },
                  size: { unit: 3, values: () => [barSlots(1, si, m).width * 0.9] },
                },
              }),
            } satisfies uPlot.Series;
          }),
        ],
        hooks: {
          draw: [
            (u) => {
              series.forEach((s, si) =>
                s.cells.forEach((cell, i) => {
                  if (!isSuppressed(cell)) return;
                  const { x0, width: w } = barSlots(i + 1, si, m);
                  drawSuppressed(u, x0, x0 + w * 0.9, k, c);
                }),
              );
            },
          ],
        },
      };
      const data: uPlot.AlignedData = [xs, ...series.map((s) => s.cells.map(valueOf))];
      return { opts, data };
    },
    [model],
  );
  return <UPlotCanvas build={build} height={model.labels.length > 6 ? 380 : 300} />;
}
