import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { caseApi, caseDraftKey, caseKey, casesKey } from '../../api/cases';
import { can, useMe } from '../../auth/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading, StatusMessage } from '../../components/states';
import { CaseFacts } from './CaseFacts';
import { MarkLegend } from './MarkLegend';
import { MarkedText } from './MarkedText';
import { ReviewPanel } from './ReviewPanel';
import { Timeline } from './Timeline';
import { CaseReflections } from '../reflections/CaseReflections';
import { checkOutcome } from './checkOutcome';
import { marksOf } from './highlight';
import { casePath } from './paths';
import { useVocabulary } from '../../api/vocabulary';
import type { CorrectState } from '../caseForm/CaseForm';
import './cases.css';

/**
 * CasePage shows one case: its context as facts, the timeline of key
 * episodes, and the summary. The author and the author's decisions on the
 * anonymiser's findings come only for those the server shows them to; a
 * facilitator of the network also gets the check (publish, send back, archive).
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id: inNetwork, case: id = '' } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // Set by a page that brings the reader here after a step, such as throwing a reflection away.
  const arrived = (useLocation().state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(arrived);
  const { query: vocabularyQuery, vocabulary } = useVocabulary();
  const query = useQuery({
    queryKey: caseKey(id),
    queryFn: () => caseApi.get(id),
  });

  if (query.isPending || vocabularyQuery.isPending) return <Loading />;
  if (query.isError || vocabularyQuery.isError || !vocabulary) {
    return (
      <>
        <PageHeading title={t('cases.title')} />
        <ErrorState
          error={query.error ?? vocabularyQuery.error}
          onRetry={() => void (query.isError ? query.refetch() : vocabularyQuery.refetch())}
        />
      </>
    );
  }
  const c = query.data;
  const networkId = c.network_id;
  // The case is read inside its network (the menu keeps the network): an old or wrong address goes on there.
  if (inNetwork !== networkId) return <Navigate to={casePath(c)} replace />;
  const reviewer = can(me, 'cases.review', networkId);
  const inQueue = reviewer && c.status === 'submitted';
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: caseKey(id) });
    void qc.invalidateQueries({ queryKey: casesKey(networkId) });
  };
  return (
    <article className="leerlus-case">
      <Paragraph className="leerlus-no-print">
        <RouterLink to={inQueue ? `/netwerk/${networkId}/controleren` : `/netwerk/${networkId}/casussen`}>
          {inQueue ? t('cases.page.backToQueue') : t('cases.page.back')}
        </RouterLink>
      </Paragraph>
      <PageHeading title={c.title}>
        <MarkedText text={c.title} marks={marksOf(c.marks, '/title')} />
      </PageHeading>
      <StatusMessage message={message} />
      {c.review_comment && (
        <Alert type="info">
          <Heading level={2} appearance="utrecht-heading-3">
            {t('cases.page.reviewComment')}
          </Heading>
          <Paragraph className="leerlus-case-text">{c.review_comment}</Paragraph>
        </Alert>
      )}
      <MarkLegend c={c} />
      <CaseFacts c={c} vocabulary={vocabulary} />
      <Timeline episodes={c.episodes} vocabulary={vocabulary} />
      <section aria-labelledby="case-summary-title">
        <Heading level={2} id="case-summary-title">
          {t('cases.summary.title')}
        </Heading>
        <Paragraph className="leerlus-case-text">
          {c.summary ? <MarkedText text={c.summary} marks={marksOf(c.marks, '/summary')} /> : t('cases.summary.empty')}
        </Paragraph>
      </section>
      <CaseReflections c={c} />
      {c.mine && c.status === 'published' && can(me, 'cases.write', networkId) && (
        <section aria-labelledby="case-correct-title" className="leerlus-no-print">
          <Heading level={2} id="case-correct-title">
            {t('caseForm.correction.title')}
          </Heading>
          <Paragraph>{t('caseForm.correction.explain')}</Paragraph>
          <ConfirmButton
            label={t('caseForm.correction.start')}
            question={t('caseForm.correction.question')}
            confirmLabel={t('caseForm.correction.yes')}
            danger={false}
            onConfirm={() => {
              // The form starts from the case as it is now, not from an earlier visit's copy.
              qc.removeQueries({ queryKey: caseDraftKey(id) });
              const state: CorrectState = { correct: true };
              navigate(`/netwerk/${networkId}/casussen/${id}/bewerken?stap=1`, { state });
            }}
          />
        </section>
      )}
      {reviewer && (
        <ReviewPanel
          c={c}
          {...checkOutcome({ setMessage, refresh, navigate, queuePath: `/netwerk/${networkId}/controleren`, sentBack: t('cases.review.sentBack') })}
        />
      )}
      <Paragraph className="leerlus-no-print">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          {t('cases.page.print')}
        </Button>
      </Paragraph>
    </article>
  );
}
