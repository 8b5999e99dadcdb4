import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { placedMarks, type PlacedMark } from './highlight';
import type { Case } from '../../api/types';

/**
 * MarkLegend explains the highlighted places in the text, for those who
 * see the author's decisions (the author and the network's facilitators).
 */
export function MarkLegend({ c }: { c: Case }) {
  // Marks are omitted when empty; the author comes with them for the same
  // people.
  if (!c.author) return null;
  return <MarkSummary placed={placedMarks(c)} atCheck={c.status === 'submitted'} />;
}

/**
 * MarkSummary counts and explains the author's decisions placed in a text
 * (a case's or a reflection's). At the check (`atCheck`), "none dismissed"
 * is worth saying too; elsewhere nothing is shown without marks.
 */
export function MarkSummary({ placed, atCheck }: { placed: PlacedMark[]; atCheck: boolean }) {
  const { t } = useTranslation();
  if (placed.length === 0 && !atCheck) return null;
  const dismissed = placed.filter((p) => p.mark.kind === 'dismissed').length;
  const confirmed = placed.length - dismissed;
  return (
    <div className="leerlus-about leerlus-mark-legend" role="note" aria-label={t('cases.marks.title')}>
      <Paragraph>
        {dismissed ? t('cases.marks.countDismissed', { count: dismissed }) : t('cases.marks.noneDismissed')}
      </Paragraph>
      {placed.length > 0 && (
        <UnorderedList>
          {dismissed > 0 && (
            <UnorderedListItem>
              <mark className="leerlus-mark leerlus-mark--dismissed leerlus-mark--sample" aria-hidden="true">
                Abc
              </mark>{' '}
              {t('cases.marks.legendDismissed')}
            </UnorderedListItem>
          )}
          {confirmed > 0 && (
            <UnorderedListItem>
              <mark className="leerlus-mark leerlus-mark--confirmed leerlus-mark--sample" aria-hidden="true">
                Abc
              </mark>{' '}
              {t('cases.marks.legendConfirmed')}
            </UnorderedListItem>
          )}
        </UnorderedList>
      )}
    </div>
  );
}
