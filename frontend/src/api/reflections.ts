import { api, call } from './client';
import { caseKey } from './cases';
import type { components, operations } from './schema';

type S = components['schemas'];
export type Reflection = S['Reflection'];
export type ReflectionSummary = S['ReflectionSummary'];
export type ReflectionList = S['ReflectionList'];
export type ReflectionStatus = S['ReflectionStatus'];
export type ReflectionItem = S['ReflectionItem'];
export type ReflectionLesson = S['ReflectionLesson'];
export type TextAnswer = S['TextAnswer'];
export type RatingAnswer = S['RatingAnswer'];
export type Coding = S['Coding'];
export type CodingEffect = S['CodingEffect'];
export type CodeRef = S['CodeRef'];
export type CaseReflections = S['CaseReflections'];
export type CodeComparison = S['CodeComparison'];
export type RatingComparison = S['RatingComparison'];
export type Agreement = S['Agreement'];
export type ReflectionRequest = S['ReflectionRequest'];
export type ReflectionItemRequest = S['ReflectionItemRequest'];
export type ReflectionLessonRequest = S['ReflectionLessonRequest'];
export type CodingRequest = S['CodingRequest'];
export type MarkRequest = S['MarkRequest'];

/** ReflectionListQuery narrows a network's reflections (status, paging). */
export type ReflectionListQuery = NonNullable<operations['listReflections']['parameters']['query']>;

const path = (id: string) => ({ params: { path: { reflection: id } } });

/**
 * reflectionApi holds every call on reflections: the case page that shows
 * them side by side, the facilitator's check, and the form that writes
 * them. A write the anonymiser refuses throws an ApiError whose `findings`
 * name each place by a pointer such as /items/0/what (isFindingsError).
 */
export const reflectionApi = {
  forCase: (caseId: string) => call(api.GET('/api/v1/cases/{case}/reflections', { params: { path: { case: caseId } } })),
  create: (caseId: string, body: ReflectionRequest) =>
    call(api.POST('/api/v1/cases/{case}/reflections', { params: { path: { case: caseId } }, body })),
  list: (network: string, query: ReflectionListQuery) =>
    call(api.GET('/api/v1/networks/{network}/reflections', { params: { path: { network }, query } })),
  get: (id: string) => call(api.GET('/api/v1/reflections/{reflection}', path(id))),
  patch: (id: string, body: ReflectionRequest) => call(api.PATCH('/api/v1/reflections/{reflection}', { ...path(id), body })),
  remove: (id: string, version: number) =>
    call(api.DELETE('/api/v1/reflections/{reflection}', { params: { path: { reflection: id }, query: { version } } })),
  scan: async (id: string, text: string) =>
    (await call(api.POST('/api/v1/reflections/{reflection}/scan', { ...path(id), body: { text } }))).findings,
  submit: (id: string, version: number) => call(api.POST('/api/v1/reflections/{reflection}/submit', { ...path(id), body: { version } })),
  withdraw: (id: string, version: number) =>
    call(api.POST('/api/v1/reflections/{reflection}/withdraw', { ...path(id), body: { version } })),
  publish: (id: string, version: number) => call(api.POST('/api/v1/reflections/{reflection}/publish', { ...path(id), body: { version } })),
  sendBack: (id: string, version: number, comment: string, decisions: { dismissed?: MarkRequest[]; confirmed?: MarkRequest[] } = {}) =>
    call(api.POST('/api/v1/reflections/{reflection}/send-back', { ...path(id), body: { version, comment, ...decisions } })),
  recode: (id: string, item: string, codes: CodingRequest[], version: number) =>
    call(
      api.PUT('/api/v1/reflections/{reflection}/items/{item}/codes', {
        params: { path: { reflection: id, item } },
        body: { codes, version },
      }),
    ),
};

/** caseReflectionsKey is the cache key of a case's reflections; under the case's key, so a change to the case reloads them too. */
export const caseReflectionsKey = (caseId: string) => [...caseKey(caseId), 'reflections'] as const;

/** reflectionKey is the cache key of one reflection. */
export const reflectionKey = (id: string) => ['reflection', id] as const;

/** reflectionsKey is the cache key of a network's reflection lists (the review queue, one's own); a change to a reflection invalidates it. */
export const reflectionsKey = (networkId: string) => ['network', networkId, 'reflections'] as const;
