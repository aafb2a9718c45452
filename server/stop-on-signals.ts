import { log } from './http/log.ts';
import type { RunningServer } from './main.ts';

/**
 * SIGTERM and SIGINT stop the server gracefully: requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then the
 * process exits 0, or 1 when some had to be cut at the deadline.
 */
export function stopOnSignals(server: RunningServer, deadlineMs: number) {
  const stop = async (signal: NodeJS.Signals) => {
    log.info({ signal, deadlineMs }, 'shutting down: finishing the requests in flight');
    log.flush();
    const finished = await server.close();
    log.info(finished ? 'stopped' : 'stopped, with requests cut at the deadline');
    process.exit(finished ? 0 : 1);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
