import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const ReflectionForm = lazy(() => import('./ReflectionForm'));

/**
 * reflectionFormRoutes: where a member writes (or goes on with) their
 * reflection on a case, inside its network (?stap= names the step).
 */
export const reflectionFormRoutes: RouteObject[] = [
  { path: '/netwerk/:id/casussen/:case/reflectie', element: <RequireAuth><ReflectionForm /></RequireAuth> },
];
