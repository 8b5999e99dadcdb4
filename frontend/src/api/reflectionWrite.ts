import { reflectionApi } from './reflections';

export type { Reflection, ReflectionRequest, CodingEffect, CodeRef } from './reflections';
export type { ReflectionItemRequest, ReflectionLessonRequest } from './reflections';

/**
 * reflectionWriteApi holds the reflection form's calls on its own
 * reflection, on top of reflectionApi. A write the anonymiser refuses
 * throws an ApiError whose `findings` name each place by its pointer in
 * the request (/items/0/what, /texts/1/text).
 */
export const reflectionWriteApi = {
  /** mine answers the id of the caller's reflection on a case, if they started one. */
  mine: async (caseId: string) => (await reflectionApi.forCase(caseId)).mine_id,
  start: (caseId: string, body = {}) => reflectionApi.create(caseId, body),
  get: reflectionApi.get,
  patch: reflectionApi.patch,
  scan: reflectionApi.scan,
  submit: reflectionApi.submit,
  withdraw: reflectionApi.withdraw,
  remove: reflectionApi.remove,
};

/** myReflectionKey is the cache key of the form's own load of the caller's reflection on a case. */
export const myReflectionKey = (caseId: string) => ['case', caseId, 'my-reflection'] as const;
