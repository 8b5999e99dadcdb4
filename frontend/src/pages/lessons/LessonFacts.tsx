import { useTranslation } from 'react-i18next';
import { Facts, type Fact } from '../../components/Facts';
import { RouterLink } from '../../components/RouterLink';
import { perspectiveLabel } from '../../components/labels';
import { CodeTags } from '../reflections/CodeTag';
import { byPerspective } from '../reflections/labels';
import { casePath } from '../cases/paths';
import { LessonStatusBadge } from './LessonStatusBadge';
import { lessonPath } from './paths';
import type { LessonSummary } from '../../api/lessons';

/**
 * LessonFacts shows what a lesson stands on: its codes, the perspectives
 * and cases behind it and how many reflections; for facilitators
 * (`curate`) also its curation status, why it was rejected and where it
 * was merged into. Never a person.
 */
export function LessonFacts({ lesson: l, curate }: { lesson: LessonSummary; curate: boolean }) {
  const { t } = useTranslation();
  const rows: Fact[] = [];
  if (curate) rows.push(['status', t('lessons.facts.status'), <LessonStatusBadge status={l.status} />]);
  rows.push(['codes', t('lessons.facts.codes'), l.codes.length ? <CodeTags tags={l.codes.map((code) => ({ code }))} /> : t('lessons.facts.noCodes')]);
  rows.push(['perspectives', t('lessons.facts.perspectives'), byPerspective(l.perspectives, (p) => p).map((p) => perspectiveLabel(t, p)).join(', ')]);
  rows.push([
    'cases',
    t('lessons.facts.cases', { count: l.cases.length }),
    <span className="leerlus-lesson__cases">
      {l.cases.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ', '}
          <RouterLink to={casePath({ id: c.id, network_id: l.network_id })}>{c.title}</RouterLink>
        </span>
      ))}
    </span>,
  ]);
  rows.push(['sources', t('lessons.facts.sources'), t('lessons.facts.sourceCount', { count: l.source_count })]);
  if (curate && l.reject_reason) rows.push(['reject_reason', t('lessons.facts.rejectReason'), <span className="leerlus-case-text">{l.reject_reason}</span>]);
  if (curate && l.merged_into) {
    rows.push(['merged_into', t('lessons.facts.mergedInto'), <RouterLink to={lessonPath(l.network_id, l.merged_into)}>{t('lessons.facts.mergedIntoLink')}</RouterLink>]);
  }
  return (
    <div className="leerlus-case-facts leerlus-lesson__facts">
      <Facts rows={rows} />
    </div>
  );
}
