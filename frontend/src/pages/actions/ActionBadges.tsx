import { useTranslation } from 'react-i18next';
import { StatusBadge } from '@utrecht/component-library-react';
import type { ActionSummary } from '../../api/actions';
import { actionPhaseLabel, actionStatusLabel, formatDay } from './labels';

/**
 * ActionFlags says in words, not colour alone, that an action is overdue
 * (with the day it was due) or stalled (with the stall period).
 */
export function ActionFlags({ action: a, stalledAfterDays }: { action: Pick<ActionSummary, 'overdue' | 'stalled' | 'due_on'>; stalledAfterDays?: number }) {
  const { t, i18n } = useTranslation();
  if (!a.overdue && !a.stalled) return null;
  return (
    <span className="leerlus-action-flags">
      {a.overdue && (
        <StatusBadge status="warning" className="leerlus-badge leerlus-badge--flag" data-flag="overdue">
          {t('actions.flags.overdue', { date: formatDay(i18n.language, a.due_on) })}
        </StatusBadge>
      )}
      {a.overdue && a.stalled && ' '}
      {a.stalled && (
        <StatusBadge status="warning" className="leerlus-badge leerlus-badge--flag" data-flag="stalled">
          {stalledAfterDays ? t('actions.flags.stalled', { count: stalledAfterDays }) : t('actions.flags.stalledPlain')}
        </StatusBadge>
      )}
    </span>
  );
}

/** ActionStatusBadge names an action's status; ActionPhaseBadge its PDCA phase. */
export function ActionStatusBadge({ action: a }: { action: Pick<ActionSummary, 'status'> }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status="neutral" className="leerlus-badge" data-status={a.status}>
      {actionStatusLabel(t, a.status)}
    </StatusBadge>
  );
}

/** ActionPhaseBadge names the PDCA phase an action is in. */
export function ActionPhaseBadge({ action: a }: { action: Pick<ActionSummary, 'phase'> }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status="neutral" className="leerlus-badge leerlus-badge--phase" data-phase={a.phase}>
      {t('actions.phaseNamed', { phase: actionPhaseLabel(t, a.phase) })}
    </StatusBadge>
  );
}
