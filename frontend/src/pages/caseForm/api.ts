import { api } from '../../api/client';
import { ApiError, networkError, toApiError } from '../../api/problem';
import type { components } from '../../api/schema';

type S = components['schemas'];
export type Case = S['Case'];
export type CaseSummary = S['CaseSummary'];
export type Episode = S['Episode'];
export type CaseFinding = S['CaseFinding'];
export type FindingType = S['FindingType'];
export type Mark = S['Mark'];
export type MarkRequest = S['MarkRequest'];
export type CaseChange = S['CaseChangeRequest'];
export type NewCase = S['NewCaseRequest'];
export type EpisodeChange = S['EpisodeRequest'];
export type Vocabulary = S['CaseVocabulary'];
export type VocabularyName = Vocabulary['lists'][number]['name'];
export type Term = Vocabulary['lists'][number]['terms'][number];

/**
 * IdentifyingError is a write the anonymiser refused (422): the generic
 * ApiError drops the body's `findings`, which this form needs to show.
 */
export class IdentifyingError extends ApiError {
  readonly findings: CaseFinding[];
  constructor(base: ApiError, findings: CaseFinding[]) {
    super({ status: base.status, title: base.title, detail: base.detail, type: base.type, fieldProblems: base.fieldProblems });
    this.findings = findings;
  }
}

function findingsOf(body: unknown): CaseFinding[] {
  const list = (body as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is CaseFinding =>
      typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.start === 'number' && typeof f.end === 'number',
  );
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** write is `call` for case writes: a 422 with findings throws an IdentifyingError. */
async function write<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (e) {
    throw networkError(e);
  }
  if (!result.response.ok) {
    const e = toApiError(result.response, result.error);
    const findings = findingsOf(result.error);
    throw findings.length ? new IdentifyingError(e, findings) : e;
  }
  return result.data as T;
}

const path = (id: string) => ({ params: { path: { case: id } } });

/** caseApi holds every call the case form makes. */
export const caseApi = {
  vocabulary: () => write(api.GET('/api/v1/case-vocabulary')),
  get: (id: string) => write(api.GET('/api/v1/cases/{case}', path(id))),
  mine: (network: string) =>
    write(api.GET('/api/v1/networks/{network}/cases', { params: { path: { network }, query: { mine: true, limit: 100 } } })),
  create: (network: string, body: NewCase) =>
    write(api.POST('/api/v1/networks/{network}/cases', { params: { path: { network } }, body })),
  patch: (id: string, body: CaseChange) => write(api.PATCH('/api/v1/cases/{case}', { ...path(id), body })),
  remove: (id: string, version: number) =>
    write(api.DELETE('/api/v1/cases/{case}', { params: { path: { case: id }, query: { version } } })),
  scan: async (id: string, text: string) =>
    (await write(api.POST('/api/v1/cases/{case}/scan', { ...path(id), body: { text } }))).findings,
  addEpisode: (id: string, body: EpisodeChange) => write(api.POST('/api/v1/cases/{case}/episodes', { ...path(id), body })),
  patchEpisode: (id: string, episode: string, body: EpisodeChange) =>
    write(api.PATCH('/api/v1/cases/{case}/episodes/{episode}', { params: { path: { case: id, episode } }, body })),
  removeEpisode: (id: string, episode: string, version: number) =>
    write(
      api.DELETE('/api/v1/cases/{case}/episodes/{episode}', { params: { path: { case: id, episode }, query: { version } } }),
    ),
  order: (id: string, episodes: string[], version: number) =>
    write(api.PUT('/api/v1/cases/{case}/episode-order', { ...path(id), body: { episodes, version } })),
  submit: (id: string, version: number) => write(api.POST('/api/v1/cases/{case}/submit', { ...path(id), body: { version } })),
  withdraw: (id: string, version: number) =>
    write(api.POST('/api/v1/cases/{case}/withdraw', { ...path(id), body: { version } })),
};

/** vocabularyQuery loads the fixed lists once per visit: their codes never change. */
export const vocabularyQuery = {
  queryKey: ['case-vocabulary'],
  queryFn: caseApi.vocabulary,
  staleTime: Infinity,
};

/** caseQueryKey is the cache key of one case, as this form loads it. */
export const caseQueryKey = (id: string) => ['caseForm', 'case', id];

/** mineQueryKey is the cache key of "my cases" in a network. */
export const mineQueryKey = (network: string) => ['caseForm', 'mine', network];
