import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMe } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { RouterLink } from '../components/RouterLink';
import { roleLabel } from '../components/labels';

/** Home sends people with one network straight there, and lists the rest. */
export function Home() {
  const { t } = useTranslation();
  const me = useMe();
  const only = me.memberships.length === 1 ? me.memberships[0] : undefined;
  if (only && !me.is_admin) return <Navigate to={`/netwerk/${only.network.id}`} replace />;
  return (
    <>
      <PageHeading title={t('home.title', { name: me.name })} />
      {me.memberships.length === 0 ? (
        <Paragraph>{me.is_admin ? t('home.adminNoNetworks') : t('home.noNetworks')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('home.chooseNetwork')}</Paragraph>
          <UnorderedList>
            {me.memberships.map((m) => (
              <UnorderedListItem key={m.id}>
                <RouterLink to={`/netwerk/${m.network.id}`}>{m.network.name}</RouterLink>{' '}
                {t('home.networkLine', { workplace: m.network.workplace_name, role: roleLabel(t, m.role) })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {me.is_admin && (
        <>
          <Heading level={2}>{t('home.adminTitle')}</Heading>
          <UnorderedList>
            <UnorderedListItem>
              <RouterLink to="/beheer/kenniswerkplaatsen">{t('nav.workplaces')}</RouterLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <RouterLink to="/beheer/mensen">{t('nav.people')}</RouterLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <RouterLink to="/beheer/logboek">{t('nav.audit')}</RouterLink>
            </UnorderedListItem>
          </UnorderedList>
        </>
      )}
    </>
  );
}
