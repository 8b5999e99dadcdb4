import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { closestKey, recurringApi, type GroupMatch } from '../../api/recurring';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { fitWords } from './labels';
import { recurringPath } from './paths';
import { useGroupRefresh } from './useGroupRefresh';

interface Props {
  networkId: string;
  lessonId: string;
  /** level of the section's heading. */
  level: 2 | 3;
  onDone: (message: string) => void;
}

/**
 * ClosestGroups offers a facilitator the groups most like a lesson, best
 * first, each with how alike it is in words and its number of cases, and
 * places the lesson in one of them in one click. The lesson's own group
 * and groups it was split from are not offered.
 */
export function ClosestGroups({ networkId, lessonId, level, onDone }: Props) {
  const { t } = useTranslation();
  const refresh = useGroupRefresh(networkId);
  const query = useQuery({ queryKey: closestKey(lessonId), queryFn: () => recurringApi.closest(lessonId) });
  const place = useMutation({
    mutationFn: (g: GroupMatch) => recurringApi.place(g.id, g.version, lessonId),
    onSuccess: (saved) => {
      refresh(saved.id);
      onDone(t('recurring.done.placed', { statement: saved.statement }));
    },
    onError: () => refresh(),
  });
  const titleId = `closest-${lessonId}-title`;
  return (
    <section aria-labelledby={titleId} className="leerlus-panel leerlus-closest">
      <Heading level={level} id={titleId}>
        {t('recurring.closest.title')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paragraph className="leerlus-empty">{t('recurring.closest.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('recurring.closest.intro')}</Paragraph>
          {place.isError && <ErrorState error={place.error} />}
          <ul className="leerlus-closest__list">
            {query.data.items.map((g) => (
              <li key={g.id} className="leerlus-closest__item">
                <Paragraph className="leerlus-lesson__quote">„{g.statement}”</Paragraph>
                <Paragraph>
                  {fitWords(t, g.score)} · {t('recurring.caseCount', { count: g.case_count })} ·{' '}
                  <RouterLink to={recurringPath(networkId, g.id)}>{t('recurring.closest.open')}</RouterLink>
                </Paragraph>
                <Button
                  appearance="secondary-action-button"
                  busy={place.isPending && place.variables?.id === g.id}
                  disabled={place.isPending}
                  aria-label={t('recurring.closest.placeNamed', { statement: g.statement })}
                  onClick={() => place.mutate(g)}
                >
                  {t('recurring.closest.place')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
