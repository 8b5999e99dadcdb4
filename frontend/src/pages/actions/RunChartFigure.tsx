import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { RunChart, RunChartPoint } from '../../api/actions';

interface Props {
  chart: RunChart;
  /** title names the chart: the figure's caption and the image's name. */
  title: string;
  /** format writes a value as the reader sees it (a percentage, a count). */
  format: (v: number) => string;
  /** startAt is where the action started, as a point index (x.5 between two points, or after the last); none for a goal. */
  startAt?: number;
  /** target draws a goal's target as a line. */
  target?: number;
  /** yMax fixes the top of the scale (1 for rates); otherwise it follows the values. */
  yMax?: number;
}

// The drawing's own coordinates; the SVG scales to the width it gets.
const W = 640;
const H = 300;
const pad = { left: 64, right: 16, top: 16, bottom: 44 };

/** niceCeil rounds a scale's top up to 1, 2, 2.5 or 5 times a power of ten, so the axis reads in round numbers. */
export function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= v) ?? 10;
  return step * power;
}

/** runsOf lists the stretches of consecutive points a rule marks, as "first – last" labels. */
export function runsOf(points: RunChartPoint[], rule: 'shift' | 'trend'): string[] {
  const out: string[] = [];
  let first = -1;
  points.forEach((p, i) => {
    if (p[rule] && first < 0) first = i;
    const ends = p[rule] && (i === points.length - 1 || !points[i + 1]![rule]);
    if (ends) {
      out.push(`${points[first]!.label} – ${p.label}`);
      first = -1;
    }
  });
  return out;
}

/**
 * RunChartFigure draws a run chart as an SVG image: the points joined by a
 * line, the median as a dashed line, points in a shift as squares and
 * points in a trend ringed (shape, not colour alone), and the start of an
 * action or a goal's target when given. A legend and a sentence that
 * names the median and the marked stretches describe it in words; the
 * page adds the numbers as a table.
 */
export function RunChartFigure({ chart, title, format, startAt, target, yMax }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const captionId = `${id}-caption`;
  const summaryId = `${id}-summary`;
  const ps = chart.points;
  const values = [...ps.map((p) => p.value), chart.median, ...(target !== undefined ? [target] : [])];
  const lo = Math.min(0, ...values);
  const hi = yMax ?? niceCeil(Math.max(...values, lo + 1));
  const span = hi - lo || 1;
  // The x scale runs over the points, and half a step further when the start lies after the last one.
  const slots = Math.max(ps.length - 1, startAt ?? 0);
  const x = (i: number) => pad.left + (slots <= 0 ? (W - pad.left - pad.right) / 2 : (i * (W - pad.left - pad.right)) / slots);
  const y = (v: number) => pad.top + (1 - (v - lo) / span) * (H - pad.top - pad.bottom);
  const every = Math.max(1, Math.ceil(ps.length / 6));
  const shifts = runsOf(ps, 'shift');
  const trends = runsOf(ps, 'trend');
  const none = t('actions.chart.none');
  return (
    <figure className="leerlus-runchart">
      <figcaption id={captionId} className="leerlus-runchart__caption">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={captionId} aria-describedby={summaryId} className="leerlus-runchart__svg">
        {[lo, (lo + hi) / 2, hi].map((v) => (
          <g key={v} className="leerlus-runchart__grid">
            <line x1={pad.left} x2={W - pad.right} y1={y(v)} y2={y(v)} />
            <text x={pad.left - 8} y={y(v) + 5} textAnchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {ps.map((p, i) =>
          (i % every === 0 && ps.length - 1 - i >= every) || i === ps.length - 1 ? (
            // The first and last labels align to their point's side, so they stay inside the drawing.
            <text
              key={p.label}
              x={x(i)}
              y={H - pad.bottom + 22}
              textAnchor={ps.length > 1 && i === 0 ? 'start' : ps.length > 1 && i === ps.length - 1 ? 'end' : 'middle'}
              className="leerlus-runchart__label"
            >
              {p.label}
            </text>
          ) : null,
        )}
        {target !== undefined && (
          <g className="leerlus-runchart__target">
            <line x1={pad.left} x2={W - pad.right} y1={y(target)} y2={y(target)} />
            <text x={W - pad.right} y={y(target) - 6} textAnchor="end">
              {t('actions.chart.target', { value: format(target) })}
            </text>
          </g>
        )}
        {startAt !== undefined && ps.length > 0 && (
          <g className="leerlus-runchart__start">
            <line x1={x(startAt)} x2={x(startAt)} y1={pad.top} y2={H - pad.bottom} />
            {/* In the right half the word goes left of the line, so it stays inside the drawing. */}
            <text x={x(startAt) > W / 2 ? x(startAt) - 6 : x(startAt) + 6} y={pad.top + 14} textAnchor={x(startAt) > W / 2 ? 'end' : 'start'}>
              {t('actions.chart.start')}
            </text>
          </g>
        )}
        {ps.length > 0 && (
          <line className="leerlus-runchart__median" x1={pad.left} x2={W - pad.right} y1={y(chart.median)} y2={y(chart.median)} />
        )}
        {ps.length > 1 && <polyline className="leerlus-runchart__line" points={ps.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />}
        {ps.map((p, i) => (
          <g key={`${p.label}-${i}`} className="leerlus-runchart__point" data-shift={p.shift || undefined} data-trend={p.trend || undefined}>
            {p.shift ? <rect x={x(i) - 6} y={y(p.value) - 6} width={12} height={12} /> : <circle cx={x(i)} cy={y(p.value)} r={5} />}
            {p.trend && <circle className="leerlus-runchart__ring" cx={x(i)} cy={y(p.value)} r={10} />}
          </g>
        ))}
      </svg>
      <ul className="leerlus-runchart__legend">
        <li>
          <svg viewBox="0 0 24 12" aria-hidden="true" focusable="false">
            <line className="leerlus-runchart__median" x1={0} x2={24} y1={6} y2={6} />
          </svg>
          {t('actions.chart.medianLegend', { value: format(chart.median) })}
        </li>
        <li>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect className="leerlus-runchart__point" x={6} y={6} width={12} height={12} />
          </svg>
          {t('actions.chart.shiftLegend')}
        </li>
        <li>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle className="leerlus-runchart__point" cx={12} cy={12} r={5} />
            <circle className="leerlus-runchart__ring" cx={12} cy={12} r={10} />
          </svg>
          {t('actions.chart.trendLegend')}
        </li>
        {startAt !== undefined && (
          <li>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <line className="leerlus-runchart__start-line" x1={12} x2={12} y1={0} y2={24} />
            </svg>
            {t('actions.chart.startLegend')}
          </li>
        )}
      </ul>
      <Paragraph id={summaryId} className="leerlus-runchart__summary">
        {t('actions.chart.summary', { count: ps.length, median: format(chart.median) })}{' '}
        {t('actions.chart.shifts', { runs: shifts.length ? shifts.join('; ') : none })}{' '}
        {t('actions.chart.trends', { runs: trends.length ? trends.join('; ') : none })}
      </Paragraph>
    </figure>
  );
}
