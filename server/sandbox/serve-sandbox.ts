import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app.ts';
import { createClock } from './clock.ts';
import { openDatabase } from './db/database.ts';
import { answerUnparsableRequests } from './http/client-errors.ts';
import { hasNoAccounts, seedDemoData } from './demo/demo-data.ts';
import { createSimulator } from './simulator/simulator.ts';
import { simulationSteps } from './simulator/steps.ts';
import { SandboxStartError, type RunningSandbox, type SandboxOptions } from './sandbox.ts';

/** A URL this machine can call, for any address the sandbox listens on. */
function reachableUrl(host: string, port: number): string {
  if (host === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * Runs the sandbox on the calling thread. Our server uses startSandbox (sandbox.ts: its own thread) instead; this is
 * what that thread runs, and what `npm run sandbox` runs when the sandbox is alone.
 */
export async function startSandboxInThisThread(options: SandboxOptions): Promise<RunningSandbox> {
  const db = openDatabase(options.databasePath);
  const clock = createClock(db, options.clockSpeed);
  if (options.seedDemo !== false && hasNoAccounts(db)) seedDemoData(db, clock.now());
  const simulator = createSimulator(clock, simulationSteps({ db, clock }));
  const app = createSandboxApp({
    db,
    clock,
    appKey: options.appKey,
    secretKey: options.secretKey,
    simulate: simulator.catchUp,
    documentedOnly: options.documentedOnly,
    dashboardUrl: options.dashboardUrl,
  });
  // Catch up on whatever fell due while the sandbox was stopped, then keep up with the clock.
  simulator.tick();
  simulator.start();

  const host = options.host ?? '127.0.0.1';
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(started));
      started.once('error', reject);
    });
  } catch (error) {
    simulator.stop();
    db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SandboxStartError(`SANDBOX_PORT: port ${options.port} on ${host} is already in use.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new SandboxStartError(`SANDBOX_HOST: ${host} is not an address of this machine.`);
    throw error;
  }
  answerUnparsableRequests(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: reachableUrl(host, port),
    close: () =>
      new Promise<void>((resolve) => {
        simulator.stop();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
