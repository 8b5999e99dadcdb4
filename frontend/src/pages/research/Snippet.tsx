import type { ReactNode } from 'react';
import type { SearchSnippet } from '../../api/research';

/**
 * markedParts cuts a snippet's text at its highlights (UTF-16 offsets, as
 * JavaScript strings count) into plain and marked parts. Overlapping or
 * out-of-range spans are clipped, so a bad span never loses text.
 */
export function markedParts(text: string, highlights: { start: number; end: number }[]): { text: string; mark: boolean }[] {
  const spans = [...highlights].sort((a, b) => a.start - b.start);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const h of spans) {
    const start = Math.max(at, Math.min(h.start, text.length));
    const end = Math.max(start, Math.min(h.end, text.length));
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    if (end > start) parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** Snippet shows a keyword in context with the found words in <mark>. */
export function Snippet({ snippet, label }: { snippet: SearchSnippet; label?: ReactNode }) {
  return (
    <p className="leerlus-snippet">
      {label && <span className="leerlus-snippet__field">{label} </span>}
      {markedParts(snippet.text, snippet.highlights).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
