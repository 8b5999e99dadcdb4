import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { caseApi, caseKey } from '../../api/cases';
import { reflectionApi, reflectionKey, reflectionsKey } from '../../api/reflections';
import { can, membershipIn, useMe } from '../../auth/session';
import { NotAllowed } from '../../components/guards';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { MarkSummary } from '../cases/MarkLegend';
import { checkOutcome } from '../cases/checkOutcome';
import { casePath } from '../cases/paths';
import { ReflectionCard } from './ReflectionCard';
import { ReflectionReviewPanel } from './ReflectionReviewPanel';
import { placedReflectionMarks } from './marks';
import { reflectionReviewPath, reviewQueuePath } from './paths';
import '../cases/cases.css';
import './reflections.css';

function Review({ networkId, id }: { networkId: string; id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({ queryKey: reflectionKey(id), queryFn: () => reflectionApi.get(id) });
  const caseId = query.data?.case_id ?? '';
  // The case gives the reflection its context, and says whether it can be published yet.
  const caseQuery = useQuery({ queryKey: caseKey(caseId), queryFn: () => caseApi.get(caseId), enabled: caseId !== '' });

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading title={t('reflections.review.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const r = query.data;
  if (r.network_id !== networkId) return <Navigate to={reflectionReviewPath(r)} replace />;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: reflectionKey(id) });
    void qc.invalidateQueries({ queryKey: caseKey(r.case_id) });
    void qc.invalidateQueries({ queryKey: reflectionsKey(networkId) });
  };
  const c = caseQuery.data;
  // Without its case (not readable any more), the server decides on publishing.
  const casePublished = c ? c.status === 'published' || c.status === 'archived' : true;
  return (
    <article className="leerlus-reflection-review">
      <Paragraph className="leerlus-no-print">
        <RouterLink to={reviewQueuePath(networkId)}>{t('reflections.review.back')}</RouterLink>
      </Paragraph>
      <PageHeading title={r.status === 'submitted' ? t('reflections.review.title') : t('reflections.review.titleDone')} />
      <StatusMessage message={message} />
      <Paragraph>
        {t('reflections.review.onCase')}{' '}
        {c ? <RouterLink to={casePath(c)}>{c.title}</RouterLink> : caseQuery.isPending ? '…' : t('reflections.review.caseUnknown')}
      </Paragraph>
      {r.review_comment && (
        <Alert type="info">
          <Heading level={2} appearance="utrecht-heading-3">
            {t('cases.page.reviewComment')}
          </Heading>
          <Paragraph className="leerlus-case-text">{r.review_comment}</Paragraph>
        </Alert>
      )}
      <MarkSummary placed={placedReflectionMarks(r)} atCheck={r.status === 'submitted'} />
      <ReflectionCard r={r} level={2} episodes={caseQuery.data?.episodes} />
      {!caseQuery.isPending && (
        <ReflectionReviewPanel
          r={r}
          casePublished={casePublished}
          {...checkOutcome({ setMessage, refresh, navigate, queuePath: reviewQueuePath(networkId), sentBack: t('reflections.review.sentBack') })}
        />
      )}
    </article>
  );
}

/** ReflectionReview is a facilitator's check of one reflection, with its case one click away. */
export default function ReflectionReview() {
  const { id: networkId = '', reflection = '' } = useParams();
  const me = useMe();
  if (!can(me, 'reflections.review', networkId)) {
    return <NotAllowed reason={membershipIn(me, networkId) ? 'facilitatorOnly' : 'notMember'} />;
  }
  return <Review networkId={networkId} id={reflection} />;
}
