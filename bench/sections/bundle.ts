import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { CACHE_DIR } from '../lib/data.ts';
import { figure, kib, times, type Figure } from '../lib/figures.ts';
import { step } from '../lib/section.ts';
import { ROOT } from '../lib/servers.ts';

const AREA = '1 Bundle';
const BUDGET_RATIO = 1.15;
/** Packages that belong in the routes that use them, never in the login page or the shell. */
const ROUTE_ONLY_PACKAGES = ['@mui/x-data-grid', '@mui/x-charts', '@mui/x-date-pickers'];

interface Chunk {
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  moduleIds: string[];
  gzipBytes: number;
}

/** Records every emitted chunk and its static imports: the files a page must load before it runs. */
function chunkGraph(chunks: Map<string, Chunk>): Plugin {
  return {
    name: 'bench-chunk-graph',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.set(item.fileName, {
          fileName: item.fileName,
          isEntry: item.isEntry,
          facadeModuleId: item.facadeModuleId,
          imports: item.imports,
          moduleIds: item.moduleIds,
          gzipBytes: 0,
        });
      }
    },
  };
}

async function buildWithGraph(outDir: string, config: Parameters<typeof build>[0]): Promise<Map<string, Chunk>> {
  const chunks = new Map<string, Chunk>();
  await build({
    ...config,
    logLevel: 'warn',
    build: { ...config?.build, outDir, emptyOutDir: true },
    plugins: [...(config?.plugins ?? []), chunkGraph(chunks)],
  });
  for (const chunk of chunks.values()) chunk.gzipBytes = gzipSync(readFileSync(join(outDir, chunk.fileName)), { level: 9 }).length;
  return chunks;
}

/** A chunk and everything it imports statically. */
function closure(chunks: Map<string, Chunk>, fileNames: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  fileNames.forEach(visit);
  return seen;
}

const bytesOf = (chunks: Map<string, Chunk>, files: Iterable<string>) => [...files].reduce((sum, file) => sum + chunks.get(file)!.gzipBytes, 0);
const packagesIn = (chunks: Map<string, Chunk>, files: Iterable<string>) =>
  ROUTE_ONLY_PACKAGES.filter((name) => [...files].some((file) => chunks.get(file)!.moduleIds.some((id) => id.includes(`/node_modules/${name}/`))));

export async function bundleSection(): Promise<Figure[]> {
  step('building the app');
  const app = await buildWithGraph(join(ROOT, 'dist'), { root: ROOT });
  step('building the floor app');
  const floor = await buildWithGraph(join(CACHE_DIR, 'floor-dist'), {
    root: join(ROOT, 'bench/floor'),
    configFile: false,
    plugins: [react()],
    build: { target: 'es2022' },
  });

  const entry = [...app.values()].find((chunk) => chunk.isEntry)!;
  // The chunk holding the login page: its own lazy chunk, or the entry when the app imports it up front.
  const loginChunk = [...app.values()].find((chunk) => chunk.moduleIds.some((id) => id.endsWith('/features/auth/pages/login-page.tsx')))!;
  const shell = closure(app, [entry.fileName]);
  const firstRoute = closure(app, [entry.fileName, loginChunk.fileName]);
  const ours = bytesOf(app, firstRoute);
  const peer = bytesOf(floor, floor.keys());
  const leaked = packagesIn(app, firstRoute);

  const figures: Figure[] = [
    figure({
      area: AREA,
      name: 'JS of the login page and the shell (gzip -9)',
      ours: `${kib(ours)} in ${firstRoute.size} files`,
      peer: `floor app: ${kib(peer)}`,
      ratio: times(ours / peer),
      budget: `≤ ${BUDGET_RATIO}× the floor`,
      pass: ours <= BUDGET_RATIO * peer,
      raw: { oursBytes: ours, floorBytes: peer, files: [...firstRoute], shellBytes: bytesOf(app, shell) },
    }),
    figure({
      area: AREA,
      name: 'grid, charts, date pickers in the login page and shell',
      ours: leaked.length === 0 ? 'none' : leaked.join(', '),
      budget: 'none',
      pass: leaked.length === 0,
    }),
  ];
  // A page's chunk: the one it is the entry of, or the group it heads (vite.config.ts puts the home and all it needs in one).
  const pageOf = (chunk: Chunk) => [chunk.facadeModuleId ?? '', ...chunk.moduleIds].find((id) => /\/src\/features\/[^/]+\/pages\//.test(id));
  const routes = [...app.values()]
    // The entry holds the login page and the shell, which the first figure counts.
    .filter((chunk) => !chunk.isEntry && pageOf(chunk) !== undefined)
    .map((chunk) => {
      const own = [...closure(app, [chunk.fileName])].filter((file) => !shell.has(file));
      return { name: pageOf(chunk)!.replace(/^.*\/pages\/(.*)\.tsx$/, '$1'), chunk, more: bytesOf(app, own), uses: packagesIn(app, own) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const route of routes) {
    figures.push(
      figure({
        area: AREA,
        name: `route ${route.name}`,
        ours: `own chunk ${kib(route.chunk.gzipBytes)}; with what it loads beyond the shell ${kib(route.more)}${route.uses.length ? ` (${route.uses.map((name) => name.replace('@mui/x-', '')).join(', ')})` : ''}`,
        raw: { chunk: route.chunk.fileName, ownBytes: route.chunk.gzipBytes, beyondShellBytes: route.more, uses: route.uses },
      }),
    );
  }
  return figures;
}
