import { describe, expect, it } from 'vitest';
import { filenameOf, readWithProgress, rowCounter, type Progress } from './stream';

const bytes = (s: string) => new TextEncoder().encode(s);

/** textOf reads a Blob (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => fail(r.error);
    r.readAsText(blob);
  });
}

/** streamOf makes a response whose body arrives in the given chunks. */
function streamOf(chunks: string[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(ctl) {
      for (const c of chunks) ctl.enqueue(bytes(c));
      ctl.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/csv', ...headers } });
}

describe('rowCounter', () => {
  it('counts CSV rows past the header, also when a quoted text holds a line end or a chunk cuts a row', () => {
    const c = rowCounter('csv');
    for (const part of ['id,what\n1,"een\nt', 'wee"\n2,"zei ""ja"""\n', '3,drie\n']) c.add(bytes(part));
    expect(c.rows()).toBe(3);
  });

  it('counts the objects of a JSON export, one per line, also across chunks', () => {
    const c = rowCounter('json');
    for (const part of ['[\n{"a":"{x}"},\n', '{"a":2}', ',\n{"a":3}\n]\n']) c.add(bytes(part));
    expect(c.rows()).toBe(3);
  });

  it('counts no rows in a binary download', () => {
    const c = rowCounter('binary');
    c.add(bytes('PK\n{'));
    expect(c.rows()).toBeUndefined();
  });
});

describe('readWithProgress', () => {
  it('reports the bytes and rows after each chunk and returns the whole body', async () => {
    const seen: Progress[] = [];
    const blob = await readWithProgress(streamOf(['h1,h2\n', 'a,b\n', 'c,d\n']), 'csv', (p) => seen.push(p));
    expect(seen).toEqual([
      { bytes: 6, rows: 0 },
      { bytes: 10, rows: 1 },
      { bytes: 14, rows: 2 },
    ]);
    expect(await textOf(blob)).toBe('h1,h2\na,b\nc,d\n');
    expect(blob.type).toBe('text/csv');
  });

  it('gives a percentage when the server tells the size', async () => {
    const seen: Progress[] = [];
    await readWithProgress(streamOf(['12345', '67890'], { 'Content-Length': '10' }), 'binary', (p) => seen.push(p));
    expect(seen.map((p) => p.percent)).toEqual([50, 100]);
  });
});

describe('filenameOf', () => {
  it('reads the name from Content-Disposition, or falls back', () => {
    expect(filenameOf('attachment; filename="leerlus-codings.csv"', 'x')).toBe('leerlus-codings.csv');
    expect(filenameOf(null, 'leerlus-project.qdpx')).toBe('leerlus-project.qdpx');
  });
});
