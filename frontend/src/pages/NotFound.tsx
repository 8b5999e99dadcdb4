import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../components/PageHeading';
import { RouterLink } from '../components/RouterLink';

/** NotFound answers routes the app does not know. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('notFound.home')}</RouterLink>
      </Paragraph>
    </>
  );
}
