// Fails when src/api/schema.d.ts is not what openapi-typescript makes from
// ../api/openapi.yaml, so the UI and the API cannot drift apart.
// Fix with `npm run gen:api` and commit the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, '..', 'api', 'openapi.yaml');
const committed = join(root, 'src', 'api', 'schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'leerlus-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(join(root, 'node_modules', '.bin', 'openapi-typescript'), [spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const a = readFileSync(committed, 'utf8');
  const b = readFileSync(fresh, 'utf8');
  if (a !== b) {
    const al = a.split('\n');
    const bl = b.split('\n');
    const i = al.findIndex((line, n) => line !== bl[n]);
    console.error(`src/api/schema.d.ts differs from ${spec} (first at line ${i + 1}):`);
    console.error(`  committed: ${al[i] ?? '<end of file>'}`);
    console.error(`  generated: ${bl[i] ?? '<end of file>'}`);
    console.error('Run `npm run gen:api` and commit src/api/schema.d.ts.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches api/openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
