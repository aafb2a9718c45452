import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run build`: the app (vite, into dist/) and the server (esbuild, into dist-server/), which then runs on plain
 * node: no TypeScript compiler in the serving process, so it starts sooner and holds less memory.
 * `--if-stale` (what `npm start` runs first) rebuilds the app only when its sources are newer than dist/.
 */

export const ROOT = resolve(import.meta.dirname, '..');
export const SERVER_ENTRY = join(ROOT, 'dist-server', 'start.mjs');
const APP_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

export async function buildApp({ ifStale = false } = {}) {
  const builtAt = newestChange(join(ROOT, 'dist', 'index.html'));
  if (ifStale && builtAt >= Math.max(...APP_INPUTS.map((input) => newestChange(join(ROOT, input))))) return;
  if (ifStale) console.log(builtAt === 0 ? 'Building the app (first start)…' : 'Sources changed since the last build; rebuilding…');
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: ifStale ? 'warn' : 'info' });
}

/**
 * Two ES modules of the server's own code: the server, and the sandbox's thread (sandbox-worker.mjs, which the server
 * starts from beside itself). Packages stay in node_modules. Takes well under a second.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      start: join(ROOT, 'server', 'start.ts'),
      'sandbox-worker': join(ROOT, 'server', 'sandbox', 'sandbox-worker.ts'),
    },
    outdir: dirname(SERVER_ENTRY),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  await buildApp({ ifStale });
  await buildServer();
}
