import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, parsePath, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { MeContext, sessionKey } from '../auth/session';
import { setCsrfToken } from '../api/client';
import type { Me, Session } from '../api/types';

/** A recorded request, for assertions. */
export interface Seen {
  method: string;
  path: string;
  /** query is the request's query string, parsed. */
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (req: Seen) => Response | Promise<Response>;

/** json answers with a JSON body. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** problem answers with RFC 9457 problem+json. */
export function problem(status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * mockApi replaces fetch with handlers keyed "METHOD /path" (path after
 * /api/v1, without query). Unknown requests answer 404 problem+json.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const seen: Seen[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const req = input instanceof Request ? input : new Request(String(input));
    const url = new URL(req.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    const s: Seen = { method: req.method, path, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    seen.push(s);
    const h = handlers[`${req.method} ${path}`];
    return h ? h(s) : problem(404, { title: 'Not Found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { seen, fetchMock };
}

export const facilitator: Me = {
  id: 'p-fac',
  email: 'facilitator@leerlus.demo',
  name: 'Fenna Facilitator',
  is_admin: false,
  memberships: [
    {
      id: 'm1',
      network: { id: 'n-fr', name: 'Leren van praktijkervaringen', workplace_id: 'w-fr', workplace_name: 'Kenniswerkplaats Jeugd Friesland' },
      role: 'facilitator',
      perspective: 'professional',
      permissions: ['invitations.manage', 'members.manage', 'members.read', 'network.read'],
    },
  ],
  permissions: ['account.edit', 'account.read', 'session.end', 'session.read', 'text.scan', 'tokens.manage', 'workplaces.read'],
  every_network_permissions: [],
};

export function sessionFor(person: Me): Session {
  return {
    person,
    csrf_token: 'csrf-123',
    idle_expires_at: '2030-01-01T00:00:00Z',
    expires_at: '2030-01-01T00:00:00Z',
  };
}

/** renderRoutes renders routes at a URL with a fresh query cache. */
export function renderRoutes(
  routes: RouteObject[],
  { url, session = null, state }: { url: string; session?: Session | null; state?: unknown },
) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  qc.setQueryData(sessionKey, session);
  setCsrfToken(session?.csrf_token ?? null);
  const router = createMemoryRouter(routes, { initialEntries: [state === undefined ? url : { ...parsePath(url), state }] });
  const utils = render(
    <QueryClientProvider client={qc}>
      <MeContext.Provider value={session?.person ?? null}>
        <RouterProvider router={router} />
      </MeContext.Provider>
    </QueryClientProvider>,
  );
  return { ...utils, router, qc };
}

/** renderPage renders one element at a path, plus a catch-all that shows the URL. */
export function renderPage(
  element: ReactNode,
  { path = '/', url = path, session = null, state }: { path?: string; url?: string; session?: Session | null; state?: unknown } = {},
) {
  return renderRoutes(
    [
      { path, element },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { url, session, state },
  );
}
