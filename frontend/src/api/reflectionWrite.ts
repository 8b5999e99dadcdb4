import { api, call } from './client';
import type { components } from './schema';

// The reflection form's calls: start, change, check text, submit and
// withdraw one's own reflection. (Reading others' reflections lives with
// the case page; the form needs only its own.)

type S = components['schemas'];
export type Reflection = S['Reflection'];
export type ReflectionRequest = S['ReflectionRequest'];
export type ReflectionItemRequest = S['ReflectionItemRequest'];
export type ReflectionLessonRequest = S['ReflectionLessonRequest'];
export type CodingEffect = S['CodingEffect'];
export type CodeRef = S['CodeRef'];

const path = (id: string) => ({ params: { path: { reflection: id } } });
const onCase = (caseId: string) => ({ params: { path: { case: caseId } } });

/**
 * reflectionWriteApi holds the calls of the reflection form. A write the
 * anonymiser refuses throws an ApiError whose `findings` name each place
 * by its pointer in the request (/items/0/what, /texts/1/text).
 */
export const reflectionWriteApi = {
  /** mine answers the id of the caller's reflection on a case, if they started one. */
  mine: async (caseId: string) => (await call(api.GET('/api/v1/cases/{case}/reflections', onCase(caseId)))).mine_id,
  start: (caseId: string, body: ReflectionRequest = {}) => call(api.POST('/api/v1/cases/{case}/reflections', { ...onCase(caseId), body })),
  get: (id: string) => call(api.GET('/api/v1/reflections/{reflection}', path(id))),
  patch: (id: string, body: ReflectionRequest) => call(api.PATCH('/api/v1/reflections/{reflection}', { ...path(id), body })),
  scan: async (id: string, text: string) =>
    (await call(api.POST('/api/v1/reflections/{reflection}/scan', { ...path(id), body: { text } }))).findings,
  submit: (id: string, version: number) => call(api.POST('/api/v1/reflections/{reflection}/submit', { ...path(id), body: { version } })),
  withdraw: (id: string, version: number) =>
    call(api.POST('/api/v1/reflections/{reflection}/withdraw', { ...path(id), body: { version } })),
};

/** myReflectionKey is the cache key of the form's own load of the caller's reflection on a case. */
export const myReflectionKey = (caseId: string) => ['case', caseId, 'my-reflection'] as const;
