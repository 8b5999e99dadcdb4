import { episodeKey, setEpisode, setField, type Draft, type TextKey } from './model';

/** textOf reads one free text of a draft ('' for an episode that is gone). */
export function textOf(d: Draft, key: TextKey): string {
  if (key === 'title' || key === 'summary') return d.fields[key];
  const id = key.slice('episode:'.length);
  return d.episodes.find((e) => e.id === id)?.what_happened ?? '';
}

/** textsOf lists every free text of a draft by key. */
export function textsOf(d: Draft): Partial<Record<TextKey, string>> {
  const out: Partial<Record<TextKey, string>> = { title: d.fields.title, summary: d.fields.summary };
  for (const e of d.episodes) out[episodeKey(e.id)] = e.what_happened;
  return out;
}

/** withText changes one free text and marks its field dirty. */
export function withText(d: Draft, key: TextKey, text: string): Draft {
  if (key === 'title' || key === 'summary') return setField(d, key, text);
  return setEpisode(d, key.slice('episode:'.length), 'what_happened', text);
}

/** markDirty marks a text's field dirty without changing it (a new decision must be saved). */
export function markDirty(d: Draft, key: TextKey): Draft {
  return withText(d, key, textOf(d, key));
}

/** pointerOf is the JSON pointer of a text in its own write: the case's PATCH or the episode's. */
export function pointerOf(key: TextKey): string {
  return key === 'title' || key === 'summary' ? `/${key}` : '/what_happened';
}
