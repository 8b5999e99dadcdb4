import type { Me } from '../../api/types';
import {
  patternAgeBands,
  patternEffects,
  patternOutcomes,
  patternSources,
  type ExportKind,
  type PatternAgeBand,
  type PatternEffect,
  type PatternOutcome,
  type PatternQuery,
  type PatternSource,
  type SearchQuery,
} from '../../api/research';

/**
 * ResearchFilters narrow every pattern query, the search and the exports;
 * they live in the URL (Dutch keys) so a link or reload keeps them. Empty
 * strings do not filter; `network` empty means every network where I am a
 * researcher.
 */
export interface ResearchFilters {
  network: string;
  outcome: PatternOutcome | '';
  ageBand: PatternAgeBand | '';
  service: string;
  phase: string;
  perspective: string;
  from: string;
  to: string;
  source: PatternSource | '';
  effect: PatternEffect | '';
}

export const emptyResearchFilters: ResearchFilters = {
  network: '',
  outcome: '',
  ageBand: '',
  service: '',
  phase: '',
  perspective: '',
  from: '',
  to: '',
  source: '',
  effect: '',
};

// The URL key of each filter.
const keys: Record<keyof ResearchFilters, string> = {
  network: 'netwerk',
  outcome: 'uitkomst',
  ageBand: 'leeftijd',
  service: 'hulp',
  phase: 'fase',
  perspective: 'perspectief',
  from: 'van',
  to: 'tot',
  source: 'bron',
  effect: 'effect',
};

const quarter = /^[0-9]{4}-[Qq][1-4]$/;

/** isQuarter tells whether a text is a quarter as the API takes it (2024-Q1). */
export function isQuarter(v: string): boolean {
  return quarter.test(v);
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[]): T | '' {
  return allowed.includes(v as T) ? (v as T) : '';
}

/** researchFiltersFromSearch reads the filters from a URL query; unknown values are dropped. */
export function researchFiltersFromSearch(search: URLSearchParams): ResearchFilters {
  const get = (k: keyof ResearchFilters) => search.get(keys[k]) ?? '';
  return {
    network: get('network'),
    outcome: oneOf(search.get(keys.outcome), patternOutcomes),
    ageBand: oneOf(search.get(keys.ageBand), patternAgeBands),
    service: get('service'),
    phase: get('phase'),
    perspective: get('perspective'),
    from: isQuarter(get('from')) ? get('from').toUpperCase() : '',
    to: isQuarter(get('to')) ? get('to').toUpperCase() : '',
    source: oneOf(search.get(keys.source), patternSources),
    effect: oneOf(search.get(keys.effect), patternEffects),
  };
}

/** researchFiltersToSearch writes the filters that are set as a URL query. */
export function researchFiltersToSearch(f: ResearchFilters, base?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const k of Object.keys(keys) as (keyof ResearchFilters)[]) {
    out.delete(keys[k]);
    if (f[k]) out.set(keys[k], f[k]);
  }
  return out;
}

/** countResearchFilters counts the filters that narrow the answers (the network choice is not one). */
export function countResearchFilters(f: ResearchFilters): number {
  return (Object.keys(keys) as (keyof ResearchFilters)[]).filter((k) => k !== 'network' && f[k] !== '').length;
}

const opt = (v: string) => (v === '' ? undefined : v);

/** toPatternQuery gives a pattern query's parameters; `code` names the codes to report. */
export function toPatternQuery(f: ResearchFilters, code?: string[]): PatternQuery {
  return {
    networks: f.network ? [f.network] : undefined,
    outcome: f.outcome || undefined,
    age_band: f.ageBand || undefined,
    service: opt(f.service),
    phase: opt(f.phase),
    perspective: opt(f.perspective),
    from: opt(f.from),
    to: opt(f.to),
    source: f.source || undefined,
    // The API refuses an effect with lessons as the source; the form does not offer it either.
    effect: f.source === 'lessons' ? undefined : f.effect || undefined,
    code: code && code.length ? code : undefined,
  };
}

/** toSearchQuery gives the search's parameters: the words and the filters search knows (not source and effect). */
export function toSearchQuery(q: string, f: ResearchFilters, code: string, cursor?: string): SearchQuery {
  return {
    q,
    networks: opt(f.network),
    outcome: f.outcome || undefined,
    age_band: opt(f.ageBand),
    service: opt(f.service),
    phase: opt(f.phase),
    perspective: (opt(f.perspective) as SearchQuery['perspective']) ?? undefined,
    from: opt(f.from),
    to: opt(f.to),
    code: opt(code),
    cursor,
    limit: 20,
  };
}

/**
 * exportUrl is the address of a download with the filters exports know
 * (network, outcome, age band, service, phase, period); perspective,
 * source and effect narrow the aggregates only.
 */
export function exportUrl(kind: ExportKind, f: ResearchFilters, excel = false): string {
  const q = new URLSearchParams();
  if (f.network) q.append('networks', f.network);
  if (f.outcome) q.append('outcome', f.outcome);
  if (f.ageBand) q.append('age_band', f.ageBand);
  if (f.service) q.set('service', f.service);
  if (f.phase) q.set('phase', f.phase);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (excel) q.set('excel', 'true');
  const s = q.toString();
  return `/api/v1/exports/${kind}${s ? `?${s}` : ''}`;
}

/** ResearchScope is where my research reaches: the networks I study and those whose aggregates I see as facilitator or manager. */
export interface ResearchScope {
  /** researcher lists the networks where I am researcher: all of them are read together. */
  researcher: { id: string; name: string }[];
  /** own lists the networks where I am facilitator or manager: each is read alone. */
  own: { id: string; name: string }[];
}

/** researchScope reads my research reach from my memberships. */
export function researchScope(me: Me): ResearchScope {
  const ref = (m: Me['memberships'][number]) => ({ id: m.network.id, name: m.network.name });
  return {
    researcher: me.memberships.filter((m) => m.role === 'researcher').map(ref),
    own: me.memberships.filter((m) => m.role === 'facilitator' || m.role === 'manager').map(ref),
  };
}

/** hasResearch tells whether the research workspace has anything for me. */
export function hasResearch(me: Me): boolean {
  const s = researchScope(me);
  return s.researcher.length > 0 || s.own.length > 0;
}

/**
 * effectiveNetwork is the network choice the queries use: a facilitator or
 * manager who studies nowhere must name their network, so the first is
 * taken when none is chosen; a choice outside my reach falls back too.
 */
export function effectiveNetwork(scope: ResearchScope, network: string): string {
  const known = [...scope.researcher, ...scope.own].some((n) => n.id === network);
  if (network && known) return network;
  return scope.researcher.length > 0 ? '' : (scope.own[0]?.id ?? '');
}

/** canExport tells whether the chosen networks allow row-level exports: those are for researchers only. */
export function canExport(scope: ResearchScope, network: string): boolean {
  if (network === '') return scope.researcher.length > 0;
  return scope.researcher.some((n) => n.id === network);
}
