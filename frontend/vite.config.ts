/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
// @ts-expect-error: a plain ES module without types, shared with the command line.
import { compressDir } from './scripts/compress.mjs';

// The NLDS React bundle is one module that sets `X.displayName = 'X'` after
// each component. Bundlers count those assignments as side effects and keep
// all ~100 components. Dropping the lines (they only name components in
// React DevTools) lets tree-shaking keep just the components we use.
function dropDisplayNames(): Plugin {
  return {
    name: 'leerlus-drop-nlds-display-names',
    apply: 'build',
    transform(code, id) {
      if (!/node_modules\/@utrecht\/[a-z-]+-react\/dist\/index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

// The Go server sends the precompressed .br or .gz file beside each asset
// (frontend/serve.go); this writes them once the build is on disk.
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'leerlus-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      compressDir(outDir);
    },
  };
}

// The API runs on :8080 during development (`go run ./cmd/leerlus serve`);
// the dev server proxies /api there, so the app uses same-origin URLs.
const api = process.env.LEERLUS_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), dropDisplayNames(), precompress()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    // Keep everything as files: the production CSP allows no inline code,
    // and data: URIs only for images.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      output: {
        // Named vendor chunks: they change less often than our code, so
        // browsers keep them cached across releases.
        manualChunks(id: string) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (id.includes('/node_modules/react-router/')) return 'router';
          if (id.includes('/node_modules/@utrecht/')) return 'nlds';
          // The chart library is only needed by the lazily loaded research charts.
          if (id.includes('/node_modules/uplot/')) return 'uplot';
          return 'vendor';
        },
      },
      treeshake: {
        // The NLDS React packages ship without "sideEffects": false, so the
        // bundler would keep every component; they have no side effects.
        moduleSideEffects: (id: string) => !/node_modules\/@utrecht\/[a-z-]+-react\//.test(id),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Two cores are shared with Go builds; give slow user-event tests room.
    testTimeout: 20_000,
  },
});
