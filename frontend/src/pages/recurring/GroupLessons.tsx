import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { recurringApi, type RecurringLessonDetail } from '../../api/recurring';
import { isApiError } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CheckboxField } from '../../components/fields';
import { RouterLink } from '../../components/RouterLink';
import { perspectiveTitle } from '../reflections/labels';
import { ErrorState } from '../../components/states';
import { casePath } from '../cases/paths';
import { lessonPath } from '../lessons/paths';
import { LessonStatusBadge } from '../lessons/LessonStatusBadge';
import { useGroupRefresh } from './useGroupRefresh';

interface Props {
  group: RecurringLessonDetail;
  curate: boolean;
  onDone: (message: string) => void;
}

/**
 * GroupLessons lists how people wrote the lesson down: each lesson with
 * its perspective (never the person) and its case. A facilitator ticks
 * the lessons that do not belong and takes them out in one step; the
 * grouping keeps them apart from this group from then on.
 */
export function GroupLessons({ group: g, curate, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useGroupRefresh(g.network_id);
  const [ticked, setTicked] = useState<string[]>([]);
  const chosen = ticked.filter((id) => g.lessons.some((l) => l.id === id));
  const all = chosen.length > 0 && chosen.length === g.lessons.length;
  const split = useMutation({
    mutationFn: () => recurringApi.split(g.id, g.version, chosen),
    onSuccess: () => {
      setTicked([]);
      refresh(g.id);
      onDone(t('recurring.done.split', { count: chosen.length }));
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 409) refresh(g.id);
    },
  });
  return (
    <section aria-labelledby="group-lessons-title" className="leerlus-recurring__lessons">
      <Heading level={2} id="group-lessons-title">
        {t('recurring.lessons.title')}
      </Heading>
      {curate && <Paragraph>{t('recurring.split.intro')}</Paragraph>}
      {g.lessons.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('recurring.lessons.none')}</Paragraph>
      ) : (
        <ul className="leerlus-lesson-sources__list">
          {g.lessons.map((l) => {
            const titleId = `group-lesson-${l.id}-title`;
            return (
              <li key={l.id}>
                <article className="leerlus-reflection" aria-labelledby={titleId} data-perspective={l.perspective} data-selected={chosen.includes(l.id) || undefined}>
                  <Heading level={3} id={titleId} className="leerlus-reflection__title">
                    {perspectiveTitle(t, l.perspective)}
                  </Heading>
                  <Paragraph className="leerlus-lesson__quote">
                    {curate ? <RouterLink to={lessonPath(g.network_id, l.id)}>„{l.statement}”</RouterLink> : <>„{l.statement}”</>}
                  </Paragraph>
                  <Paragraph>
                    {t('recurring.lessons.case')} <RouterLink to={casePath({ id: l.case.id, network_id: g.network_id })}>{l.case.title}</RouterLink>
                  </Paragraph>
                  {curate && l.status !== 'accepted' && (
                    <Paragraph>
                      <LessonStatusBadge status={l.status} />
                    </Paragraph>
                  )}
                  {curate && (
                    <CheckboxField
                      id={`group-lesson-${l.id}-split`}
                      label={
                        <>
                          <span aria-hidden="true">{t('recurring.split.select')}</span>
                          <span className="leerlus-visually-hidden">{t('recurring.split.selectNamed', { statement: l.statement })}</span>
                        </>
                      }
                      checked={chosen.includes(l.id)}
                      onChange={(on) => setTicked((s) => (on ? [...s, l.id] : s.filter((id) => id !== l.id)))}
                    />
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {curate && chosen.length > 0 && (
        <div className="leerlus-panel leerlus-recurring__split" role="group" aria-labelledby="group-split-title">
          <Heading level={3} id="group-split-title">
            {t('recurring.split.title')}
          </Heading>
          <div role="status">
            <Paragraph>{all ? t('recurring.split.all') : t('recurring.split.chosen', { count: chosen.length })}</Paragraph>
          </div>
          {split.isError && <ErrorState error={split.error} />}
          {!all && (
            <ConfirmButton
              label={t('recurring.split.submit')}
              question={t('recurring.split.question', { count: chosen.length })}
              confirmLabel={t('recurring.split.yes')}
              busy={split.isPending}
              danger={false}
              onConfirm={() => split.mutate()}
            />
          )}
        </div>
      )}
    </section>
  );
}
