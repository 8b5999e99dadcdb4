import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartColours, type ChartColours } from './draw';

interface Props {
  /** build makes the chart's options and data for a width, with the theme's colours. */
  build: (width: number, colours: ChartColours) => { opts: uPlot.Options; data: uPlot.AlignedData };
  height: number;
}

/**
 * UPlotCanvas mounts a uPlot chart in a div, fitted to the width it gets,
 * and draws it anew when that width changes. The canvas is decoration for
 * sighted readers: the figure around it names it (role="img") and the
 * table beside it holds every number.
 */
export function UPlotCanvas({ build, height }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let width = 0;
    const draw = () => {
      const w = Math.max(280, Math.floor(el.clientWidth));
      if (w === width && chart) return;
      width = w;
      chart?.destroy();
      const { opts, data } = build(w, chartColours(el));
      chart = new uPlot({ ...opts, width: w, height }, data, el);
    };
    draw();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(draw) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart?.destroy();
    };
  }, [build, height]);
  return <div ref={box} className="leerlus-chart__canvas" aria-hidden="true" />;
}
