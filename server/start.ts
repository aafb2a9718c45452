import { ConfigError, loadConfig } from './config.ts';
import { log } from './http/log.ts';
import { startServer } from './main.ts';
import { SandboxStartError } from './sandbox/sandbox.ts';
import { demoLoginLines } from './startup-messages.ts';
import { stopOnSignals } from './stop-on-signals.ts';

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
  // Whoever started us waits for these lines; the log writes in batches otherwise.
  log.flush();

  stopOnSignals(server, config.shutdownTimeoutMs);
}

main().catch((error: unknown) => {
  // A settings problem is for the person starting the server: a plain line on stderr, whatever the log's format.
  if (error instanceof ConfigError || error instanceof SandboxStartError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, 'the server could not start');
  process.exit(1);
});
