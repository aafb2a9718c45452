import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './main.ts';
import { SandboxStartError } from './sandbox/sandbox.ts';
import { stopOnSignals } from './stop-on-signals.ts';

/** The API half of `npm run dev`: the SPA comes from Vite's dev server instead of dist/. */
try {
  const config = loadConfig();
  const server = await startServer(config, { serveApp: false });
  stopOnSignals(server, config.shutdownTimeoutMs);
  console.log(`API and sandbox at ${server.url} (proxied by Vite under /api)`);
  if (server.sandbox) console.log(`The sandbox's own v1 API, for your own client: ${server.sandbox.url}`);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof SandboxStartError ? error.message : error);
  process.exit(1);
}
