import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand: the research screens (and their chart library) are never part of the first load.
const ResearchPage = lazy(() => import('./ResearchPage'));
const SearchPage = lazy(() => import('./SearchPage'));

/** researchRoutes: the pattern dashboard with exports, and the full-text search. */
export const researchRoutes: RouteObject[] = [
  { path: '/onderzoek', element: <RequireAuth><ResearchPage /></RequireAuth> },
  { path: '/onderzoek/zoeken', element: <RequireAuth><SearchPage /></RequireAuth> },
];
