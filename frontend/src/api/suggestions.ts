import { api, call } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type CodeSuggestion = S['CodeSuggestion'];
export type CodeSuggestionReason = S['CodeSuggestionReason'];

/** suggestionApi asks which codes fit a text being typed; the text is not stored. */
export const suggestionApi = {
  suggest: async (network: string, text: string, limit = 5) =>
    (await call(api.POST('/api/v1/networks/{network}/code-suggestions', { params: { path: { network } }, body: { text, limit } }))).suggestions,
};
