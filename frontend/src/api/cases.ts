import { api, call } from './client';
import type { operations } from './schema';
import type { CaseChange, EpisodeChange, NewCase } from './types';

/** CaseListQuery narrows a network's case list (filters, mine, paging). */
export type CaseListQuery = NonNullable<operations['listCases']['parameters']['query']>;

const path = (id: string) => ({ params: { path: { case: id } } });

/**
 * caseApi holds every call on cases, for the form that writes them and the
 * pages that read and check them. A write the anonymiser refuses throws an
 * ApiError whose `findings` say what identifies someone (isFindingsError).
 */
export const caseApi = {
  vocabulary: () => call(api.GET('/api/v1/case-vocabulary')),
  get: (id: string) => call(api.GET('/api/v1/cases/{case}', path(id))),
  list: (network: string, query: CaseListQuery) =>
    call(api.GET('/api/v1/networks/{network}/cases', { params: { path: { network }, query } })),
  create: (network: string, body: NewCase) =>
    call(api.POST('/api/v1/networks/{network}/cases', { params: { path: { network } }, body })),
  patch: (id: string, body: CaseChange) => call(api.PATCH('/api/v1/cases/{case}', { ...path(id), body })),
  remove: (id: string, version: number) =>
    call(api.DELETE('/api/v1/cases/{case}', { params: { path: { case: id }, query: { version } } })),
  scan: async (id: string, text: string) =>
    (await call(api.POST('/api/v1/cases/{case}/scan', { ...path(id), body: { text } }))).findings,
  addEpisode: (id: string, body: EpisodeChange) => call(api.POST('/api/v1/cases/{case}/episodes', { ...path(id), body })),
  patchEpisode: (id: string, episode: string, body: EpisodeChange) =>
    call(api.PATCH('/api/v1/cases/{case}/episodes/{episode}', { params: { path: { case: id, episode } }, body })),
  removeEpisode: (id: string, episode: string, version: number) =>
    call(api.DELETE('/api/v1/cases/{case}/episodes/{episode}', { params: { path: { case: id, episode }, query: { version } } })),
  order: (id: string, episodes: string[], version: number) =>
    call(api.PUT('/api/v1/cases/{case}/episode-order', { ...path(id), body: { episodes, version } })),
  submit: (id: string, version: number) => call(api.POST('/api/v1/cases/{case}/submit', { ...path(id), body: { version } })),
  withdraw: (id: string, version: number) => call(api.POST('/api/v1/cases/{case}/withdraw', { ...path(id), body: { version } })),
  publish: (id: string, version: number) => call(api.POST('/api/v1/cases/{case}/publish', { ...path(id), body: { version } })),
  archive: (id: string, version: number) => call(api.POST('/api/v1/cases/{case}/archive', { ...path(id), body: { version } })),
  sendBack: (id: string, version: number, comment: string, realIdentifiers: string[]) =>
    call(
      api.POST('/api/v1/cases/{case}/send-back', {
        ...path(id),
        body: { version, comment, real_identifiers: realIdentifiers },
      }),
    ),
};

/** caseKey is the cache key of one case; the form's working copy sits under it too. */
export const caseKey = (id: string) => ['case', id] as const;

/** caseDraftKey is the form's own load of a case (the start of its working copy), under the case's key. */
export const caseDraftKey = (id: string) => [...caseKey(id), 'draft'] as const;

/** casesKey is the cache key of a network's case lists (the list, the queue, my cases); a change to a case invalidates it. */
export const casesKey = (networkId: string) => ['network', networkId, 'cases'] as const;

/** vocabularyQuery loads the case's fixed lists once per visit: they change only with a new release of the server. */
export const vocabularyQuery = {
  queryKey: ['case-vocabulary'],
  queryFn: caseApi.vocabulary,
  staleTime: Infinity,
} as const;
