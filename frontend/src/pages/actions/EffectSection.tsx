import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { actionApi, actionKey, type Effect, type EffectQuarter } from '../../api/actions';
import { ErrorState, Loading } from '../../components/states';
import { RunChartFigure } from './RunChartFigure';
import { formatDay } from './labels';

/** percent writes a rate (0–1) as a whole percentage in the reader's language. */
export function percent(lang: string, v: number | undefined): string {
  if (v === undefined) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(v);
}

/**
 * startIndex is where the chart marks the action's start: on the start
 * quarter's point when it has cases, otherwise half a step before the
 * first point after it, or half a step after the last point when no case
 * started after it yet.
 */
export function startIndex(e: Effect): number | undefined {
  const labels = e.chart.points.map((p) => p.label);
  if (labels.length === 0) return undefined;
  const during = e.quarters.find((q) => q.when === 'during');
  if (during && labels.includes(during.period)) return labels.indexOf(during.period);
  const firstAfter = e.quarters.find((q) => q.when === 'after' && q.rate !== undefined);
  if (!firstAfter) return labels.length - 0.5;
  return labels.indexOf(firstAfter.period) - 0.5;
}

function QuarterTable({ effect }: { effect: Effect }) {
  const { t, i18n } = useTranslation();
  const marks = new Map(effect.chart.points.map((p) => [p.label, p]));
  const rule = (q: EffectQuarter) => {
    const p = marks.get(q.period);
    if (!p) return t('actions.effect.noCases');
    return [p.shift && t('actions.effect.inShift'), p.trend && t('actions.effect.inTrend')].filter(Boolean).join(', ');
  };
  const columns: [string, (q: EffectQuarter) => string][] = [
    [t('actions.effect.quarter'), (q) => q.period],
    [t('actions.effect.when'), (q) => t(`actions.effect.whenValue.${q.when}`)],
    [t('actions.effect.cases'), (q) => String(q.cases)],
    [t('actions.effect.withLesson'), (q) => String(q.with_lesson)],
    [t('actions.effect.rate'), (q) => percent(i18n.language, q.rate)],
    [t('actions.effect.rule'), rule],
  ];
  return (
    <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={t('actions.effect.tableLabel')}>
      <Table>
        <TableHeader>
          <TableRow>
            {columns.map(([h]) => (
              <TableHeaderCell key={h} scope="col">
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {effect.quarters.map((q) => (
            <TableRow key={q.period} data-when={q.when}>
              {columns.map(([h, cell]) => (
                <TableCell key={h} data-label={h}>
                  {cell(q)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * EffectSection shows whether the action's recurring lessons come back
 * less in cases that start after it began: the verdict in plain words
 * (saying so when there are too few cases to conclude anything), the run
 * chart per quarter with the start marked, the totals before and after,
 * and every quarter as a table.
 */
export function EffectSection({ actionId }: { actionId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: [...actionKey(actionId), 'effect'], queryFn: () => actionApi.effect(actionId) });
  const body = () => {
    if (query.isPending) return <Loading />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    const { effect, lessons, started_on } = query.data;
    if (!effect) {
      return <Paragraph>{lessons.length === 0 ? t('actions.effect.noLesson') : t('actions.effect.notStarted')}</Paragraph>;
    }
    const side = (s: Effect['before']) =>
      s.cases === 0 ? t('actions.effect.sideNone') : t('actions.effect.side', { with: s.with_lesson, count: s.cases, rate: percent(i18n.language, s.rate) });
    return (
      <>
        <Alert type={effect.verdict === 'lower_after' ? 'ok' : 'info'}>
          <Paragraph className="leerlus-effect__verdict" data-verdict={effect.verdict}>
            {t(`actions.effect.verdict.${effect.verdict}`)}
          </Paragraph>
        </Alert>
        <Paragraph>
          {t('actions.effect.started', { date: formatDay(i18n.language, started_on) })} {t('actions.effect.before', { side: side(effect.before) })}{' '}
          {t('actions.effect.after', { side: side(effect.after) })}
        </Paragraph>
        {effect.chart.points.length > 0 && (
          <RunChartFigure
            chart={effect.chart}
            title={t('actions.effect.chartTitle')}
            format={(v) => percent(i18n.language, v)}
            startAt={startIndex(effect)}
            yMax={1}
          />
        )}
        <Heading level={3}>{t('actions.effect.tableTitle')}</Heading>
        <QuarterTable effect={effect} />
      </>
    );
  };
  return (
    <section aria-labelledby="effect-title" className="leerlus-action-section">
      <Heading level={2} id="effect-title">
        {t('actions.effect.title')}
      </Heading>
      <Paragraph>{t('actions.effect.intro')}</Paragraph>
      {body()}
    </section>
  );
}
