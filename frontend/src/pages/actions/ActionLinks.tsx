import { useTranslation } from 'react-i18next';
import { Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';
import { actionsPath, attentionPath, goalsPath, proposeActionPath } from './paths';

/** ActionLinks leads from a network's start page to its improvement actions and goals, as far as the role allows. */
export function ActionLinks({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, 'actions.read', networkId)) return null;
  return (
    <>
      <Heading level={2}>{t('actions.home.title')}</Heading>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={actionsPath(networkId)}>{t('actions.home.board')}</RouterLink>
        </UnorderedListItem>
        {can(me, 'actions.propose', networkId) && (
          <UnorderedListItem>
            <RouterLink to={proposeActionPath(networkId)}>{t('actions.home.propose')}</RouterLink>
          </UnorderedListItem>
        )}
        {can(me, 'actions.manage', networkId) && (
          <UnorderedListItem>
            <RouterLink to={attentionPath(networkId)}>{t('actions.home.attention')}</RouterLink>
          </UnorderedListItem>
        )}
        {can(me, 'goals.read', networkId) && (
          <UnorderedListItem>
            <RouterLink to={goalsPath(networkId)}>{t('actions.home.goals')}</RouterLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
    </>
  );
}
