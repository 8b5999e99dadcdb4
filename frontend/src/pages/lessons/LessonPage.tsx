import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { lessonApi, lessonKey } from '../../api/lessons';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { LessonActions } from './LessonActions';
import { LessonFacts } from './LessonFacts';
import { LessonHistory } from './LessonHistory';
import { LessonSources } from './LessonSources';
import { ClosestGroups } from '../recurring/ClosestGroups';
import { curatable } from './labels';
import { lessonPath, lessonsPath } from './paths';
import '../cases/cases.css';
import '../reflections/reflections.css';
import '../codebook/codebook.css';
import './lessons.css';

function LessonView({ networkId, id, curate }: { networkId: string; id: string; curate: boolean }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({ queryKey: lessonKey(id), queryFn: () => lessonApi.get(id) });
  const back = (
    <Paragraph className="leerlus-no-print">
      <RouterLink to={lessonsPath(networkId)}>{t('lessons.back')}</RouterLink>
    </Paragraph>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('lessons.lesson')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const l = query.data;
  if (l.network_id !== networkId) return <Navigate to={lessonPath(l.network_id, l.id)} replace />;
  return (
    <article className="leerlus-lesson-page" aria-labelledby="lesson-statement">
      {back}
      <PageHeading title={t('lessons.lesson')} />
      <StatusMessage message={message} />
      <Paragraph id="lesson-statement" className="leerlus-lesson-page__statement">
        {l.statement}
      </Paragraph>
      <LessonFacts lesson={l} curate={curate} />
      {curate && <LessonActions lesson={l} level={2} onDone={(m) => setMessage(m)} />}
      {curate && curatable(l.status) && <ClosestGroups networkId={networkId} lessonId={l.id} level={2} onDone={setMessage} />}
      <LessonSources lesson={l} />
      {curate && <LessonHistory networkId={networkId} lessonId={l.id} />}
    </article>
  );
}

/** LessonPage is one lesson with the reflections and cases it comes from; facilitators curate it, place it in one of its closest groups and see its history. */
export default function LessonPage() {
  const { id = '', lesson = '' } = useParams();
  const me = useMe();
  if (!can(me, 'lessons.read', id)) return <NotAllowed reason={membershipIn(me, id) ? 'role' : 'notMember'} />;
  return <LessonView networkId={id} id={lesson} curate={can(me, 'lessons.curate', id)} />;
}
