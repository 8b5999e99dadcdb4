import { useTranslation } from 'react-i18next';
import { Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { can, useMe } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';
import { codebookPath } from '../codebook/paths';
import { templatePath } from '../templates/paths';
import { recurringListPath } from '../recurring/paths';
import { lessonsPath } from './paths';

/**
 * LessonLinks leads from a network's start page to its lessons, its
 * recurring lessons and its codebook: to read them, or, for its facilitators, to curate and manage
 * them (and the reflection form).
 */
export function LessonLinks({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const lessons = can(me, 'lessons.read', networkId);
  const codebook = can(me, 'codebook.read', networkId);
  const template = can(me, 'templates.manage', networkId);
  if (!lessons && !codebook && !template) return null;
  return (
    <>
      <Heading level={2}>{t('lessons.home.title')}</Heading>
      <UnorderedList>
        {lessons && (
          <UnorderedListItem>
            <RouterLink to={lessonsPath(networkId)}>
              {can(me, 'lessons.curate', networkId) ? t('lessons.home.curate') : t('lessons.home.read')}
            </RouterLink>
          </UnorderedListItem>
        )}
        {lessons && (
          <UnorderedListItem>
            <RouterLink to={recurringListPath(networkId)}>{t('lessons.home.recurring')}</RouterLink>
          </UnorderedListItem>
        )}
        {codebook && (
          <UnorderedListItem>
            <RouterLink to={codebookPath(networkId)}>
              {can(me, 'codebook.manage', networkId) ? t('lessons.home.codebookManage') : t('lessons.home.codebook')}
            </RouterLink>
          </UnorderedListItem>
        )}
        {template && (
          <UnorderedListItem>
            <RouterLink to={templatePath(networkId)}>{t('templates.homeLink')}</RouterLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
    </>
  );
}
