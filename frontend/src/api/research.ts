import { api, call } from './client';
import type { components, operations } from './schema';

type S = components['schemas'];
export type PatternCell = S['PatternCell'];
export type PatternNetwork = S['PatternNetwork'];
export type CodePatterns = S['CodePatterns'];
export type CodePatternRow = CodePatterns['codes'][number];
export type PatternContrast = S['PatternContrast'];
export type Cooccurrence = S['Cooccurrence'];
export type Crosstab = S['Crosstab'];
export type CrosstabRow = Crosstab['rows'][number];
export type SearchResult = S['SearchResult'];
export type SearchHit = S['SearchHit'];
export type SearchSnippet = S['SearchSnippet'];

/** PatternQuery is the filter every pattern query takes. */
export type PatternQuery = NonNullable<operations['getCodePatterns']['parameters']['query']>;
/** SearchQuery is the search's words, filters and page. */
export type SearchQuery = operations['search']['parameters']['query'];

export type PatternOutcome = NonNullable<PatternQuery['outcome']>;
export type PatternAgeBand = NonNullable<PatternQuery['age_band']>;
export type PatternSource = NonNullable<PatternQuery['source']>;
export type PatternEffect = NonNullable<PatternQuery['effect']>;

export const patternOutcomes: PatternOutcome[] = ['good', 'stuck', 'mixed'];
export const patternAgeBands: PatternAgeBand[] = ['0-4', '4-12', '12-18', '18-23'];
export const patternSources: PatternSource[] = ['items', 'worked', 'did_not_work', 'lessons'];
export const patternEffects: PatternEffect[] = ['helped', 'hindered'];

/**
 * researchApi holds the researcher's read-only calls: the pattern queries
 * (aggregates with disclosure control) and full-text search. The exports
 * are downloads, streamed by useExportDownload, not JSON calls.
 */
export const researchApi = {
  codes: (query: PatternQuery) => call(api.GET('/api/v1/patterns/codes', { params: { query } })),
  cooccurrence: (query: PatternQuery) => call(api.GET('/api/v1/patterns/cooccurrence', { params: { query } })),
  trends: (query: PatternQuery) => call(api.GET('/api/v1/patterns/trends', { params: { query } })),
  perspectives: (query: PatternQuery) => call(api.GET('/api/v1/patterns/perspectives', { params: { query } })),
  search: (query: SearchQuery) => call(api.GET('/api/v1/search', { params: { query } })),
};

/** researchKey is the cache key of every research answer; nothing in the app changes them, so they only go stale with time. */
export const researchKey = ['research'] as const;

/** ExportKind names a download of GET /api/v1/exports/{kind}. */
export type ExportKind = 'codings.csv' | 'codings.json' | 'lessons.csv' | 'lessons.json' | 'project.qdpx';
