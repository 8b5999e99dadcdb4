import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';
import type { CodePatterns } from '../../api/research';
import { CasesBasis, CellValue, cellText, isShown, SuppressionNote } from './Cell';
import { ChartFigure } from './ChartFigure';
import type { ChartModel } from './charts/model';
import { byShownTotal, codeLabel, contrastText, formatNumber, formatP } from './labels';
import { ResearchTable } from './ResearchTable';

const BarChart = lazy(() => import('./charts/BarChart'));

// The chart shows the codes named in the most cases; the table has all.
const chartCodes = 12;

/**
 * CodeFrequencies shows per code the cases naming it, and the contrast of
 * stuck against good trajectories: a bar chart of the most named codes
 * (all cases, stuck, good) and a table of every code with the outcomes,
 * helped/hindered, lift, odds ratio with its interval and Fisher's p.
 */
export function CodeFrequencies({ data, headingId }: { data: CodePatterns; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const top = [...data.codes].sort(byShownTotal).slice(0, chartCodes);
  const model: ChartModel = {
    labels: top.map((c) => codeLabel(c, lang)),
    k: data.k,
    series: [
      { name: t('research.codes.seriesAll'), style: 'solid', cells: top.map((c) => c.cases) },
      { name: t('research.outcome.stuck'), style: 'outline', cells: top.map((c) => c.by_outcome.stuck) },
      { name: t('research.outcome.good'), style: 'light', cells: top.map((c) => c.by_outcome.good) },
    ],
  };
  const shown = data.codes.filter((c) => isShown(c.cases));
  const summary = t('research.codes.summary', {
    count: top.length,
    total: data.codes.length,
    shown: shown.length,
    most: top
      .filter((c) => isShown(c.cases))
      .slice(0, 3)
      .map((c) => `${codeLabel(c, lang)} (${cellText(t, c.cases)})`)
      .join(', ') || t('research.cell.suppressed'),
  });
  const columns = [
    t('research.codes.code'),
    t('research.codes.cases'),
    t('research.outcome.good'),
    t('research.outcome.stuck'),
    t('research.outcome.mixed'),
    t('research.codes.helped'),
    t('research.codes.hindered'),
    t('research.codes.lift'),
    t('research.codes.oddsRatio'),
    t('research.codes.p'),
  ];
  return (
    <section aria-labelledby={headingId} className="leerlus-research-section">
      <Heading level={2} id={headingId}>
        {t('research.codes.title')}
      </Heading>
      <CasesBasis cases={data.cases} networks={data.networks} roundedTo={data.rounded_to} />
      <ChartFigure
        k={data.k}
        title={t('research.codes.chartTitle', { count: top.length })}
        summary={summary}
        legend={model.series}
        chart={<BarChart model={model} />}
        table={
          <ResearchTable
            caption={t('research.codes.tableCaption')}
            columns={columns}
            rows={data.codes.map((c) => ({
              key: c.key,
              head: codeLabel(c, lang),
              cells: [
                <CellValue key="cases" cell={c.cases} />,
                <CellValue key="good" cell={c.by_outcome.good} />,
                <CellValue key="stuck" cell={c.by_outcome.stuck} />,
                <CellValue key="mixed" cell={c.by_outcome.mixed} />,
                <CellValue key="helped" cell={c.helped} />,
                <CellValue key="hindered" cell={c.hindered} />,
                formatNumber(lang, c.contrast?.lift),
                contrastText(lang, c.contrast),
                formatP(lang, c.contrast?.p_value),
              ],
            }))}
          />
        }
      />
      <SuppressionNote k={data.k} roundedTo={data.rounded_to} />
    </section>
  );
}
