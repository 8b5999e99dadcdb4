import type { Mark } from '../../api/types';

/** Segment is a piece of a text, marked or not. */
export interface Segment {
  text: string;
  mark?: Mark;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// A boundary inside a surrogate pair would cut an emoji in half: such a
// mark does not match this text (it is stale or wrong), so it is not shown.
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && !isHighSurrogate(text.charCodeAt(at));
}

function fits(text: string, m: Mark): boolean {
  return (
    Number.isInteger(m.start) &&
    Number.isInteger(m.end) &&
    m.start >= 0 &&
    m.end <= text.length &&
    m.start < m.end &&
    !splitsPair(text, m.start) &&
    !splitsPair(text, m.end)
  );
}

// Dismissed marks are what the four-eyes check is about: when two marks
// start at the same place, the dismissed one (then the longer one) wins.
function order(a: Mark, b: Mark): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.kind !== b.kind) return a.kind === 'dismissed' ? -1 : 1;
  return b.end - a.end;
}

/**
 * markSegments cuts a text into plain and marked pieces. Offsets are UTF-16
 * code units, as the server counts them and as JavaScript strings index.
 * Marks that do not fit the text (out of range, empty, cutting a surrogate
 * pair) or that overlap a mark already placed are left out.
 */
export function markSegments(text: string, marks: readonly Mark[] | undefined): Segment[] {
  const placed: Mark[] = [];
  for (const m of [...(marks ?? [])].filter((m) => fits(text, m)).sort(order)) {
    const last = placed[placed.length - 1];
    if (!last || m.start >= last.end) placed.push(m);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of placed) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}

/** marksOf picks the marks of one field (a JSON pointer such as "/summary"). */
export function marksOf(marks: readonly Mark[] | undefined, field: string): Mark[] {
  return (marks ?? []).filter((m) => m.field === field);
}

/** PlacedMark is a mark as shown in its text: what it covers and where. */
export interface PlacedMark {
  mark: Mark;
  /** text is the marked piece of the case text. */
  text: string;
  field: string;
  /** episodePosition is set for a mark in a key episode. */
  episodePosition?: number;
}

interface MarkedCase {
  title: string;
  summary: string;
  marks?: Mark[] | undefined;
  episodes: { position: number; what_happened: string; marks?: Mark[] | undefined }[];
}

/**
 * placedMarks lists the marks of a case that are shown in its texts, in
 * reading order (title, summary, then the key episodes in order); marks
 * that do not fit their text are left out, as in the highlighting.
 */
export function placedMarks(c: MarkedCase): PlacedMark[] {
  const out = [...placeIn(c.title, c.marks, '/title'), ...placeIn(c.summary, c.marks, '/summary')];
  for (const e of [...c.episodes].sort((a, b) => a.position - b.position)) {
    out.push(...placeIn(e.what_happened, e.marks, '/what_happened', e.position));
  }
  return out;
}

/**
 * placeIn lists the marks of one field that show in its text, in reading
 * order, as the highlighting places them (for a case, and for a reflection
 * whose fields are pointers such as /items/0/what).
 */
export function placeIn(text: string, marks: readonly Mark[] | undefined, field: string, episodePosition?: number): PlacedMark[] {
  return markSegments(text, marksOf(marks, field)).flatMap((s) =>
    s.mark ? [{ mark: s.mark, text: s.text, field, ...(episodePosition !== undefined ? { episodePosition } : {}) }] : [],
  );
}
