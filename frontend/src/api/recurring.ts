import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type RecurringLesson = S['RecurringLesson'];
export type RecurringLessonDetail = S['RecurringLessonDetail'];
export type Spread = S['Spread'];
export type GroupedLesson = S['GroupedLesson'];
export type GroupMatch = S['GroupMatch'];
export type GroupStatus = S['GroupStatus'];
export type GroupUpdateRequest = S['GroupUpdateRequest'];

const path = (id: string) => ({ params: { path: { group: id } } });

/**
 * recurringApi holds every call on recurring lessons: the network's list
 * (with `all` a facilitator also gets the groups below the minimum of
 * cases and the dismissed ones), one group with its lessons, the
 * facilitator's curation steps, and the closest groups of a lesson. A
 * statement or reason the anonymiser refuses throws an ApiError with
 * `findings` (isFindingsError).
 */
export const recurringApi = {
  list: (network: string, all = false) =>
    call(api.GET('/api/v1/networks/{network}/recurring-lessons', { params: { path: { network }, query: all ? { all: 'true' } : {} } })),
  get: (id: string) => call(api.GET('/api/v1/recurring-lessons/{group}', path(id))),
  update: (id: string, body: GroupUpdateRequest) => call(api.PATCH('/api/v1/recurring-lessons/{group}', { ...path(id), body })),
  split: (id: string, version: number, lessons: string[]) =>
    call(api.POST('/api/v1/recurring-lessons/{group}/split', { ...path(id), body: { version, lessons } })),
  merge: (id: string, version: number, groups: string[]) =>
    call(api.POST('/api/v1/recurring-lessons/{group}/merge', { ...path(id), body: { version, groups } })),
  place: (id: string, version: number, lesson: string) =>
    call(api.POST('/api/v1/recurring-lessons/{group}/place', { ...path(id), body: { version, lesson } })),
  closest: (lesson: string) => call(api.GET('/api/v1/lessons/{lesson}/closest-groups', { params: { path: { lesson } } })),
};

/** recurringKey is the cache key of everything on a network's recurring lessons; every curation step invalidates it. */
export const recurringKey = (networkId: string) => ['network', networkId, 'recurring'] as const;

/** groupKey is the cache key of one recurring lesson. */
export const groupKey = (id: string) => ['recurring', id] as const;

/** closestKey is the cache key of a lesson's closest groups. */
export const closestKey = (lessonId: string) => ['lesson', lessonId, 'closest-groups'] as const;
