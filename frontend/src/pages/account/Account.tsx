import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';
import { Tokens } from './Tokens';

/** Account is "my account": name, password and personal access tokens. */
export function Account() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('account.title')} />
      <NameForm />
      <PasswordForm />
      <Tokens />
    </>
  );
}
