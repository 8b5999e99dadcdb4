import { api, call } from './client';
import type { components, operations } from './schema';

type S = components['schemas'];
export type Lesson = S['Lesson'];
export type LessonSummary = S['LessonSummary'];
export type LessonList = S['LessonList'];
export type LessonStatus = S['LessonStatus'];
export type LessonSource = S['LessonSource'];
export type SourceItem = S['SourceItem'];
export type LessonChange = S['LessonChange'];
export type LessonState = S['LessonState'];
export type LessonEditRequest = S['LessonEditRequest'];
export type RejectLessonRequest = S['RejectLessonRequest'];

/** LessonListQuery narrows a network's lessons (status, code, case, words, paging). */
export type LessonListQuery = NonNullable<operations['listLessons']['parameters']['query']>;

export const lessonStatuses: LessonStatus[] = ['proposed', 'accepted', 'rejected', 'merged'];

const path = (id: string) => ({ params: { path: { lesson: id } } });

/**
 * lessonApi holds every call on lessons: the list members read (accepted
 * lessons only) and facilitators curate, one lesson with its sources, its
 * curation history, and the curation steps. A statement or reason the
 * anonymiser refuses throws an ApiError with `findings` (isFindingsError).
 */
export const lessonApi = {
  list: (network: string, query: LessonListQuery) =>
    call(api.GET('/api/v1/networks/{network}/lessons', { params: { path: { network }, query } })),
  get: (id: string) => call(api.GET('/api/v1/lessons/{lesson}', path(id))),
  history: (id: string, cursor?: string) =>
    call(api.GET('/api/v1/lessons/{lesson}/history', { params: { path: { lesson: id }, query: { cursor, limit: 100 } } })),
  accept: (id: string, body: LessonEditRequest) => call(api.POST('/api/v1/lessons/{lesson}/accept', { ...path(id), body })),
  reword: (id: string, body: LessonEditRequest) => call(api.PATCH('/api/v1/lessons/{lesson}', { ...path(id), body })),
  reject: (id: string, body: RejectLessonRequest) => call(api.POST('/api/v1/lessons/{lesson}/reject', { ...path(id), body })),
  reopen: (id: string, version: number) => call(api.POST('/api/v1/lessons/{lesson}/reopen', { ...path(id), body: { version } })),
  merge: (network: string, into: string, lessons: { id: string; version: number }[]) =>
    call(api.POST('/api/v1/networks/{network}/lessons/merge', { params: { path: { network } }, body: { into, lessons } })),
};

/** lessonsKey is the cache key of a network's lesson lists; every curation step invalidates it. */
export const lessonsKey = (networkId: string) => ['network', networkId, 'lessons'] as const;

/** lessonKey is the cache key of one lesson, with its history under it. */
export const lessonKey = (id: string) => ['lesson', id] as const;
