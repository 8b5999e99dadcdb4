import { api, call } from './client';
import { codebookKey } from './codebook';
import type { components } from './schema';

export { codebookKey };
export type { Codebook, CodebookTheme, CodebookCode } from './codebook';

type S = components['schemas'];
export type CodeUsage = S['CodeUsage'];
export type CodeMerge = S['CodeMerge'];
export type MergeCounts = S['MergeCounts'];
export type CodebookChange = S['CodebookChange'];
export type CodebookChangeAction = S['CodebookChangeAction'];
export type CodebookWording = S['CodebookWording'];
export type NewThemeRequest = S['NewCodebookThemeRequest'];
export type ThemeChangeRequest = S['CodebookThemeChangeRequest'];
export type NewCodeRequest = S['NewCodebookCodeRequest'];
export type CodeChangeRequest = S['CodebookCodeChangeRequest'];

const net = (network: string) => ({ params: { path: { network } } });

/**
 * codebookAdminApi holds the calls of the codebook page: reading the
 * codebook (with usage counts for facilitators), adding, changing, moving,
 * retiring and merging themes and codes, and the codebook's history. A
 * text the anonymiser refuses throws an ApiError with `findings` named by
 * pointers such as /label_nl or /examples/1.
 */
export const codebookAdminApi = {
  get: (network: string, usage = false) =>
    call(api.GET('/api/v1/networks/{network}/codebook', { params: { path: { network }, query: usage ? { usage } : {} } })),
  addTheme: (network: string, body: NewThemeRequest) => call(api.POST('/api/v1/networks/{network}/codebook/themes', { ...net(network), body })),
  patchTheme: (network: string, theme: string, body: ThemeChangeRequest) =>
    call(api.PATCH('/api/v1/networks/{network}/codebook/themes/{theme}', { params: { path: { network, theme } }, body })),
  addCode: (network: string, body: NewCodeRequest) => call(api.POST('/api/v1/networks/{network}/codebook/codes', { ...net(network), body })),
  patchCode: (network: string, code: string, body: CodeChangeRequest) =>
    call(api.PATCH('/api/v1/networks/{network}/codebook/codes/{code}', { params: { path: { network, code } }, body })),
  previewMerge: (network: string, code: string, into: string) =>
    call(
      api.GET('/api/v1/networks/{network}/codebook/codes/{code}/merge-preview', {
        params: { path: { network, code }, query: { into } },
      }),
    ),
  merge: (network: string, code: string, into: string, version: number) =>
    call(api.POST('/api/v1/networks/{network}/codebook/codes/{code}/merge', { params: { path: { network, code } }, body: { into, version } })),
  history: (network: string, query: { code?: string; cursor?: string }) =>
    call(api.GET('/api/v1/networks/{network}/codebook/history', { params: { path: { network }, query: { ...query, limit: 50 } } })),
};

/** codebookUsageKey is the codebook with usage counts, as facilitators read it on the codebook page. */
export const codebookUsageKey = (networkId: string) => [...codebookKey(networkId), 'usage'] as const;

/** codebookHistoryKey is the cache key of the codebook's history pages. */
export const codebookHistoryKey = (networkId: string) => [...codebookKey(networkId), 'history'] as const;
