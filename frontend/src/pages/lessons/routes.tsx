import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/guards';

// Loaded on demand, like the other screens outside the first load.
const LessonListPage = lazy(() => import('./LessonListPage'));
const LessonPage = lazy(() => import('./LessonPage'));

/** lessonRoutes: a network's lessons (read by members, curated by facilitators) and one lesson with its sources. */
export const lessonRoutes: RouteObject[] = [
  { path: '/netwerk/:id/lessen', element: <RequireAuth><LessonListPage /></RequireAuth> },
  { path: '/netwerk/:id/lessen/:lesson', element: <RequireAuth><LessonPage /></RequireAuth> },
];
