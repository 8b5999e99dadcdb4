import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type Codebook = S['Codebook'];
export type CodebookTheme = S['CodebookTheme'];
export type CodebookCode = S['CodebookCode'];

/** codebookApi reads a network's codebook (the picker needs no usage counts). */
export const codebookApi = {
  get: (network: string) => call(api.GET('/api/v1/networks/{network}/codebook', { params: { path: { network } } })),
};

/**
 * codebookKey is the cache key of a network's codebook, as the code picker
 * reads it; a change on the codebook page invalidates it, and that page's
 * own reads (with usage, history) sit under it.
 */
export const codebookKey = (networkId: string) => ['network', networkId, 'codebook'] as const;
