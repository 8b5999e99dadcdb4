import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const CodebookPage = lazy(() => import('./CodebookPage'));
const CodebookHistoryPage = lazy(() => import('./CodebookHistoryPage'));

/** codebookRoutes: a network's codebook (read by everyone in it, managed by facilitators) and its history. */
export const codebookRoutes: RouteObject[] = [
  { path: '/netwerk/:id/codeboek', element: <RequireAuth><CodebookPage /></RequireAuth> },
  { path: '/netwerk/:id/codeboek/geschiedenis', element: <RequireAuth><CodebookHistoryPage /></RequireAuth> },
];
