import { Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { Loading } from '../../components/states';
import type { ChartSeries } from './charts/model';

interface Props {
  title: string;
  /** summary says in words what the chart shows; it describes the image. */
  summary: string;
  /** chart is the drawing (usually lazily loaded); it is shown as one image named by the title. */
  chart: ReactNode;
  /** legend names the series and how they look; the hatched "not shown" mark is always added. */
  legend: Pick<ChartSeries, 'name' | 'style'>[];
  /** table holds every number of the chart: the alternative for those who cannot see it. */
  table: ReactNode;
  /** k is the fewest cases a shown count rests on, for the legend of the hatching. */
  k: number;
  /** lines shows the legend's series as line styles (solid, dashed, dotted) instead of bar fills. */
  lines?: boolean;
}

/**
 * ChartFigure frames a chart: a caption, the drawing as one image named
 * by the caption and described by a sentence, a legend in words and
 * shapes, and the same numbers as a real table behind "Toon als tabel".
 */
export function ChartFigure({ title, summary, chart, legend, table, k, lines }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const captionId = `${id}-caption`;
  const summaryId = `${id}-summary`;
  const drawing = <Suspense fallback={<Loading />}>{chart}</Suspense>;
  return (
    <figure className="leerlus-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="leerlus-chart__caption">
        {title}
      </figcaption>
      <div role="img" aria-labelledby={captionId} aria-describedby={summaryId} className="leerlus-chart__image">
        {drawing}
      </div>
      <ul className="leerlus-chart__legend">
        {legend.map((s, i) => (
          <li key={s.name}>
            <span className={`leerlus-swatch leerlus-swatch--${lines ? 'line' : 'bar'} leerlus-swatch--${s.style} leerlus-swatch--${i}`} aria-hidden="true" />
            {s.name}
          </li>
        ))}
        <li>
          <span className="leerlus-swatch leerlus-swatch--suppressed" aria-hidden="true" />
          {t('research.chart.suppressedLegend', { k })}
        </li>
      </ul>
      <Paragraph id={summaryId} className="leerlus-chart__summary">
        {summary}
      </Paragraph>
      <details className="leerlus-details leerlus-chart__table">
        <summary className="leerlus-details__summary">{t('research.chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
