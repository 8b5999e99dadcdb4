import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type Template = S['Template'];
export type TemplateDefinition = S['TemplateDefinition'];
export type TemplateSection = S['TemplateSection'];
export type TemplateQuestion = S['TemplateQuestion'];
export type TemplateField = S['TemplateField'];
export type QuestionType = S['QuestionType'];
export type TemplateSummary = S['TemplateSummary'];
export type TemplateRequest = S['TemplateRequest'];

/**
 * templateApi reads a network's reflection form (the current version, or
 * the one a reflection was written with), lists its versions and saves a
 * new one.
 */
export const templateApi = {
  current: (network: string) => call(api.GET('/api/v1/networks/{network}/template', { params: { path: { network } } })),
  version: (network: string, version: number) =>
    call(api.GET('/api/v1/networks/{network}/templates/{version}', { params: { path: { network, version } } })),
  versions: (network: string) => call(api.GET('/api/v1/networks/{network}/templates', { params: { path: { network }, query: { limit: 100 } } })),
  create: (network: string, body: TemplateRequest) => call(api.POST('/api/v1/networks/{network}/templates', { params: { path: { network } }, body })),
};

/** templateKey is the cache key of a network's current form (the reflection form's start reads it too). */
export const templateKey = (network: string) => ['network', network, 'template'] as const;

/** templateVersionsKey is the cache key of the list of a network's form versions. */
export const templateVersionsKey = (network: string) => ['network', network, 'template', 'versions'] as const;

/** templateVersionQuery loads one version once: versions never change. */
export const templateVersionQuery = (network: string, version: number) => ({
  queryKey: ['network', network, 'template', version] as const,
  queryFn: () => templateApi.version(network, version),
  staleTime: Infinity,
});
