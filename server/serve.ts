import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './main.ts';

/** Serves an already built app (no build step): what e2e tests and process managers run. */
try {
  const server = await startServer(loadConfig());
  console.log(`Callboard is running at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
