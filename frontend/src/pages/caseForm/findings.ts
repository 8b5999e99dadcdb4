import type { CaseFinding, FindingType, Mark, MarkRequest } from '../../api/types';

/** Finding is what the form needs of a CaseFinding; its field is known from where it is shown. */
export type Finding = Pick<CaseFinding, 'type' | 'start' | 'end' | 'direct' | 'tag'>;

/**
 * Decision is the author's answer to a finding: a direct identifier called
 * a false alarm (dismissed) or a quasi-identifier kept (confirmed).
 *
 * The server knows a decision only by its place (start, end) in the text
 * it screens, and a place goes stale as soon as the author types before
 * it. So the form keeps the decision by what it is about — the finding's
 * type and the very words it matched — and turns it into places again just
 * before each save, from a scan of the exact text being saved
 * (markRequests). A decision whose words are no longer flagged is dropped:
 * the server would ignore it anyway. The consequence, which we accept: a
 * decision on "Margriet" in a field covers every "Margriet" flagged as the
 * same type in that field.
 */
export interface Decision {
  kind: 'dismissed' | 'confirmed';
  type: FindingType;
  text: string;
}

/** kindFor is the decision a finding can take: direct ones are dismissed, quasi ones confirmed. */
export function kindFor(f: Pick<Finding, 'direct'>): Decision['kind'] {
  return f.direct ? 'dismissed' : 'confirmed';
}

/** matched is the text a finding points at (offsets are UTF-16 units: JS string indices). */
export function matched(text: string, f: Pick<Finding, 'start' | 'end'>): string {
  return text.slice(f.start, f.end);
}

/** decide records the author's decision on one finding of text. */
export function decide(text: string, f: Finding): Decision {
  return { kind: kindFor(f), type: f.type, text: matched(text, f) };
}

/** isDecided tells whether a decision covers this finding in text. */
export function isDecided(text: string, f: Finding, decisions: readonly Decision[]): boolean {
  const words = matched(text, f);
  return decisions.some((d) => d.kind === kindFor(f) && d.type === f.type && d.text === words);
}

/** openFindings are those the author still has to deal with. */
export function openFindings<F extends Finding>(text: string, findings: readonly F[], decisions: readonly Decision[]): F[] {
  return findings.filter((f) => !isDecided(text, f, decisions));
}

/** addDecision adds d unless the same decision is there already. */
export function addDecision(decisions: readonly Decision[], d: Decision): Decision[] {
  const same = decisions.some((x) => x.kind === d.kind && x.type === d.type && x.text === d.text);
  return same ? [...decisions] : [...decisions, d];
}

/**
 * markRequests turns the decisions into what a write sends, placed on the
 * findings of a fresh scan of the exact text sent. field is the JSON
 * pointer of the text in that request body ("/summary", "/what_happened").
 */
export function markRequests(
  field: string,
  text: string,
  findings: readonly Finding[],
  decisions: readonly Decision[],
): { dismissed: MarkRequest[]; confirmed: MarkRequest[] } {
  const out = { dismissed: [] as MarkRequest[], confirmed: [] as MarkRequest[] };
  for (const f of findings) {
    if (!isDecided(text, f, decisions)) continue;
    out[kindFor(f)].push({ field, type: f.type, start: f.start, end: f.end });
  }
  return out;
}

/**
 * decisionsFromMarks reads the stored decisions of one field back into
 * words, from the text they were stored with. Marks that fall outside the
 * text are skipped.
 */
export function decisionsFromMarks(marks: readonly Mark[] | undefined, field: string, text: string): Decision[] {
  let out: Decision[] = [];
  for (const m of marks ?? []) {
    if (m.field !== field || m.end > text.length || m.start >= m.end) continue;
    out = addDecision(out, { kind: m.kind, type: m.type, text: text.slice(m.start, m.end) });
  }
  return out;
}

/**
 * replaceFinding puts the finding's tag in place of its words. It answers
 * the new text and the other findings moved along, so they can still be
 * shown until the next scan. Without a tag nothing changes.
 */
export function replaceFinding<F extends Finding>(text: string, f: F, findings: readonly F[]): { text: string; findings: F[] } {
  if (!f.tag || matched(text, f) === '') return { text, findings: [...findings] };
  const next = text.slice(0, f.start) + f.tag + text.slice(f.end);
  const shift = f.tag.length - (f.end - f.start);
  const moved = findings
    .filter((x) => x !== f && (x.end <= f.start || x.start >= f.end))
    .map((x) => (x.start >= f.end ? { ...x, start: x.start + shift, end: x.end + shift } : x));
  return { text: next, findings: moved };
}

/** Segment is a piece of text for the highlighted preview: plain, or one finding. */
export interface Segment<F extends Finding = Finding> {
  text: string;
  finding?: F;
}

/**
 * segments cuts text into plain pieces and findings, in order. Findings
 * that overlap an earlier one or fall outside the text are left out.
 */
export function segments<F extends Finding>(text: string, findings: readonly F[]): Segment<F>[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment<F>[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at || f.end > text.length || f.start >= f.end) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
