import { useTranslation } from 'react-i18next';
import { Facts, type Fact } from '../../components/Facts';
import { perspectiveLabel } from '../../components/labels';
import type { RecurringLesson } from '../../api/recurring';
import { OutcomeBar } from './OutcomeBar';
import { liftWords } from './labels';

interface Props {
  group: RecurringLesson;
  /** detail adds organisations, when it was seen and the count per quarter. */
  detail?: boolean;
}

/**
 * SpreadFacts shows where a recurring lesson comes from: how many cases,
 * from which perspectives, how those trajectories went (a bar with its
 * text), and in plain words whether it comes up more often when a
 * trajectory gets stuck. Never a person.
 */
export function SpreadFacts({ group: g, detail = false }: Props) {
  const { t, i18n } = useTranslation();
  const s = g.spread;
  const rows: Fact[] = [
    ['cases', t('recurring.facts.cases'), t('recurring.caseCount', { count: g.case_count })],
    [
      'perspectives',
      t('recurring.facts.perspectives'),
      s.perspectives.map((p) => t('recurring.facts.perspective', { perspective: perspectiveLabel(t, p.perspective), count: p.lessons })).join(', '),
    ],
  ];
  if (detail) rows.push(['organisations', t('recurring.facts.organisations'), t('recurring.facts.organisationCount', { count: s.organisations })]);
  rows.push(['outcomes', t('recurring.facts.outcomes'), <OutcomeBar spread={s} />]);
  rows.push(['lift', t('recurring.facts.lift'), liftWords(t, i18n.language, s)]);
  if (detail && s.first_seen && s.last_seen) {
    rows.push([
      'seen',
      t('recurring.facts.seen'),
      s.first_seen === s.last_seen ? t('recurring.facts.seenOne', { first: s.first_seen }) : t('recurring.facts.seenRange', { first: s.first_seen, last: s.last_seen }),
    ]);
    rows.push([
      'quarters',
      t('recurring.facts.quarters'),
      <ul className="leerlus-recurring__quarters">
        {s.quarters.map((q) => (
          <li key={q.period}>{t('recurring.facts.quarter', { period: q.period, count: q.cases })}</li>
        ))}
      </ul>,
    ]);
  }
  if (g.dismiss_reason) rows.push(['dismiss_reason', t('recurring.facts.dismissReason'), <span className="leerlus-case-text">{g.dismiss_reason}</span>]);
  return (
    <div className="leerlus-case-facts leerlus-recurring__facts">
      <Facts rows={rows} />
    </div>
  );
}
