import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './main.ts';
import { demoUsers } from './sandbox/demo/demo-data.ts';

/** `npm start`: build the SPA if dist/ is missing or older than its sources, then serve it and the API. */

const root = process.cwd();
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

async function buildIfStale(distDir: string) {
  const builtAt = newestChange(join(distDir, 'index.html'));
  const sourcesAt = Math.max(...BUILD_INPUTS.map((input) => newestChange(join(root, input))));
  if (builtAt >= sourcesAt) return;
  console.log(builtAt === 0 ? 'Building the app (first start)…' : 'Sources changed since the last build; rebuilding…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
}

async function main() {
  const config = loadConfig();
  await buildIfStale(config.distDir);
  const server = await startServer(config);

  console.log(`\nCallboard is running at ${server.url}`);
  if (server.sandbox) {
    console.log('Upstream: the embedded sandbox (set CEA_API_URL to use the real API).');
    console.log('Demo logins:');
    for (const user of demoUsers) console.log(`  ${user.UserName.padEnd(14)} ${user.PinCode.padEnd(16)} ${user.role}`);
  } else {
    console.log(`Upstream: ${config.apiUrl}`);
  }

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
