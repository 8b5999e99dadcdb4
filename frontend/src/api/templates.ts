import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type Template = S['Template'];
export type TemplateDefinition = S['TemplateDefinition'];
export type TemplateSection = S['TemplateSection'];
export type TemplateQuestion = S['TemplateQuestion'];
export type TemplateField = S['TemplateField'];
export type QuestionType = S['QuestionType'];

/** templateApi reads a network's reflection form: the current version, or the one a reflection was written with. */
export const templateApi = {
  current: (network: string) => call(api.GET('/api/v1/networks/{network}/template', { params: { path: { network } } })),
  version: (network: string, version: number) =>
    call(api.GET('/api/v1/networks/{network}/templates/{version}', { params: { path: { network, version } } })),
};

/** templateVersionQuery loads one version once: versions never change. */
export const templateVersionQuery = (network: string, version: number) => ({
  queryKey: ['network', network, 'template', version] as const,
  queryFn: () => templateApi.version(network, version),
  staleTime: Infinity,
});
