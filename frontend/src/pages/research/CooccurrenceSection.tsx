import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';
import type { Cooccurrence } from '../../api/research';
import { CasesBasis, CellValue, isShown, SuppressionNote } from './Cell';
import { ChartFigure } from './ChartFigure';
import { Heatmap } from './Heatmap';
import { byShownTotal, codeLabel, formatNumber } from './labels';
import { ResearchTable } from './ResearchTable';

// The grid shows the codes named in the most cases.
const gridCodes = 10;

/**
 * CooccurrenceSection shows which codes are named together in one case:
 * a heat map of the most named codes (Jaccard index as shade, cases as
 * number) and, as a table, every pair among them.
 */
export function CooccurrenceSection({ data, headingId }: { data: Cooccurrence; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const top = [...data.codes].sort(byShownTotal).slice(0, gridCodes);
  const pairs = new Map(data.pairs.map((p) => [`${p.a}|${p.b}`, p]));
  const pair = (a: string, b: string) => pairs.get(`${a}|${b}`) ?? pairs.get(`${b}|${a}`);
  const rows = top.flatMap((a, i) =>
    top.slice(i + 1).map((b) => ({ a, b, p: pair(a.key, b.key) })),
  );
  const strongest = rows
    .filter((r) => r.p && isShown(r.p.cases) && r.p.jaccard !== null)
    .sort((x, y) => (y.p!.jaccard ?? 0) - (x.p!.jaccard ?? 0))[0];
  const summary = strongest
    ? t('research.cooc.summary', {
        count: top.length,
        a: codeLabel(strongest.a, lang),
        b: codeLabel(strongest.b, lang),
        cases: strongest.p!.cases.value,
        jaccard: formatNumber(lang, strongest.p!.jaccard),
      })
    : t('research.cooc.summaryNone', { count: top.length });
  return (
    <section aria-labelledby={headingId} className="leerlus-research-section">
      <Heading level={2} id={headingId}>
        {t('research.cooc.title')}
      </Heading>
      <CasesBasis cases={data.cases} networks={data.networks} roundedTo={data.rounded_to} />
      <ChartFigure
        k={data.k}
        title={t('research.cooc.chartTitle', { count: top.length })}
        summary={summary}
        legend={[{ name: t('research.cooc.legend'), style: 'solid' }]}
        chart={<Heatmap codes={top.map((c) => ({ key: c.key, label: codeLabel(c, lang), cases: c.cases }))} pair={pair} />}
        table={
          <ResearchTable
            caption={t('research.cooc.tableCaption')}
            columns={[t('research.cooc.pair'), t('research.cooc.cases'), t('research.cooc.jaccard')]}
            rows={rows.map(({ a, b, p }) => ({
              key: `${a.key}|${b.key}`,
              head: `${codeLabel(a, lang)} + ${codeLabel(b, lang)}`,
              cells: [<CellValue key="cases" cell={p?.cases} />, formatNumber(lang, p?.jaccard)],
            }))}
          />
        }
      />
      <SuppressionNote k={data.k} roundedTo={data.rounded_to} />
    </section>
  );
}
