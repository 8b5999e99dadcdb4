import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { RouterLink } from '../../components/RouterLink';
import { perspectiveLabel } from '../../components/labels';
import { casePath } from '../cases/paths';
import { perspectiveTitle, questionLabel } from '../reflections/labels';
import { reflectionReviewPath } from '../reflections/paths';
import { lessonsOfCasePath } from './paths';
import type { Lesson } from '../../api/lessons';

/**
 * LessonSources shows where a lesson comes from: the lesson itself first,
 * then every lesson merged into it, each with its reflection's
 * perspective (never the person), its case and the items (what worked or
 * not, and why) it was drawn from. Facilitators get a link to each
 * reflection, where they check it.
 */
export function LessonSources({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lesson-sources-title" className="leerlus-lesson-sources">
      <Heading level={2} id="lesson-sources-title">
        {t('lessons.sources.title')}
      </Heading>
      {lesson.sources.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('lessons.sources.none')}</Paragraph>
      ) : (
        <ol className="leerlus-lesson-sources__list">
          {lesson.sources.map((s) => {
            const titleId = `source-${s.lesson_id}-title`;
            return (
              <li key={s.lesson_id}>
                <article className="leerlus-reflection" aria-labelledby={titleId} data-perspective={s.perspective} data-merged={s.merged || undefined}>
                  <Heading level={3} id={titleId} className="leerlus-reflection__title">
                    {perspectiveTitle(t, s.perspective)}
                  </Heading>
                  {s.merged && (
                    <Paragraph>
                      {t('lessons.sources.merged')} <span className="leerlus-lesson__quote">„{s.statement}”</span>
                    </Paragraph>
                  )}
                  <Paragraph>
                    {t('lessons.sources.case')} <RouterLink to={casePath({ id: s.case.id, network_id: lesson.network_id })}>{s.case.title}</RouterLink>
                    {' · '}
                    <RouterLink to={lessonsOfCasePath(lesson.network_id, s.case.id)}>{t('lessons.sources.caseLessons')}</RouterLink>
                  </Paragraph>
                  {s.items.length > 0 && (
                    <UnorderedList className="leerlus-reflection__items">
                      {s.items.map((it) => (
                        <UnorderedListItem key={it.id} className="leerlus-reflection__item" data-question={it.question}>
                          <span className="leerlus-reflection__why-label">{questionLabel(t, it.question)}: </span>
                          <span className="leerlus-reflection__what leerlus-case-text">{it.what}</span>
                          {it.why && (
                            <span className="leerlus-reflection__why leerlus-case-text">
                              <span className="leerlus-reflection__why-label">{t('reflections.why')}: </span>
                              {it.why}
                            </span>
                          )}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  )}
                  {s.reflection_id && (
                    <Paragraph>
                      <RouterLink to={reflectionReviewPath({ id: s.reflection_id, network_id: lesson.network_id })}>
                        {t('lessons.sources.open', { perspective: perspectiveLabel(t, s.perspective) })}
                      </RouterLink>
                    </Paragraph>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
