import { lazy, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Heading } from '@utrecht/component-library-react';
import { researchApi, researchKey, type CodePatterns, type PatternQuery } from '../../api/research';
import { SelectField } from '../../components/fields';
import { perspectiveLabel } from '../../components/labels';
import { ErrorState, Loading } from '../../components/states';
import { CasesBasis, CellValue, cellText, SuppressionNote } from './Cell';
import { ChartFigure } from './ChartFigure';
import type { ChartModel } from './charts/model';
import { byShownTotal, codeLabel } from './labels';
import { ResearchTable } from './ResearchTable';

const BarChart = lazy(() => import('./charts/BarChart'));

interface Props {
  /** codes offers the codes to choose from (the code frequencies' answer). */
  codes: CodePatterns['codes'];
  query: PatternQuery;
  /** code is the chosen code (from the URL), or '' for the most named one. */
  code: string;
  onCode: (code: string) => void;
  headingId: string;
}

/**
 * PerspectiveSection compares perspectives on one code: in how many cases
 * reflections of each perspective name it, beside the cases with a
 * reflection of that perspective at all. The code is chosen with a
 * button, not on change (WCAG 3.2.2).
 */
export function PerspectiveSection({ codes, query, code, onCode, headingId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sorted = [...codes].sort(byShownTotal);
  const chosen = codes.some((c) => c.key === code) ? code : (sorted[0]?.key ?? '');
  const [draft, setDraft] = useState(chosen);
  const q = { ...query, code: chosen ? [chosen] : undefined };
  const result = useQuery({
    queryKey: [...researchKey, 'perspectives', q],
    queryFn: () => researchApi.perspectives(q),
    enabled: chosen !== '',
    placeholderData: keepPreviousData,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCode(draft);
  };
  const options = [...codes].sort((a, b) => codeLabel(a, lang).localeCompare(codeLabel(b, lang))).map((c) => ({ value: c.key, label: codeLabel(c, lang) }));
  return (
    <section aria-labelledby={headingId} className="leerlus-research-section">
      <Heading level={2} id={headingId}>
        {t('research.persp.title')}
      </Heading>
      <form onSubmit={submit} noValidate className="leerlus-research-inline-form">
        <SelectField id="research-persp-code" label={t('research.persp.code')} value={draft} onChange={setDraft} options={options} />
        <Button type="submit" appearance="secondary-action-button">
          {t('research.persp.compare')}
        </Button>
      </form>
      {result.isPending && chosen !== '' && <Loading />}
      {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
      {result.data && <Contrast data={result.data} code={chosen} label={codeLabel(codes.find((c) => c.key === chosen) ?? { key: chosen, label_nl: chosen, label_en: chosen }, lang)} />}
    </section>
  );
}

function Contrast({ data, code, label }: { data: NonNullable<Awaited<ReturnType<typeof researchApi.perspectives>>>; code: string; label: string }) {
  const { t } = useTranslation();
  const row = data.rows.find((r) => r.key === code);
  const names = data.values.map((v) => perspectiveLabel(t, v.value));
  const model: ChartModel = {
    labels: names,
    k: data.k,
    series: [
      { name: t('research.persp.naming', { code: label }), style: 'solid', cells: row?.cells ?? [] },
      { name: t('research.persp.withPerspective'), style: 'light', cells: data.cases.cells },
    ],
  };
  const summary = t('research.persp.summary', {
    code: label,
    parts: names.map((n, i) => `${n}: ${cellText(t, row?.cells[i])}`).join('; '),
  });
  return (
    <div>
      <CasesBasis cases={row?.total ?? data.cases.total} networks={data.networks} roundedTo={data.rounded_to} />
      <ChartFigure
        k={data.k}
        title={t('research.persp.chartTitle', { code: label })}
        summary={summary}
        legend={model.series}
        chart={<BarChart model={model} />}
        table={
          <ResearchTable
            caption={t('research.persp.tableCaption', { code: label })}
            columns={[t('research.persp.perspective'), model.series[0]!.name, model.series[1]!.name]}
            rows={data.values.map((v, i) => ({
              key: v.value,
              head: names[i],
              cells: [<CellValue key="naming" cell={row?.cells[i]} />, <CellValue key="with" cell={data.cases.cells[i]} />],
            }))}
          />
        }
      />
      <SuppressionNote k={data.k} roundedTo={data.rounded_to} />
    </div>
  );
}
