// Prints the gzipped size of the JS and CSS the browser loads for the first
// page: everything dist/index.html names (entry script, modulepreloads,
// stylesheets). Route chunks loaded later with React.lazy are not counted.
// Fails when the total passes the budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const budgetKB = 250;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) refs.add(m[1]);

let total = 0;
const rows = [];
for (const ref of refs) {
  if (!/\.(js|css)$/.test(ref)) continue;
  const data = readFileSync(join(dist, ref.replace(/^\//, '')));
  const gz = gzipSync(data, { level: 9 }).length;
  total += gz;
  rows.push([ref, data.length, gz]);
}
rows.sort((a, b) => b[2] - a[2]);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
for (const [ref, raw, gz] of rows) console.log(`${kb(gz)} KB gzip ${kb(raw)} KB raw  ${ref}`);
console.log(`${kb(total)} KB gzip in total for the initial route (budget ${budgetKB} KB)`);
if (total > budgetKB * 1024) {
  console.error('Over budget: split more routes with React.lazy.');
  process.exit(1);
}
