import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { can, canManageNetwork, membershipIn, MeContext, useSession } from '../auth/session';
import { ErrorState, Loading } from './states';
import { PageHeading } from './PageHeading';

/** RequireAuth shows its children to signed-in people and sends others to sign in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/aanmelden?next=${encodeURIComponent(next)}`} replace />;
  }
  return <MeContext.Provider value={session.data.person}>{children}</MeContext.Provider>;
}

/**
 * NotAllowed explains, without jargon, that this page is not for this
 * person, and whom to ask: a beheerder for administration pages; for a
 * network's management pages the facilitator (members) or, for people who
 * are not in the network, an invitation from the facilitator.
 */
export function NotAllowed({ reason = 'role' }: { reason?: 'role' | 'adminOnly' | 'facilitatorOnly' | 'notMember' }) {
  const { t } = useTranslation();
  const text = reason === 'role' ? t('notAllowed.text') : t(`notAllowed.${reason}`);
  return (
    <>
      <PageHeading title={t('notAllowed.title')} />
      <Paragraph>{text}</Paragraph>
    </>
  );
}

/** RequireAdmin shows its children only to those the server lets do system administration. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  if (!session.data || !can(session.data.person, 'workplaces.manage')) return <NotAllowed reason="adminOnly" />;
  return <>{children}</>;
}

/** RequireManager shows its children to the network's facilitators and admins. */
export function RequireManager({ networkId, children }: { networkId: string | undefined; children: ReactNode }) {
  const session = useSession();
  if (!session.data) return <NotAllowed />;
  const me = session.data.person;
  if (!canManageNetwork(me, networkId)) {
    return <NotAllowed reason={membershipIn(me, networkId) ? 'facilitatorOnly' : 'notMember'} />;
  }
  return <>{children}</>;
}
