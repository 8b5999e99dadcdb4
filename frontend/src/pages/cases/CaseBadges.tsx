import { useTranslation } from 'react-i18next';
import { StatusBadge } from '@utrecht/component-library-react';
import { statusLabel } from './labels';
import type { CaseStatus } from '../../api/types';

interface Props {
  status: CaseStatus;
  correction: boolean;
  /** showStatus: by default only a status other than published is worth a badge. */
  showStatus?: boolean;
}

/**
 * CaseBadges tells, in words, what is special about a case: its status,
 * and whether the text corrects a published case.
 */
export function CaseBadges({ status, correction, showStatus = status !== 'published' }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {showStatus && (
        <StatusBadge status={status === 'published' ? 'success' : 'neutral'} className="leerlus-badge" data-status={status}>
          {statusLabel(t, status)}
        </StatusBadge>
      )}
      {correction && (
        <>
          {showStatus && ' '}
          <StatusBadge status="warning" className="leerlus-badge leerlus-badge--correction">
            {t('cases.correction')}
          </StatusBadge>
        </>
      )}
    </>
  );
}
