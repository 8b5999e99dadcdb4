import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { RouterLink } from '../../components/RouterLink';

/** CaseLink is the way back to the case a reflection is about. */
export function CaseLink({ networkId, caseId }: { networkId: string; caseId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <RouterLink to={`/netwerk/${networkId}/casussen/${caseId}`}>{t('reflectionForm.toCase')}</RouterLink>
    </Paragraph>
  );
}
