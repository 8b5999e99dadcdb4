import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { can, canManageNetwork, membershipIn, useMe } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading } from '../../components/states';
import { RouterLink } from '../../components/RouterLink';
import { perspectiveLabel, roleLabel } from '../../components/labels';
import { CaseLinks } from '../cases/CaseLinks';
import { MyCases } from '../caseForm/MyCases';
import { LessonLinks } from '../lessons/LessonLinks';
import { ActionLinks } from '../actions/ActionLinks';
import { ResearchLinks } from '../research/ResearchLinks';

/** networkQuery loads one network; shared with the admin edit page. */
export function networkQuery(id: string) {
  return {
    queryKey: ['network', id],
    queryFn: () => call(api.GET('/api/v1/networks/{network}', { params: { path: { network: id } } })),
  };
}

/** NetworkHome is the (still empty) start page of a network. */
export function NetworkHome() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const mine = membershipIn(me, id);
  const network = useQuery(networkQuery(id));
  // Set by the members page after I changed my own role.
  const roleChanged = (useLocation().state as { roleChanged?: string } | null)?.roleChanged;

  if (network.isPending) return <Loading />;
  if (network.isError)
    return (
      <>
        <PageHeading title={t('network.title')} />
        <ErrorState error={network.error} onRetry={() => void network.refetch()} />
      </>
    );
  const n = network.data;
  return (
    <>
      <PageHeading title={n.name} />
      {roleChanged && mine && (
        <Alert type="ok" role="status">
          <Paragraph>{t('network.roleChanged', { role: roleLabel(t, mine.role) })}</Paragraph>
        </Alert>
      )}
      {mine && (
        <Paragraph>
          {t('network.yourRole', {
            workplace: mine.network.workplace_name,
            role: roleLabel(t, mine.role),
            perspective: perspectiveLabel(t, mine.perspective),
          })}
        </Paragraph>
      )}
      {n.description && <Paragraph>{n.description}</Paragraph>}
      <CaseLinks networkId={id} />
      {can(me, 'cases.write', id) && <MyCases networkId={id} />}
      <LessonLinks networkId={id} />
      <ActionLinks networkId={id} />
      <ResearchLinks networkId={id} />
      <Heading level={2}>{t('network.comingTitle')}</Heading>
      <Paragraph>{t('network.comingIntro')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('network.comingCases')}</UnorderedListItem>
        <UnorderedListItem>{t('network.comingReflections')}</UnorderedListItem>
        <UnorderedListItem>{t('network.comingLessons')}</UnorderedListItem>
        <UnorderedListItem>{t('network.comingActions')}</UnorderedListItem>
      </UnorderedList>
      <Paragraph>{t('network.comingLater')}</Paragraph>
      {canManageNetwork(me, id) && (
        <>
          <Heading level={2}>{t('network.manageTitle')}</Heading>
          <UnorderedList>
            <UnorderedListItem>
              <RouterLink to={`/netwerk/${id}/leden`}>{t('nav.members')}</RouterLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <RouterLink to={`/netwerk/${id}/uitnodigingen`}>{t('nav.invitations')}</RouterLink>
            </UnorderedListItem>
          </UnorderedList>
        </>
      )}
    </>
  );
}
