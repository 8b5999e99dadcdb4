import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const TemplatePage = lazy(() => import('./TemplatePage'));

/** templateRoutes: managing a network's reflection form, with a preview per perspective. */
export const templateRoutes: RouteObject[] = [{ path: '/netwerk/:id/formulier', element: <RequireAuth><TemplatePage /></RequireAuth> }];
