import { useTranslation } from 'react-i18next';
import { Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';

/** CaseLinks leads from a network's start page to its cases, and facilitators to the check. */
export function CaseLinks({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, 'cases.read', networkId)) return null;
  return (
    <>
      <Heading level={2}>{t('cases.home.title')}</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={`/netwerk/${networkId}/casussen`}>{t('cases.home.read')}</RouterLink>
        </UnorderedListItem>
        {can(me, 'cases.review', networkId) && (
          <UnorderedListItem>
            <RouterLink to={`/netwerk/${networkId}/controleren`}>{t('cases.home.review')}</RouterLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
    </>
  );
}
