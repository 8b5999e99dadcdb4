import { useTranslation } from 'react-i18next';
import { StatusBadge } from '@utrecht/component-library-react';
import type { RecurringLesson } from '../../api/recurring';

/** GroupBadges say, in words, when a group is no recurring lesson (too few cases, or set aside) and when a facilitator named it. */
export function GroupBadges({ group: g }: { group: RecurringLesson }) {
  const { t } = useTranslation();
  const badges: [string, string, 'neutral' | 'warning' | 'success'][] = [];
  if (g.status === 'dismissed') badges.push(['dismissed', t('recurring.dismissed'), 'neutral']);
  else if (!g.recurring) badges.push(['few', t('recurring.notRecurring'), 'warning']);
  if (g.statement_edited) badges.push(['edited', t('recurring.edited'), 'success']);
  if (badges.length === 0) return null;
  return (
    <p className="leerlus-recurring__badges">
      {badges.map(([k, label, kind]) => (
        <StatusBadge key={k} status={kind} className="leerlus-badge" data-badge={k}>
          {label}
        </StatusBadge>
      ))}
    </p>
  );
}
