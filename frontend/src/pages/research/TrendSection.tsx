import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';
import type { Crosstab } from '../../api/research';
import { CasesBasis, CellValue, isShown, SuppressionNote } from './Cell';
import { ChartFigure } from './ChartFigure';
import type { ChartModel, ChartSeries } from './charts/model';
import { byShownTotal, codeLabel, crosstabValueLabel } from './labels';
import { ResearchTable } from './ResearchTable';

const LineChart = lazy(() => import('./charts/LineChart'));

// Beside all cases, the lines of the codes named in the most cases.
const trendCodes = 3;
const styles: ChartSeries['style'][] = ['outline', 'light', 'outline'];

/**
 * TrendSection shows per quarter in which trajectories started how many
 * cases there are and how many name the most named codes: lines, and the
 * same numbers in a table, one row per quarter.
 */
export function TrendSection({ data, headingId }: { data: Crosstab; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const top = [...data.rows].sort(byShownTotal).slice(0, trendCodes);
  const labels = data.values.map((v) => crosstabValueLabel(v, lang));
  // The axis names quarters short (2024-Q1); the table in words.
  const model: ChartModel = {
    labels: data.values.map((v) => v.value),
    k: data.k,
    series: [
      { name: t('research.trends.allCases'), style: 'solid', cells: data.cases.cells },
      ...top.map((r, i) => ({ name: codeLabel(r, lang), style: styles[i]!, cells: r.cells })),
    ],
  };
  const shownQuarters = data.cases.cells.filter((c) => isShown(c)).length;
  const summary = t('research.trends.summary', {
    count: labels.length,
    first: labels[0] ?? '',
    last: labels[labels.length - 1] ?? '',
    shown: shownQuarters,
  });
  return (
    <section aria-labelledby={headingId} className="leerlus-research-section">
      <Heading level={2} id={headingId}>
        {t('research.trends.title')}
      </Heading>
      <CasesBasis cases={data.cases.total} networks={data.networks} roundedTo={data.rounded_to} />
      <ChartFigure
        k={data.k}
        lines
        title={t('research.trends.chartTitle')}
        summary={summary}
        legend={model.series}
        chart={<LineChart model={model} />}
        table={
          <ResearchTable
            caption={t('research.trends.tableCaption')}
            columns={[t('research.trends.quarter'), ...model.series.map((s) => s.name)]}
            rows={labels.map((label, i) => ({
              key: data.values[i]!.value,
              head: label,
              cells: model.series.map((s) => <CellValue key={s.name} cell={s.cells[i]} />),
            }))}
          />
        }
      />
      <SuppressionNote k={data.k} roundedTo={data.rounded_to} />
    </section>
  );
}
