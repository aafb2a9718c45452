import { spawn } from 'node:child_process';
import { createServer } from 'vite';

/**
 * `npm run dev`: our server (API and sandbox only) restarting on every change under server/, and Vite's dev
 * server with hot reload in front of it, proxying /api (vite.config.ts).
 */
const apiPort = process.env.API_PORT ?? '8081';
const api = spawn(process.execPath, ['--watch-path=server', '--watch-path=src/contract', '--import', 'tsx', 'server/dev-api.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort },
});

const vite = await createServer({ server: { port: Number(process.env.PORT ?? 5173) } });
await vite.listen();
vite.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
