import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';
import { CheckboxField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { LessonActions } from './LessonActions';
import { LessonFacts } from './LessonFacts';
import { curatable } from './labels';
import { lessonPath } from './paths';
import type { Lesson, LessonSummary } from '../../api/lessons';

interface Props {
  lesson: LessonSummary;
  /** curate: the reader is a facilitator of the network (status, selection and steps). */
  curate: boolean;
  selected: boolean;
  onSelect: (lesson: LessonSummary, on: boolean) => void;
  onDone: (message: string, saved: Lesson) => void;
}

/**
 * LessonCard is one lesson in the list: its statement (a link to the
 * lesson and the reflections it comes from) and what it stands on. A
 * facilitator can tick it for a merge and curate it in place.
 */
export function LessonCard({ lesson: l, curate, selected, onSelect, onDone }: Props) {
  const { t } = useTranslation();
  const titleId = `lesson-${l.id}-title`;
  return (
    <article className="leerlus-lesson" aria-labelledby={titleId} data-status={l.status} data-selected={selected || undefined}>
      <Heading level={2} id={titleId} appearance="utrecht-heading-3" className="leerlus-lesson__statement">
        <RouterLink to={lessonPath(l.network_id, l.id)}>{l.statement}</RouterLink>
      </Heading>
      {curate && curatable(l.status) && (
        <CheckboxField
          id={`lesson-${l.id}-select`}
          label={
            // The statement is in the name for screen readers, not repeated on screen.
            <>
              <span aria-hidden="true">{t('lessons.merge.select')}</span>
              <span className="leerlus-visually-hidden">{t('lessons.merge.selectNamed', { statement: l.statement })}</span>
            </>
          }
          checked={selected}
          onChange={(on) => onSelect(l, on)}
        />
      )}
      <LessonFacts lesson={l} curate={curate} />
      {curate && <LessonActions lesson={l} level={3} onDone={onDone} />}
    </article>
  );
}
