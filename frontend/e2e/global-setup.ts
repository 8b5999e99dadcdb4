import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));

/** e2eContact is the contact text the test server is started with. */
export const e2eContact = 'Vragen over Leerlus? Mail naar leerlus@voorbeeld.nl.';
const repo = resolve(frontend, '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitReady(url: string, server: ChildProcess, log: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`leerlus serve exited with ${server.exitCode}; see ${log}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`leerlus serve was not ready within ${ms / 1000}s; see ${log}`);
}

/**
 * globalSetup builds the web app and the binary (-tags ui), loads the demo
 * data into a fresh data directory and starts the server on a free port.
 * LEERLUS_BIN (or E2E_BINARY) names a binary already built with -tags ui
 * (as `make test-e2e` does) and skips both builds; E2E_SKIP_UI_BUILD=1
 * skips only the Vite build.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), 'leerlus-e2e-'));
  const given = process.env.LEERLUS_BIN || process.env.E2E_BINARY || '';
  if (!given && !process.env.E2E_SKIP_UI_BUILD) {
    execFileSync(join(frontend, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: frontend,
      stdio: 'inherit',
    });
  }
  let bin = given;
  if (!bin) {
    bin = join(tmp, 'leerlus');
    execFileSync('go', ['build', '-tags', 'ui', '-o', bin, './cmd/leerlus'], { cwd: repo, stdio: 'inherit' });
  }
  if (!existsSync(bin)) throw new Error(`no binary at ${bin}`);

  const dataDir = join(tmp, 'data');
  execFileSync(bin, ['demo', '--data-dir', dataDir, '--log-format', 'text'], { stdio: 'inherit' });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = join(tmp, 'server.log');
  const out = openSync(log, 'a');
  // One public text is configured (the contact page), the others show the app's defaults.
  const args = ['serve', '--data-dir', dataDir, '--addr', `127.0.0.1:${port}`, '--log-format', 'text', '--contact', e2eContact];
  const server = spawn(bin, args, {
    stdio: ['ignore', out, out],
  });
  await waitReady(url, server, log);
  process.env.E2E_BASE_URL = url;
  process.env.E2E_SERVER_LOG = log;
  console.log(`leerlus serve is ready at ${url} (log: ${log})`);

  return async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise<void>((r) => {
        const timer = setTimeout(() => {
          server.kill('SIGKILL');
          r();
        }, 10_000);
        server.once('exit', () => {
          clearTimeout(timer);
          r();
        });
      });
    }
    if (!process.env.E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  };
}
