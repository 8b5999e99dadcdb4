import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';
import { Tokens } from './Tokens';

/**
 * Account is "my account": name and password; personal access tokens sit
 * under "Advanced", closed at first, since most people never need them.
 */
export function Account() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('account.title')} />
      <NameForm />
      <PasswordForm />
      <section aria-labelledby="account-advanced">
        <Heading level={2} id="account-advanced">
          {t('account.advancedTitle')}
        </Heading>
        <Paragraph>{t('account.advancedIntro')}</Paragraph>
        <details className="leerlus-details">
          <summary className="leerlus-details__summary">{t('account.advancedSummary')}</summary>
          <Tokens />
        </details>
      </section>
    </>
  );
}
