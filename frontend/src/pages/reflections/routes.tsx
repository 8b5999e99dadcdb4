import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const ReflectionReview = lazy(() => import('./ReflectionReview'));

/** reflectionRoutes: a facilitator's check of one reflection, inside its network. */
export const reflectionRoutes: RouteObject[] = [
  { path: '/netwerk/:id/reflecties/:reflection', element: <RequireAuth><ReflectionReview /></RequireAuth> },
];
