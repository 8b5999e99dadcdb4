import { lazy } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './api/problem';
import { setCsrfToken } from './api/client';
import { sessionKey } from './auth/session';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/guards';
import { SignIn } from './pages/SignIn';
import { Home } from './pages/Home';
import { NetworkHome } from './pages/network/NetworkHome';
import { AcceptInvitation } from './pages/AcceptInvitation';
import { ResetPassword } from './pages/ResetPassword';
import { NotFound } from './pages/NotFound';
import { caseReadRoutes } from './pages/cases/routes';
import { reflectionRoutes } from './pages/reflections/routes';
import { reflectionFormRoutes } from './pages/reflectionForm/routes';
import { lessonRoutes } from './pages/lessons/routes';
import { recurringRoutes } from './pages/recurring/routes';
import { codebookRoutes } from './pages/codebook/routes';
import { templateRoutes } from './pages/templates/routes';
import { actionRoutes } from './pages/actions/routes';
import { researchRoutes } from './pages/research/routes';

// Screens most people never open load on demand, to keep the first load small.
const Account = lazy(() => import('./pages/account/Account').then((m) => ({ default: m.Account })));
const Members = lazy(() => import('./pages/network/Members').then((m) => ({ default: m.Members })));
const Invitations = lazy(() => import('./pages/network/Invitations').then((m) => ({ default: m.Invitations })));
const Workplaces = lazy(() => import('./pages/admin/Workplaces'));
const WorkplaceDetail = lazy(() => import('./pages/admin/WorkplaceDetail'));
const NetworkEdit = lazy(() => import('./pages/admin/NetworkEdit'));
const People = lazy(() => import('./pages/admin/People'));
const Audit = lazy(() => import('./pages/admin/Audit'));
const AnonymiserQuality = lazy(() => import('./pages/admin/AnonymiserQuality'));
const SitePage = lazy(() => import('./pages/SitePage'));
// Writing a case (pages/caseForm).
const NewCase = lazy(() => import('./pages/caseForm/NewCase'));
const CaseForm = lazy(() => import('./pages/caseForm/CaseForm'));

const auth = (el: React.ReactNode) => <RequireAuth>{el}</RequireAuth>;

/** routes maps Dutch URLs to screens; shared with the component tests. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/aanmelden', element: <SignIn /> },
      { path: '/uitnodiging/:token', element: <AcceptInvitation /> },
      { path: '/wachtwoord-herstellen/:token', element: <ResetPassword /> },
      { path: '/', element: auth(<Home />) },
      { path: '/account', element: auth(<Account />) },
      { path: '/netwerk/:id', element: auth(<NetworkHome />) },
      { path: '/netwerk/:id/leden', element: auth(<Members />) },
      { path: '/netwerk/:id/uitnodigingen', element: auth(<Invitations />) },
      ...caseReadRoutes,
      ...reflectionRoutes,
      ...reflectionFormRoutes,
      ...lessonRoutes,
      ...recurringRoutes,
      ...codebookRoutes,
      ...templateRoutes,
      ...actionRoutes,
      ...researchRoutes,
      // Writing a case: start one, then edit the draft step by step (?stap=1…5).
      { path: '/netwerk/:id/casussen/nieuw', element: auth(<NewCase />) },
      { path: '/netwerk/:id/casussen/:case/bewerken', element: auth(<CaseForm />) },
      { path: '/beheer', element: auth(<Workplaces />) },
      { path: '/beheer/kenniswerkplaatsen', element: auth(<Workplaces />) },
      { path: '/beheer/kenniswerkplaatsen/:id', element: auth(<WorkplaceDetail />) },
      { path: '/beheer/netwerken/:id', element: auth(<NetworkEdit />) },
      { path: '/beheer/mensen', element: auth(<People />) },
      { path: '/beheer/logboek', element: auth(<Audit />) },
      { path: '/beheer/anonimiseerder', element: auth(<AnonymiserQuality />) },
      { path: '/privacy', element: <SitePage text="privacy" /> },
      { path: '/toegankelijkheid', element: <SitePage text="accessibility" /> },
      { path: '/contact', element: <SitePage text="contact" /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * newQueryClient retries only failures that may pass on a second try. A 401
 * on any call (but sign-in itself, marked with meta.authFlow) means the
 * session ended: the cached session is cleared, so RequireAuth sends the
 * person to sign in and back.
 */
export function newQueryClient(): QueryClient {
  const ended = (e: unknown, authFlow: unknown) => {
    if (!authFlow && isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      client.setQueryData(sessionKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e, q) => ended(e, q.queryKey[0] === sessionKey[0] || q.meta?.authFlow) }),
    mutationCache: new MutationCache({ onError: (e, _v, _c, m) => ended(e, m.meta?.authFlow) }),
    defaultOptions: {
      queries: {
        retry: (count, e) => count < 2 && !(isApiError(e) && e.status >= 400 && e.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

const queryClient = newQueryClient();
const router = createBrowserRouter(routes);

/** App wires the query cache and the router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
