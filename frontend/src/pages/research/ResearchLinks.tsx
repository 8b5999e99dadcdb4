import { useTranslation } from 'react-i18next';
import { Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { membershipIn, useMe } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';
import { researchPath, researchSearchPath } from './paths';

/**
 * ResearchLinks leads from a network's start page to its patterns and the
 * search, for its researchers, facilitators and managers (who see the
 * aggregates of their own network).
 */
export function ResearchLinks({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const role = membershipIn(me, networkId)?.role;
  if (role !== 'researcher' && role !== 'facilitator' && role !== 'manager') return null;
  const here = new URLSearchParams({ netwerk: networkId });
  return (
    <>
      <Heading level={2}>{t('research.home.title')}</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={researchPath(here)}>{t('research.home.patterns')}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={researchSearchPath(here)}>{t('research.search.link')}</RouterLink>
        </UnorderedListItem>
      </UnorderedList>
    </>
  );
}
