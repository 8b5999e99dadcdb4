import type { PatternCell } from '../../api/research';
import { isShown } from './Cell';

export interface HeatmapCode {
  key: string;
  label: string;
  cases: PatternCell;
}

interface Props {
  codes: HeatmapCode[];
  /** pair finds the cell of two codes (either order). */
  pair: (a: string, b: string) => { cases: PatternCell; jaccard: number | null } | undefined;
}

const cell = 40;
const labelWidth = 230;
const top = 34;

/**
 * Heatmap draws the co-occurrence of codes as a grid in SVG: the darker a
 * cell, the larger the Jaccard index of the two codes' cases, with the
 * number of cases in it. Suppressed cells are hatched and hold a dash.
 * Rows carry the code's number and name, columns its number. It is drawn
 * by hand: uPlot has no heat map, and a grid of rectangles needs no library.
 */
export function Heatmap({ codes, pair }: Props) {
  const n = codes.length;
  const width = labelWidth + n * cell + 8;
  const height = top + n * cell + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="leerlus-heatmap" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="leerlus-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" className="leerlus-heatmap__hatch" />
        </pattern>
      </defs>
      {codes.map((c, j) => (
        <text key={`col-${c.key}`} x={labelWidth + j * cell + cell / 2} y={top - 10} textAnchor="middle" className="leerlus-heatmap__label">
          {j + 1}
        </text>
      ))}
      {codes.map((row, i) => (
        <g key={row.key}>
          <text x={labelWidth - 8} y={top + i * cell + cell / 2 + 5} textAnchor="end" className="leerlus-heatmap__label">
            {`${i + 1}. ${row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}`}
          </text>
          {codes.map((col, j) => {
            const x = labelWidth + j * cell;
            const y = top + i * cell;
            if (i === j) {
              return <rect key={col.key} x={x} y={y} width={cell} height={cell} className="leerlus-heatmap__self" />;
            }
            const p = pair(row.key, col.key);
            const shown = p && isShown(p.cases);
            const level = shown && p.jaccard !== null ? Math.min(4, Math.floor(p.jaccard * 5)) : 0;
            return (
              <g key={col.key} data-suppressed={!shown || undefined}>
                <rect
                  x={x}
                  y={y}
                  width={cell}
                  height={cell}
                  className={shown ? `leerlus-heatmap__cell leerlus-heatmap__cell--${level}` : 'leerlus-heatmap__cell leerlus-heatmap__cell--suppressed'}
                />
                <text x={x + cell / 2} y={y + cell / 2 + 5} textAnchor="middle" className={`leerlus-heatmap__value${level >= 3 ? ' leerlus-heatmap__value--dark' : ''}`}>
                  {shown ? p.cases.value : '–'}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
