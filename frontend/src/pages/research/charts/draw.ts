import type uPlot from 'uplot';

/** ChartColours are the theme's colours, read from CSS custom properties so the canvas follows the theme. */
export interface ChartColours {
  ink: string;
  grid: string;
  series: string[];
  light: string;
  hatch: string;
}

/** chartColours reads the theme's colours from an element's computed style, with the theme's values as fallbacks. */
export function chartColours(el: Element): ChartColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    ink: v('--leerlus-color-ink', '#1d2327'),
    grid: v('--leerlus-color-grey-85', '#d6d6d6'),
    series: [v('--leerlus-color-petrol-25', '#0b4f5c'), v('--leerlus-color-amber-45', '#a86400'), v('--leerlus-color-grey-40', '#5c5c5c')],
    light: v('--leerlus-color-petrol-85', '#bfdde2'),
    hatch: v('--leerlus-color-grey-40', '#5c5c5c'),
  };
}

/** hatchPattern makes the diagonal hatching that marks a suppressed count (a pattern, not a colour). */
export function hatchPattern(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return colour;
  t.strokeStyle = colour;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.moveTo(6, 10);
  t.lineTo(10, 6);
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

/**
 * drawSuppressed draws a hatched box with a dashed outline from 0 to k
 * between two x values: the count lies somewhere in there, or was hidden
 * with its partition.
 */
export function drawSuppressed(u: uPlot, xFrom: number, xTo: number, k: number, colours: ChartColours): void {
  const ctx = u.ctx;
  const left = u.valToPos(xFrom, 'x', true);
  const right = u.valToPos(xTo, 'x', true);
  const bottom = u.valToPos(0, 'y', true);
  const top = u.valToPos(k, 'y', true);
  ctx.save();
  ctx.fillStyle = hatchPattern(ctx, colours.hatch);
  ctx.fillRect(left, top, right - left, bottom - top);
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = colours.hatch;
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, right - left, bottom - top);
  ctx.restore();
}
