import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { caseReflectionsKey, reflectionApi, type CaseReflections as Data } from '../../api/reflections';
import { can, useMe } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { Comparison } from './Comparison';
import { ReflectionCard } from './ReflectionCard';
import { byPerspective } from './labels';
import { perspectiveLabel } from '../../components/labels';
import { reflectionFormPath, reflectionReviewPath } from './paths';
import type { Case } from '../../api/types';
import './reflections.css';

/**
 * WriteReflectionLink takes a member to the reflection form: to start one,
 * or to go on with their draft; not once their reflection is submitted.
 */
export function WriteReflectionLink({ c, data }: { c: Case; data: Data }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = data.reflections.find((r) => r.id === data.mine_id);
  const open = c.status === 'submitted' || c.status === 'published';
  if (!open || !can(me, 'reflections.write', c.network_id)) return null;
  if (mine && mine.status !== 'draft') return null;
  return (
    <Paragraph className="leerlus-no-print">
      <RouterLink to={reflectionFormPath(c.network_id, c.id)} className="leerlus-action-link">
        {mine ? t('reflections.continue') : t('reflections.write')}
      </RouterLink>
    </Paragraph>
  );
}

/** showsReflections says whether the case page has a reflections part for this reader. */
function showsReflections(c: Case, read: boolean, review: boolean): boolean {
  if (!read) return false;
  // Facilitators handle a case that waits for its check together with its
  // reflections; everyone else reads them once the case is published.
  return c.status === 'published' || c.status === 'archived' || (c.status === 'submitted' && review);
}

/**
 * CaseReflections is the case page's part with its reflections side by
 * side by perspective (columns where there is room, under each other on a
 * phone), and above them where the perspectives differ and agree.
 */
export function CaseReflections({ c }: { c: Case }) {
  const { t } = useTranslation();
  const me = useMe();
  const review = can(me, 'reflections.review', c.network_id);
  const shown = showsReflections(c, can(me, 'reflections.read', c.network_id), review);
  const query = useQuery({
    queryKey: caseReflectionsKey(c.id),
    queryFn: () => reflectionApi.forCase(c.id),
    enabled: shown,
  });
  if (!shown) return null;
  let body;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const data = query.data;
    const reflections = byPerspective(data.reflections, (r) => r.perspective);
    body = (
      <>
        <WriteReflectionLink c={c} data={data} />
        {reflections.length === 0 ? (
          <Paragraph>{t('reflections.none')}</Paragraph>
        ) : (
          <>
            {(data.codes.length > 0 || data.ratings.length > 0) && <Comparison codes={data.codes} ratings={data.ratings} />}
            <ul className="leerlus-reflections" aria-label={t('reflections.listLabel')}>
              {reflections.map((r) => (
                <li key={r.id} className="leerlus-reflections__item">
                  <ReflectionCard r={r} level={3} episodes={c.episodes} />
                  {review && r.status === 'submitted' && (
                    <Paragraph className="leerlus-no-print">
                      <RouterLink to={reflectionReviewPath(r)}>
                        {t('reflections.review.open', { perspective: perspectiveLabel(t, r.perspective) })}
                      </RouterLink>
                    </Paragraph>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="case-reflections-title" className="leerlus-case-reflections">
      <Heading level={2} id="case-reflections-title">
        {t('reflections.title')}
      </Heading>
      <Paragraph>{t('reflections.intro')}</Paragraph>
      {body}
    </section>
  );
}
