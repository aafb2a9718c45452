import { ConfigError, loadConfig } from './config.ts';
import { log } from './http/log.ts';
import { startServer } from './main.ts';
import { SandboxStartError } from './sandbox/sandbox.ts';
import { demoLoginLines } from './startup-messages.ts';

/**
 * `npm start` runs this, bundled into dist-server/ by scripts/build.mjs: the built app and the API, with the demo
 * logins when the API is the embedded sandbox.
 */
async function main() {
  const config = loadConfig();
  const server = await startServer(config);

  log.info({ url: server.url }, `Callboard is running at ${server.url}`);
  if (server.sandbox) {
    log.info({ upstream: server.sandbox.url }, `Upstream: the embedded sandbox at ${server.sandbox.url} (set CEA_API_URL to use the real API).`);
    log.info(demoLoginLines().join('\n'));
    // A dashboard without its sandbox only answers 502: stop, so whatever runs us can start us again.
    void server.sandbox.crashed.then(() => process.exit(1));
  } else {
    log.info({ upstream: config.apiUrl }, `Upstream: ${config.apiUrl}`);
  }

  // Requests in flight finish (up to SHUTDOWN_TIMEOUT_MS); exit 1 says some had to be cut.
  const stop = async (signal: NodeJS.Signals) => {
    log.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down: finishing the requests in flight');
    const finished = await server.close();
    log.info(finished ? 'stopped' : 'stopped, with requests cut at the deadline');
    process.exit(finished ? 0 : 1);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A settings problem is for the person starting the server: a plain line on stderr, whatever the log's format.
  if (error instanceof ConfigError || error instanceof SandboxStartError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, 'the server could not start');
  process.exit(1);
});
