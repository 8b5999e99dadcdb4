import type { Case, CaseChange, Episode, EpisodeChange } from '../../api/types';
import { decisionsFromMarks, type Decision } from './findings';

/** CaseFields are the case's own fields as the form holds them: selects as strings, '' for not chosen. */
export interface CaseFields {
  title: string;
  outcome: string;
  startYear: string;
  startQuarter: string;
  ongoing: boolean;
  endYear: string;
  endQuarter: string;
  duration: string;
  age_band: string;
  household: string;
  life_domains: string[];
  services: string[];
  summary: string;
}

export type CaseFieldName = keyof CaseFields;

/** EpisodeFields are one key episode's fields. */
export interface EpisodeFields {
  phase: string;
  what_happened: string;
  duration: string;
  effect: string;
}

export interface EpisodeDraft extends EpisodeFields {
  id: string;
  version: number;
}

/** Free-text fields are scanned; their key names them in decisions and scans. */
export type TextKey = 'title' | 'summary' | `episode:${string}`;
export const episodeKey = (id: string): TextKey => `episode:${id}`;

/** Draft is the working copy: what the server has plus what the author changed. */
export interface Draft {
  fields: CaseFields;
  episodes: EpisodeDraft[];
  /** the case fields changed since the last save */
  dirty: CaseFieldName[];
  /** ids of the episodes changed since their last save */
  dirtyEpisodes: string[];
  decisions: Partial<Record<TextKey, Decision[]>>;
  version: number;
}

function str(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

export function fieldsFromCase(c: Case): CaseFields {
  return {
    title: c.title,
    outcome: c.outcome ?? '',
    startYear: str(c.start?.year),
    startQuarter: str(c.start?.quarter),
    ongoing: !c.end,
    endYear: str(c.end?.year),
    endQuarter: str(c.end?.quarter),
    duration: c.duration ?? '',
    age_band: c.age_band ?? '',
    household: c.household ?? '',
    life_domains: [...c.life_domains],
    services: [...c.services],
    summary: c.summary,
  };
}

export function episodeFromServer(e: Episode): EpisodeDraft {
  return {
    id: e.id,
    version: e.version,
    phase: e.phase ?? '',
    what_happened: e.what_happened,
    duration: e.duration ?? '',
    effect: e.effect ?? '',
  };
}

/** draftFromCase starts a working copy from the server's case, with its stored decisions. */
export function draftFromCase(c: Case): Draft {
  const decisions: Draft['decisions'] = {
    title: decisionsFromMarks(c.marks, '/title', c.title),
    summary: decisionsFromMarks(c.marks, '/summary', c.summary),
  };
  const episodes = [...c.episodes].sort((a, b) => a.position - b.position);
  for (const e of episodes) decisions[episodeKey(e.id)] = decisionsFromMarks(e.marks, '/what_happened', e.what_happened);
  return {
    fields: fieldsFromCase(c),
    episodes: episodes.map(episodeFromServer),
    dirty: [],
    dirtyEpisodes: [],
    decisions,
    version: c.version,
  };
}

function period(year: string, quarter: string) {
  const y = Number(year);
  const q = Number(quarter);
  return year && quarter && Number.isInteger(y) && Number.isInteger(q) ? { year: y, quarter: q } : undefined;
}

/**
 * casePatch builds the change of the dirty case fields, without the
 * free texts (title, summary), which are added with their decisions.
 * A half-chosen period is left out until both parts are chosen.
 */
export function casePatch(f: CaseFields, dirty: readonly CaseFieldName[]): Omit<CaseChange, 'version'> {
  const out: Omit<CaseChange, 'version'> = {};
  const has = (...names: CaseFieldName[]) => names.some((n) => dirty.includes(n));
  if (has('outcome') && f.outcome) out.outcome = f.outcome as NonNullable<CaseChange['outcome']>;
  if (has('startYear', 'startQuarter')) {
    const p = period(f.startYear, f.startQuarter);
    if (p) out.start = p;
  }
  if (has('ongoing', 'endYear', 'endQuarter')) {
    if (f.ongoing) out.ongoing = true;
    else {
      const p = period(f.endYear, f.endQuarter);
      if (p) out.end = p;
    }
  }
  if (has('duration')) out.duration = f.duration;
  if (has('age_band')) out.age_band = f.age_band;
  if (has('household')) out.household = f.household;
  if (has('life_domains')) out.life_domains = [...f.life_domains];
  if (has('services')) out.services = [...f.services];
  return out;
}

/** episodePatch is an episode's fields as a write sends them (its text and decisions are added). */
export function episodePatch(e: EpisodeFields): Omit<EpisodeChange, 'what_happened' | 'version'> {
  return { phase: e.phase, duration: e.duration, effect: e.effect };
}

/** setField changes one case field and marks it dirty. */
export function setField<K extends CaseFieldName>(d: Draft, name: K, value: CaseFields[K]): Draft {
  return {
    ...d,
    fields: { ...d.fields, [name]: value },
    dirty: d.dirty.includes(name) ? d.dirty : [...d.dirty, name],
  };
}

/** setEpisode changes one episode field and marks the episode dirty. */
export function setEpisode<K extends keyof EpisodeFields>(d: Draft, id: string, name: K, value: EpisodeFields[K]): Draft {
  return {
    ...d,
    episodes: d.episodes.map((e) => (e.id === id ? { ...e, [name]: value } : e)),
    dirtyEpisodes: d.dirtyEpisodes.includes(id) ? d.dirtyEpisodes : [...d.dirtyEpisodes, id],
  };
}

/** hasChanges tells whether anything is not saved yet. */
export function hasChanges(d: Draft): boolean {
  return d.dirty.length > 0 || d.dirtyEpisodes.length > 0;
}

/** moveEpisode moves the episode at index by delta (-1 up, +1 down); out of range changes nothing. */
export function moveEpisode(list: readonly EpisodeDraft[], index: number, delta: number): EpisodeDraft[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}
