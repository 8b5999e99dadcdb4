import { useState } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { goalApi, goalKey, goalsKey, type Goal, type Measurement } from '../../api/goals';
import { isApiError } from '../../api/problem';
import { can, membershipIn, useMe } from '../../auth/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { usePanel } from '../../components/usePanel';
import { RunChartFigure } from '../actions/RunChartFigure';
import { analyse } from '../actions/runchart';
import { formatDay } from '../actions/labels';
import { goalPath, goalsPath } from '../actions/paths';
import { GoalFacts } from './GoalsPage';
import { GoalForm } from './GoalForm';
import { MeasurementForm } from './MeasurementForm';
import { formatNumber } from './numbers';
import '../cases/cases.css';
import '../actions/actions.css';

/** todayUTC is today's date as the server counts it (UTC), YYYY-MM-DD. */
function todayUTC(): string {
  return new Date().toISOString().slice(0, 10);
}

interface RowProps {
  goal: Goal;
  m: Measurement;
  manage: boolean;
  onChanged: (message: string, saved: Goal) => void;
  onStale: () => void;
}

function MeasurementRow({ goal, m, manage, onChanged, onStale }: RowProps) {
  const { t, i18n } = useTranslation();
  const { panel, cancel, close, toggle } = usePanel<'edit'>();
  const date = formatDay(i18n.language, m.measured_on);
  const remove = useMutation({
    mutationFn: () => goalApi.deleteMeasurement(goal.id, m.id, goal.version),
    onSuccess: (saved) => onChanged(t('goals.done.removed', { date }), saved),
    onError: (e) => {
      if (isApiError(e) && e.status === 409) onStale();
    },
  });
  const h = [t('goals.measurement.date'), t('goals.measurement.valueShort'), t('goals.measurement.steps')];
  return (
    <TableRow data-measurement={m.measured_on}>
      <TableCell data-label={h[0]}>{date}</TableCell>
      <TableCell data-label={h[1]}>{`${formatNumber(i18n.language, m.value)} ${goal.unit}`}</TableCell>
      {manage && (
        <TableCell data-label={h[2]}>
          <ButtonGroup>
            {toggle('edit', t('goals.measurement.edit'), t('goals.measurement.editNamed', { date }))}
            <ConfirmButton
              label={t('goals.measurement.remove')}
              accessibleLabel={t('goals.measurement.removeNamed', { date })}
              question={t('goals.measurement.removeQuestion', { date })}
              confirmLabel={t('goals.measurement.removeYes')}
              busy={remove.isPending}
              onConfirm={() => remove.mutate()}
            />
          </ButtonGroup>
          {remove.isError && <ErrorState error={remove.error} />}
          {panel === 'edit' && (
            <MeasurementForm
              goal={goal}
              measurement={m}
              today={todayUTC()}
              onCancel={cancel}
              onStale={onStale}
              onDone={(saved) => {
                close();
                onChanged(t('goals.done.corrected', { date }), saved);
              }}
            />
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

function GoalView({ networkId, id, manage }: { networkId: string; id: string; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const arrived = (useLocation().state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(arrived);
  const [stale, setStale] = useState(false);
  const { panel, cancel, close, toggle } = usePanel<'edit' | 'add'>();
  const query = useQuery({ queryKey: goalKey(id), queryFn: () => goalApi.get(id) });
  const back = (
    <Paragraph className="leerlus-no-print">
      <RouterLink to={goalsPath(networkId)}>{t('goals.back')}</RouterLink>
    </Paragraph>
  );
  const changed = (m: string, saved: Goal) => {
    qc.setQueryData(goalKey(id), saved);
    void qc.invalidateQueries({ queryKey: goalsKey(networkId) });
    setStale(false);
    setMessage(m);
  };
  const onStale = () => {
    setStale(true);
    void qc.invalidateQueries({ queryKey: goalKey(id) });
  };
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('goals.goal')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const g = query.data;
  if (g.network_id !== networkId) return <Navigate to={goalPath(g.network_id, g.id)} replace />;
  const chart = analyse(
    g.measurements.map((m) => formatDay(i18n.language, m.measured_on)),
    g.measurements.map((m) => m.value),
  );
  const format = (v: number) => formatNumber(i18n.language, v);
  return (
    <>
      {back}
      <PageHeading title={g.name} />
      <StatusMessage message={message} />
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('goals.stale')}</Paragraph>
        </Alert>
      )}
      <GoalFacts goal={g} />
      {manage && <Paragraph>{toggle('edit', t('goals.edit'), t('goals.editNamed', { name: g.name }))}</Paragraph>}
      {panel === 'edit' && (
        <GoalForm
          networkId={networkId}
          goal={g}
          onCancel={cancel}
          onStale={onStale}
          onDone={(saved) => {
            close();
            changed(t('goals.done.saved'), saved);
          }}
        />
      )}
      <section aria-labelledby="goal-chart-title" className="leerlus-action-section">
        <Heading level={2} id="goal-chart-title">
          {t('goals.chart.title')}
        </Heading>
        {g.measurements.length === 0 ? (
          <Paragraph>{t('goals.chart.none')}</Paragraph>
        ) : (
          <>
            <Paragraph className="leerlus-effect__verdict">{chart.too_few ? t('goals.chart.tooFew', { count: chart.useful }) : t('goals.chart.enough')}</Paragraph>
            <RunChartFigure chart={chart} title={t('goals.chart.caption', { name: g.name, unit: g.unit })} format={format} target={g.target} />
          </>
        )}
      </section>
      <section aria-labelledby="goal-measurements-title" className="leerlus-action-section">
        <Heading level={2} id="goal-measurements-title">
          {t('goals.measurement.title')}
        </Heading>
        {manage && <Paragraph>{toggle('add', t('goals.measurement.addTitle'), t('goals.measurement.addNamed', { name: g.name }), true)}</Paragraph>}
        {panel === 'add' && (
          <MeasurementForm
            goal={g}
            today={todayUTC()}
            onCancel={cancel}
            onStale={onStale}
            onDone={(saved) => {
              close();
              changed(t('goals.done.added'), saved);
            }}
          />
        )}
        {g.measurements.length > 0 && (
          <div className="leerlus-table-scroll" tabIndex={0} role="region" aria-label={t('goals.measurement.tableLabel')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('goals.measurement.date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('goals.measurement.valueShort')}</TableHeaderCell>
                  {manage && <TableHeaderCell scope="col">{t('goals.measurement.steps')}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...g.measurements].reverse().map((m) => (
                  <MeasurementRow key={m.id} goal={g} m={m} manage={manage} onChanged={changed} onStale={onStale} />
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

/** GoalPage is one goal with its measurements over time as a run chart and a table; managers enter, correct and remove them. */
export default function GoalPage() {
  const { id = '', goal = '' } = useParams();
  const me = useMe();
  if (!can(me, 'goals.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <GoalView key={goal} networkId={id} id={goal} manage={can(me, 'goals.manage', id)} />;
}
