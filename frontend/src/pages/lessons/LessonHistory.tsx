import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { codebookAdminApi, codebookKey } from '../../api/codebookAdmin';
import { lessonApi, lessonKey, type LessonChange, type LessonState } from '../../api/lessons';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime } from '../../components/labels';
import { Empty, ErrorState, Loading } from '../../components/states';
import { codeLabel } from '../reflections/labels';
import { codesById } from '../codebook/codes';
import { lessonChangeLabel } from './labels';
import { lessonPath } from './paths';

interface Props {
  networkId: string;
  lessonId: string;
}

/**
 * LessonHistory lists how a lesson was curated, oldest first: who did
 * what and when, the words and codes before and after, the reason of a
 * rejection, and the lessons merged in or the lesson it went into.
 */
export function LessonHistory({ networkId, lessonId }: Props) {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: [...lessonKey(lessonId), 'history'], queryFn: () => lessonApi.history(lessonId) });
  const codebook = useQuery({ queryKey: codebookKey(networkId), queryFn: () => codebookAdminApi.get(networkId) });
  const codes = codesById(codebook.data);
  const codeNames = (ids: string[]) => ids.map((id) => (codes.has(id) ? codeLabel(codes.get(id)!.code, i18n.language) : id)).join(', ') || t('lessons.facts.noCodes');
  const state = (label: string, s: LessonState | undefined) =>
    s && (
      <span className="leerlus-history__state">
        {label}: „{s.statement}” ({t('lessons.facts.codes').toLowerCase()}: {codeNames(s.codes)})
      </span>
    );
  const detail = (c: LessonChange): ReactNode => (
    <>
      {state(t('lessons.history.before'), c.before)}
      {state(t('lessons.history.after'), c.after)}
      {c.reason && (
        <span className="leerlus-history__state">
          {t('lessons.history.reason')}: <span className="leerlus-case-text">{c.reason}</span>
        </span>
      )}
      {c.into && (
        <span className="leerlus-history__state">
          <RouterLink to={lessonPath(networkId, c.into)}>{t('lessons.history.into')}</RouterLink>
        </span>
      )}
      {c.merged && c.merged.length > 0 && (
        <span className="leerlus-history__state">
          {t('lessons.history.merged', { count: c.merged.length })}{' '}
          {c.merged.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <RouterLink to={lessonPath(networkId, id)}>{t('lessons.history.mergedLesson', { n: i + 1 })}</RouterLink>
            </span>
          ))}
        </span>
      )}
    </>
  );
  return (
    <section aria-labelledby="lesson-history-title">
      <Heading level={2} id="lesson-history-title">
        {t('lessons.history.title')}
      </Heading>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Empty>{t('lessons.history.none')}</Empty>
      ) : (
        <ol className="leerlus-history">
          {history.data.items.map((c) => (
            <li key={c.id} className="leerlus-history__entry" data-action={c.action}>
              <Paragraph>
                <strong>{lessonChangeLabel(t, c.action)}</strong>
                {' · '}
                {formatDateTime(i18n.language, c.at)}
                {c.actor && ` · ${c.actor.name}`}
              </Paragraph>
              {detail(c)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
