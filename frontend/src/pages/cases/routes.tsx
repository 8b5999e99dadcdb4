import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const CaseListPage = lazy(() => import('./CaseListPage'));
const ReviewQueue = lazy(() => import('./ReviewQueue'));
const CasePage = lazy(() => import('./CasePage'));

/**
 * caseReadRoutes: a network's cases, its facilitators' review queue, and one
 * case, inside its network. A link to /casussen/:case (from before a case
 * had its network in the URL) goes on to it once the case is loaded.
 */
export const caseReadRoutes: RouteObject[] = [
  { path: '/netwerk/:id/casussen', element: <RequireAuth><CaseListPage /></RequireAuth> },
  { path: '/netwerk/:id/controleren', element: <RequireAuth><ReviewQueue /></RequireAuth> },
  { path: '/netwerk/:id/casussen/:case', element: <RequireAuth><CasePage /></RequireAuth> },
  { path: '/casussen/:case', element: <RequireAuth><CasePage /></RequireAuth> },
];
