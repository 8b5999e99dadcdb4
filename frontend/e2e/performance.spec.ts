import { test, expect } from './fixtures';

// What a browser downloads for the first page (the sign-in page): index.html
// and every script, module preload and stylesheet it names, compressed as the
// server sends them to a browser that accepts brotli and gzip.
const acceptEncoding = 'gzip, deflate, br';
const budget = 250 * 1024;

test('the first page is at most 250 KB over the wire', async ({ request }) => {
  const get = async (path: string) => {
    const res = await request.get(path, { headers: { 'Accept-Encoding': acceptEncoding } });
    expect(res.status(), path).toBe(200);
    const headers = res.headers();
    const length = Number(headers['content-length']);
    expect(length, `${path} has a Content-Length`).toBeGreaterThan(0);
    return { res, headers, length };
  };

  const index = await get('/aanmelden');
  expect(index.headers['content-encoding']).toBe('br');
  expect(index.headers['vary']).toContain('Accept-Encoding');
  expect(index.headers['cache-control']).toBe('no-cache');
  const html = await index.res.text();
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+>/g)) {
    const tag = m[0];
    if (!/rel="(modulepreload|stylesheet)"/.test(tag)) continue;
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href) refs.add(href);
  }
  expect([...refs].some((r) => r.endsWith('.css')), 'a stylesheet').toBe(true);
  expect([...refs].some((r) => r.endsWith('.js')), 'a script').toBe(true);

  let total = index.length;
  const rows = [`${index.length} /aanmelden`];
  for (const ref of refs) {
    const asset = await get(ref);
    expect(asset.headers['content-encoding'], ref).toBe('br');
    expect(asset.headers['cache-control'], ref).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type'], ref).toMatch(ref.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    total += asset.length;
    rows.push(`${asset.length} ${ref}`);
  }
  console.log(`first page over the wire: ${(total / 1024).toFixed(1)} KB\n  ${rows.join('\n  ')}`);
  expect(total).toBeLessThanOrEqual(budget);
});
