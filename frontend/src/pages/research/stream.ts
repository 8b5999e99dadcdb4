/** Progress is how far a download got: bytes and rows received, and a share when the size is known. */
export interface Progress {
  bytes: number;
  /** rows counts data rows (CSV lines past the header, JSON objects); absent for binary downloads. */
  rows?: number;
  /** percent is 0–100 when the server told the size (Content-Length); absent otherwise. */
  percent?: number;
}

/** RowFormat tells how rows are counted as the bytes arrive. */
export type RowFormat = 'csv' | 'json' | 'binary';

/**
 * rowCounter counts rows in a stream of bytes, chunk by chunk. CSV: line
 * ends outside quoted fields (a quoted text may hold line ends), less the
 * header. JSON: the export writes one object per line, so a line end
 * followed by "{" starts a row (JSON strings hold no raw line ends).
 * Bytes are enough: in UTF-8 the quote, line end and brace never occur
 * inside a multi-byte character.
 */
export function rowCounter(format: RowFormat): { add: (chunk: Uint8Array) => void; rows: () => number | undefined } {
  let lines = 0;
  let quoted = false;
  let last = 0;
  const quote = 0x22;
  const newline = 0x0a;
  const brace = 0x7b;
  return {
    add(chunk) {
      if (format === 'binary') return;
      for (const b of chunk) {
        if (format === 'csv') {
          if (b === quote) quoted = !quoted;
          else if (b === newline && !quoted) lines++;
        } else if (b === brace && last === newline) {
          lines++;
        }
        last = b;
      }
    },
    rows() {
      if (format === 'binary') return undefined;
      return format === 'csv' ? Math.max(0, lines - 1) : lines;
    },
  };
}

/**
 * readWithProgress reads a response body as it streams in, reporting the
 * bytes (and rows) received after every chunk, and returns it as a Blob
 * of the response's type. A body cut off by the server (an export that
 * failed half way) rejects, so a short file is never saved as if whole.
 */
export async function readWithProgress(res: Response, format: RowFormat, onProgress: (p: Progress) => void): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const size = Number(res.headers.get('Content-Length') ?? '');
  const counter = rowCounter(format);
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const report = () => {
    const p: Progress = { bytes };
    const rows = counter.rows();
    if (rows !== undefined) p.rows = rows;
    if (size > 0) p.percent = Math.min(100, Math.round((bytes / size) * 100));
    onProgress(p);
  };
  if (!res.body) {
    const blob = await res.blob();
    const data = new Uint8Array(await blob.arrayBuffer());
    bytes = data.byteLength;
    counter.add(data);
    report();
    return new Blob([data], { type });
  }
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    counter.add(value);
    report();
  }
  return new Blob(parts as BlobPart[], { type });
}

/** filenameOf reads the file name from a Content-Disposition header, or falls back. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const m = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return m?.[1] ?? fallback;
}

/** saveBlob hands a Blob to the browser as a download with a file name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the browser start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** formatBytes writes a size in KB or MB in the reader's language. */
export function formatBytes(lang: string, bytes: number): string {
  const nf = (v: number, d: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: d }).format(v);
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024, 1)} KB`;
  return `${nf(bytes / (1024 * 1024), 1)} MB`;
}
