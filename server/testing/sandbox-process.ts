import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp } from '../sandbox/app.ts';
import { createClock } from '../sandbox/clock.ts';
import { openDatabase } from '../sandbox/db/database.ts';
import { hasNoAccounts, seedDemoData } from '../sandbox/demo/demo-data.ts';
import { answerUnparsableRequests } from '../sandbox/http/client-errors.ts';
import { createSimulator } from '../sandbox/simulator/simulator.ts';
import { simulationSteps } from '../sandbox/simulator/steps.ts';

/**
 * The sandbox alone in its own process, for tests that must survive whatever it does (a hang, a crash): the demo
 * data in the file SANDBOX_DB, signed with SANDBOX_APP_KEY and SANDBOX_SECRET_KEY. The simulation runs only when the
 * clock is advanced, so nothing writes to the database but the requests themselves. Prints `READY <url>`.
 */
const db = openDatabase(process.env.SANDBOX_DB ?? ':memory:');
const clock = createClock(db, 1);
if (hasNoAccounts(db)) seedDemoData(db, clock.now());
const simulator = createSimulator(clock, simulationSteps({ db, clock }));
const app = createSandboxApp({
  db,
  clock,
  appKey: process.env.SANDBOX_APP_KEY ?? '',
  secretKey: process.env.SANDBOX_SECRET_KEY ?? '',
  simulate: simulator.catchUp,
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
answerUnparsableRequests(server);
process.once('SIGTERM', () => server.close(() => db.close()));
