import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ActionSummary } from '../../api/actions';
import { RouterLink } from '../../components/RouterLink';
import { ActionFlags, ActionPhaseBadge, ActionStatusBadge } from './ActionBadges';
import { actionKindLabel, formatDay } from './labels';
import { actionPath } from './paths';

interface Props {
  action: ActionSummary;
  /** show names the badge the column does not already say: the phase on the status board, the status on the phase board. */
  show: 'status' | 'phase' | 'both';
  /** stalledAfterDays is the network's stall period, for the flag's words, when known. */
  stalledAfterDays?: number;
  level?: 2 | 3;
}

/** ActionCard is one action on the board: its title (a link), status or phase, agenda, owner, due date and flags. */
export function ActionCard({ action: a, show, stalledAfterDays, level = 3 }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = `action-${a.id}-title`;
  return (
    <article className="leerlus-action-card" aria-labelledby={titleId} data-overdue={a.overdue || undefined} data-stalled={a.stalled || undefined}>
      <Heading level={level} id={titleId} appearance="utrecht-heading-4" className="leerlus-action-card__title">
        <RouterLink to={actionPath(a.network_id, a.id)}>{a.title}</RouterLink>
      </Heading>
      <Paragraph className="leerlus-action-card__badges">
        {show !== 'phase' && <ActionStatusBadge action={a} />}
        {show === 'both' && ' '}
        {show !== 'status' && <ActionPhaseBadge action={a} />} <ActionFlags action={a} stalledAfterDays={stalledAfterDays} />
      </Paragraph>
      <Paragraph className="leerlus-action-card__facts">
        {actionKindLabel(t, a.kind)}
        {' · '}
        {a.owner ? t('actions.card.owner', { name: a.owner.name }) : t('actions.card.noOwner')}
        {a.due_on && (
          <>
            {' · '}
            {t('actions.card.due', { date: formatDay(i18n.language, a.due_on) })}
          </>
        )}
      </Paragraph>
    </article>
  );
}
