import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const ActionBoardPage = lazy(() => import('./ActionBoardPage'));
const ProposeActionPage = lazy(() => import('./ProposeActionPage'));
const AttentionPage = lazy(() => import('./AttentionPage'));
const ActionPage = lazy(() => import('./ActionPage'));
const GoalsPage = lazy(() => import('../goals/GoalsPage'));
const GoalPage = lazy(() => import('../goals/GoalPage'));

/** actionRoutes: a network's action board, proposing an action, what needs my attention, one action; and the network's goals. */
export const actionRoutes: RouteObject[] = [
  { path: '/netwerk/:id/verbeteracties', element: <RequireAuth><ActionBoardPage /></RequireAuth> },
  { path: '/netwerk/:id/verbeteracties/nieuw', element: <RequireAuth><ProposeActionPage /></RequireAuth> },
  { path: '/netwerk/:id/verbeteracties/aandacht', element: <RequireAuth><AttentionPage /></RequireAuth> },
  { path: '/netwerk/:id/verbeteracties/:action', element: <RequireAuth><ActionPage /></RequireAuth> },
  { path: '/netwerk/:id/doelen', element: <RequireAuth><GoalsPage /></RequireAuth> },
  { path: '/netwerk/:id/doelen/:goal', element: <RequireAuth><GoalPage /></RequireAuth> },
];
