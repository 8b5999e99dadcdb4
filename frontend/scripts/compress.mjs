// Writes name.br and name.gz beside every text file of the build (HTML,
// JS, CSS, SVG, JSON), so the Go server sends them precompressed at the
// highest levels without compressing per request. A variant that is not
// smaller than the file is left out. Run by the Vite plugin in
// vite.config.ts after each build, or by hand: node scripts/compress.mjs [dir].
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const compressible = /\.(html|js|mjs|css|svg|json|txt|map|webmanifest)$/;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** compressDir precompresses the files under dir; it answers what it wrote. */
export function compressDir(dir) {
  const written = [];
  for (const file of walk(dir)) {
    if (!compressible.test(file)) continue;
    const data = readFileSync(file);
    const variants = {
      '.br': brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      '.gz': gzipSync(data, { level: 9 }),
    };
    for (const [suffix, out] of Object.entries(variants)) {
      if (out.length >= data.length) continue;
      writeFileSync(file + suffix, out);
      written.push({ file: file + suffix, raw: data.length, size: out.length });
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  statSync(dir);
  const written = compressDir(dir);
  console.log(`compressed ${written.length} files in ${dir}`);
}
