import { pendingApi } from './pending';

// Hand-written to match the code-suggestions contract (api/suggestions.go,
// POST /api/v1/networks/{network}/code-suggestions) of the branch that
// adds it. After merging, replace these with the generated schema types.

/** CodeSuggestionReason says why a code is suggested: words of the caller's own text, never another member's. */
export interface CodeSuggestionReason {
  /** the words of the text that matched, as typed, strongest first (at most five) */
  words: string[];
  /** the words occur in the code's label, description or examples */
  codebook: boolean;
  /** how many earlier codings with this code in the network hold one of the words */
  codings: number;
}

/** CodeSuggestion is one code suggested for a text, with why. */
export interface CodeSuggestion {
  code_id: string;
  key: string;
  label_nl: string;
  label_en: string;
  theme: { key: string; label_nl: string; label_en: string };
  score: number;
  reason: CodeSuggestionReason;
}

/** suggestionApi asks which codes fit a text being typed; the text is not stored. */
export const suggestionApi = {
  suggest: async (network: string, text: string, limit = 5) =>
    (
      await pendingApi.post<{ suggestions: CodeSuggestion[] }>('/api/v1/networks/{network}/code-suggestions', { network }, { text, limit })
    ).suggestions,
};
