import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const RecurringListPage = lazy(() => import('./RecurringListPage'));
const RecurringPage = lazy(() => import('./RecurringPage'));

/** recurringRoutes: a network's recurring lessons and one of them with its cases and lessons. */
export const recurringRoutes: RouteObject[] = [
  { path: '/netwerk/:id/terugkerende-lessen', element: <RequireAuth><RecurringListPage /></RequireAuth> },
  { path: '/netwerk/:id/terugkerende-lessen/:group', element: <RequireAuth><RecurringPage /></RequireAuth> },
];
