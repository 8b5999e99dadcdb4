import { pendingApi } from './pending';

// Hand-written to match the codebook contract (api/codebook_bodies.go,
// GET /api/v1/networks/{network}/codebook) of the branch that adds it.
// After merging, replace these with the generated schema types.

/** CodeUsage counts what carries a code (for facilitators only). */
export interface CodeUsage {
  codings: number;
  helped: number;
  hindered: number;
  lessons: number;
}

/** CodebookCode is one code; `offered` is false for retired and merged codes, which the picker leaves out. */
export interface CodebookCode {
  id: string;
  theme_id: string;
  key: string;
  label_nl: string;
  label_en: string;
  description_nl: string;
  description_en: string;
  examples: string[];
  position: number;
  offered: boolean;
  retired: boolean;
  retired_at?: string;
  merged_into?: string;
  usage?: CodeUsage;
  updated_at: string;
  version: number;
}

/** CodebookTheme is a theme with its codes, in order. */
export interface CodebookTheme {
  id: string;
  key: string;
  label_nl: string;
  label_en: string;
  description_nl: string;
  description_en: string;
  position: number;
  codes: CodebookCode[];
  updated_at: string;
  version: number;
}

/** Codebook is a network's two-level codebook: themes, each with codes. */
export interface Codebook {
  network_id: string;
  themes: CodebookTheme[];
}

/** codebookApi reads a network's codebook. */
export const codebookApi = {
  get: (network: string) => pendingApi.get<Codebook>('/api/v1/networks/{network}/codebook', { network }),
};

/** codebookKey is the cache key of a network's codebook. */
export const codebookKey = (networkId: string) => ['network', networkId, 'codebook'] as const;
