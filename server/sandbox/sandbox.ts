import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app.ts';
import { createClock } from './clock.ts';
import { openDatabase } from './db/database.ts';
import { answerUnparsableRequests } from './http/client-errors.ts';
import { hasNoAccounts, seedDemoData } from './demo/demo-data.ts';
import { createSimulator } from './simulator/simulator.ts';
import { simulationSteps } from './simulator/steps.ts';

export interface SandboxOptions {
  databasePath: string;
  appKey: string;
  secretKey: string;
  /** Simulated seconds per real second. */
  clockSpeed: number;
  /** Fill an empty database with the demo account. */
  seedDemo?: boolean;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (the v1 API is under /v1). */
  url: string;
  close(): Promise<void>;
}

/** Starts the sandbox on loopback, where only this machine's processes (our server) can reach it. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const db = openDatabase(options.databasePath);
  const clock = createClock(db, options.clockSpeed);
  if (options.seedDemo !== false && hasNoAccounts(db)) seedDemoData(db, clock.now());
  const simulator = createSimulator(clock, simulationSteps({ db, clock }));
  const app = createSandboxApp({ db, clock, appKey: options.appKey, secretKey: options.secretKey, simulate: simulator.catchUp });
  // Catch up on whatever fell due while the sandbox was stopped, then keep up with the clock.
  simulator.tick();
  simulator.start();

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolve(started));
  });
  answerUnparsableRequests(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
