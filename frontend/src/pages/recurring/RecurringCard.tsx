import { Heading } from '@utrecht/component-library-react';
import { RouterLink } from '../../components/RouterLink';
import type { RecurringLesson } from '../../api/recurring';
import { GroupBadges } from './GroupBadges';
import { SpreadFacts } from './SpreadFacts';
import { recurringPath } from './paths';

/** RecurringCard is one recurring lesson in the list: its statement (a link to it) and its spread. */
export function RecurringCard({ group: g }: { group: RecurringLesson }) {
  const titleId = `recurring-${g.id}-title`;
  return (
    <article className="leerlus-lesson leerlus-recurring" aria-labelledby={titleId} data-status={g.status} data-recurring={g.recurring || undefined}>
      <Heading level={2} id={titleId} appearance="utrecht-heading-3" className="leerlus-lesson__statement">
        <RouterLink to={recurringPath(g.network_id, g.id)}>{g.statement}</RouterLink>
      </Heading>
      <GroupBadges group={g} />
      <SpreadFacts group={g} />
    </article>
  );
}
