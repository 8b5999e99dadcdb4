import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { can, membershipIn, useMe } from '../../auth/session';
import { useVocabulary } from '../../api/vocabulary';
import { PageHeading } from '../../components/PageHeading';
import { NotAllowed } from '../../components/guards';
import { RouterLink } from '../../components/RouterLink';
import { StatusMessage } from '../../components/states';
import { formatDateTime } from '../../components/labels';
import { CaseBadges } from './CaseBadges';
import { CaseTable } from './CaseTable';
import { casePath } from './paths';
import { CaseRowReflections, OtherReflections } from '../reflections/QueuedReflections';
import './cases.css';

function Queue({ networkId, reflections }: { networkId: string; reflections: boolean }) {
  const { t, i18n } = useTranslation();
  const { vocabulary } = useVocabulary();
  // Set by the case page after sending a case back.
  const message = (useLocation().state as { message?: string } | null)?.message ?? null;
  return (
    <>
      <StatusMessage message={message} />
      <CaseTable
        networkId={networkId}
        query={{ status: 'submitted' }}
        emptyText={t('cases.queue.empty')}
        label={t('cases.queue.tableLabel')}
        columns={[
          {
            header: t('cases.table.title'),
            cell: (c) => (
              <>
                <RouterLink to={casePath(c)}>{c.title}</RouterLink> <CaseBadges status={c.status} correction={c.correction} showStatus={false} />
                {reflections && <CaseRowReflections networkId={networkId} caseId={c.id} />}
              </>
            ),
          },
          { header: t('cases.table.outcome'), cell: (c) => vocabulary?.label('outcome', c.outcome) || c.outcome || t('cases.unknown') },
          { header: t('cases.table.episodes'), cell: (c) => c.episode_count },
          { header: t('cases.table.updated'), cell: (c) => formatDateTime(i18n.language, c.updated_at) },
        ]}
        // Reflections on a case in the table stand in its row; the others (on published cases) below.
        {...(reflections ? { below: (data) => <OtherReflections networkId={networkId} shownCases={data.items.map((c) => c.id)} /> } : {})}
      />
    </>
  );
}

/**
 * ReviewQueue lists a network's submitted cases for its facilitators'
 * four-eyes check, and the submitted reflections: under their case where
 * the case waits too, so both are handled together.
 */
export default function ReviewQueue() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  if (!can(me, 'cases.review', id)) return <NotAllowed reason={membershipIn(me, id) ? 'facilitatorOnly' : 'notMember'} />;
  return (
    <>
      <PageHeading title={t('cases.queue.title')} />
      <Paragraph>{t('cases.queue.intro')}</Paragraph>
      <Queue networkId={id} reflections={can(me, 'reflections.review', id)} />
    </>
  );
}
