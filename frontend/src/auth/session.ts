import { createContext, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, setCsrfToken } from '../api/client';
import { isApiError } from '../api/problem';
import type { Me, MyMembership, Permission, Session } from '../api/types';
import { clearCaseDrafts } from '../pages/caseForm/draftStore';

export const sessionKey = ['session'] as const;

/** fetchSession answers the current Session, or null when not signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await call(api.GET('/api/v1/session'));
    setCsrfToken(s.csrf_token);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** useSession loads the session once and shares it through the query cache. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/**
 * MeContext carries the signed-in person below RequireAuth. Screens read it
 * from there rather than from the session query, so when a session ends
 * RequireAuth (the parent) decides what happens, not each screen.
 */
export const MeContext = createContext<Me | null>(null);

/** useMe returns the signed-in person; only use it below RequireAuth. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe used outside RequireAuth');
  return me;
}

/** useSetSession stores a new Session (after sign-in or accepting an invitation). */
export function useSetSession() {
  const qc = useQueryClient();
  return (s: Session | null) => {
    setCsrfToken(s?.csrf_token ?? null);
    if (s === null) {
      qc.clear();
      // Signing out on a shared computer must not leave unsaved case texts behind.
      clearCaseDrafts();
    }
    qc.setQueryData(sessionKey, s);
  };
}

/** useUpdateMe replaces the person in the cached Session after an edit. */
export function useUpdateMe() {
  const qc = useQueryClient();
  return (me: Me) => {
    qc.setQueryData<Session | null>(sessionKey, (s) => (s ? { ...s, person: me } : s));
  };
}

/** membershipIn finds my membership in a network. */
export function membershipIn(me: Me, networkId: string | undefined): MyMembership | undefined {
  return me.memberships.find((m) => m.network.id === networkId);
}

/**
 * can tells whether the server lets me do something: in a network (from my
 * membership there, or what I may do in every network), or outside any.
 * The web app never re-derives the rules; it reads the server's answer.
 */
export function can(me: Me, permission: Permission, networkId?: string): boolean {
  if (networkId === undefined) return me.permissions.includes(permission);
  return (
    me.every_network_permissions.includes(permission) ||
    (membershipIn(me, networkId)?.permissions.includes(permission) ?? false)
  );
}

/** canManageNetwork: who may see and change a network's members and invitations. */
export function canManageNetwork(me: Me, networkId: string | undefined): boolean {
  return networkId !== undefined && can(me, 'members.manage', networkId);
}
