import type { Decision } from './findings';
import { episodeKey, type CaseFieldName, type CaseFields, type Draft, type EpisodeFields, type TextKey } from './model';

/**
 * Unsaved input is kept in localStorage, so a reload, a lost connection
 * or a refused save never loses what someone typed. Keys are per person
 * and case; sign-out removes them all (auth/session.ts), because a shared
 * computer must not keep someone's story.
 */
export const draftPrefix = 'leerlus.caseForm.';

export const draftKey = (personId: string, caseId: string) => `${draftPrefix}${personId}.${caseId}`;
/** newCaseKey holds the title typed before the draft exists. */
export const newCaseKey = (personId: string, networkId: string) => `${draftPrefix}${personId}.new.${networkId}`;

/** Stored is the unsaved part of a Draft. */
export interface Stored {
  at: number;
  fields: Partial<CaseFields>;
  dirty: CaseFieldName[];
  episodes: Record<string, EpisodeFields>;
  decisions: Partial<Record<TextKey, Decision[]>>;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** readJSON answers the parsed value at key, or null when absent or unreadable. */
export function readJSON<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** writeJSON stores value at key; a full or blocked storage is ignored (the form still shows the text). */
export function writeJSON(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // quota or private mode: nothing more we can do
  }
}

export function forget(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // ignore
  }
}

/** unsavedPart picks what a Draft has not saved yet; null when everything is saved. */
export function unsavedPart(d: Draft, at: number): Stored | null {
  if (d.dirty.length === 0 && d.dirtyEpisodes.length === 0) return null;
  const fields: Partial<CaseFields> = {};
  for (const name of d.dirty) (fields as Record<string, unknown>)[name] = d.fields[name];
  const episodes: Record<string, EpisodeFields> = {};
  const decisions: Stored['decisions'] = {};
  for (const e of d.episodes) {
    if (!d.dirtyEpisodes.includes(e.id)) continue;
    episodes[e.id] = { phase: e.phase, what_happened: e.what_happened, duration: e.duration, effect: e.effect };
    decisions[episodeKey(e.id)] = d.decisions[episodeKey(e.id)] ?? [];
  }
  for (const key of ['title', 'summary'] as const) if (d.dirty.includes(key)) decisions[key] = d.decisions[key] ?? [];
  return { at, fields, dirty: [...d.dirty], episodes, decisions };
}

/**
 * restore lays the unsaved input over the server's draft and marks it
 * dirty again, so autosave sends it. Episodes removed meanwhile are
 * skipped. Answers whether anything was restored.
 */
export function restore(d: Draft, s: Stored | null): { draft: Draft; restored: boolean } {
  if (!s) return { draft: d, restored: false };
  const fields = { ...d.fields };
  const dirty = new Set(d.dirty);
  for (const name of s.dirty) {
    if (!(name in s.fields)) continue;
    (fields as Record<string, unknown>)[name] = s.fields[name];
    dirty.add(name);
  }
  const dirtyEpisodes = new Set(d.dirtyEpisodes);
  const episodes = d.episodes.map((e) => {
    const saved = s.episodes[e.id];
    if (!saved) return e;
    dirtyEpisodes.add(e.id);
    return { ...e, ...saved };
  });
  const decisions = { ...d.decisions };
  for (const [key, list] of Object.entries(s.decisions) as [TextKey, Decision[]][]) {
    if (key.startsWith('episode:') && !dirtyEpisodes.has(key.slice('episode:'.length))) continue;
    decisions[key] = list;
  }
  const restored = dirty.size > d.dirty.length || dirtyEpisodes.size > d.dirtyEpisodes.length;
  return { draft: { ...d, fields, episodes, decisions, dirty: [...dirty], dirtyEpisodes: [...dirtyEpisodes] }, restored };
}

/** clearCaseDrafts removes every stored case input on this device (at sign-out). */
export function clearCaseDrafts(): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(draftPrefix)) keys.push(k);
  }
  for (const k of keys) s.removeItem(k);
}
