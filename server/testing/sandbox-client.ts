import { createSandboxApp } from '../sandbox/app.ts';
import { createClock, setClock, type SandboxClock } from '../sandbox/clock.ts';
import { openDatabase, type SandboxDatabase } from '../sandbox/db/database.ts';
import { hasNoAccounts, seedDemoData } from '../sandbox/demo/demo-data.ts';
import { createSimulator, type Simulator } from '../sandbox/simulator/simulator.ts';
import { simulationSteps } from '../sandbox/simulator/steps.ts';
import { authorizationHeader } from '../oauth1/oauth1.ts';
import { DEMO_MASTER } from './test-server.ts';

export const TEST_APP_KEY = 'test-app-key';
export const TEST_SECRET_KEY = 'test-secret-key';
const ORIGIN = 'http://sandbox.test';

export interface SandboxHarness {
  app: ReturnType<typeof createSandboxApp>;
  db: SandboxDatabase;
  clock: SandboxClock;
  /** Runs the simulation up to the clock (tests call it after moving the clock). */
  simulator: Simulator;
  /** Sends a request signed with the app keys and `token` (none: the login token). */
  request(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: RequestInit['body']; contentType?: string }): Promise<Response>;
  /** Moves the sandbox clock forward and plays the simulation up to it. */
  advance(minutes: number): void;
  /** Logs in and returns a client bound to that user's AuthToken. */
  as(credentials?: { UserName: string; PinCode: string }): Promise<SandboxUserClient>;
}

export interface SandboxUserClient {
  token: string;
  userId: number;
  request(method: string, path: string, options?: { body?: unknown; rawBody?: RequestInit['body']; contentType?: string }): Promise<Response>;
  /** A request that must succeed; returns the parsed JSON. */
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** The demo account as seeded once in this test worker (the bytes of its database), and the sandbox time it was seeded at. */
let demoSeed: { bytes: Buffer; seededAt: number } | null = null;

/**
 * A fresh in-memory database holding the demo account, its clock where the seed left it: a copy of the worker's one
 * seed (a few milliseconds), not a new seed (most of a second), with the same rows a new seed would write.
 */
function demoDatabase(speed: number): SandboxDatabase {
  if (!demoSeed) {
    const seeded = openDatabase(':memory:');
    const seededAt = createClock(seeded, 1).now();
    seedDemoData(seeded, seededAt);
    demoSeed = { bytes: seeded.serialize(), seededAt };
    seeded.close();
  }
  const db = openDatabase(demoSeed.bytes);
  setClock(db, demoSeed.seededAt, speed);
  return db;
}

/** The sandbox app in process, on a fresh in-memory database with the demo data, driven with signed requests. */
export function createSandboxHarness(
  options: { seed?: boolean; clockSpeed?: number; databasePath?: string; documentedOnly?: boolean; dashboardUrl?: string } = {},
): SandboxHarness {
  const speed = options.clockSpeed ?? 1;
  const fromSeed = options.seed !== false && options.databasePath === undefined;
  const db = fromSeed ? demoDatabase(speed) : openDatabase(options.databasePath ?? ':memory:');
  const clock = createClock(db, speed);
  if (options.seed !== false && hasNoAccounts(db)) seedDemoData(db, clock.now());
  const simulator = createSimulator(clock, simulationSteps({ db, clock }));
  const app = createSandboxApp({
    db,
    clock,
    appKey: TEST_APP_KEY,
    secretKey: TEST_SECRET_KEY,
    simulate: simulator.catchUp,
    documentedOnly: options.documentedOnly,
    dashboardUrl: options.dashboardUrl,
  });

  const harness: SandboxHarness = {
    app,
    db,
    clock,
    simulator,
    async request(method, path, { token, body, rawBody, contentType } = {}) {
      const url = `${ORIGIN}${path}`;
      const headers: Record<string, string> = {
        authorization: authorizationHeader(
          { method, url },
          { consumerKey: TEST_APP_KEY, consumerSecret: TEST_SECRET_KEY, token: token ?? '00000000-0000-0000-0000-000000000000' },
        ),
      };
      let payload: RequestInit['body'] | undefined = rawBody;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      if (contentType) headers['content-type'] = contentType;
      return app.request(url, { method, headers, body: payload });
    },
    advance(minutes) {
      clock.advance(minutes * 60_000);
      simulator.catchUp();
    },
    async as(credentials = DEMO_MASTER) {
      const response = await harness.request('POST', '/v1/user/login', { body: credentials });
      if (!response.ok) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
      const { AuthToken, UserID } = (await response.json()) as { AuthToken: string; UserID: number };
      const client: SandboxUserClient = {
        token: AuthToken,
        userId: UserID,
        request: (method, path, requestOptions = {}) => harness.request(method, path, { ...requestOptions, token: AuthToken }),
        async json(method, path, body) {
          const reply = await client.request(method, path, body === undefined ? {} : { body });
          const text = await reply.text();
          if (!reply.ok) throw new Error(`${method} ${path} -> ${reply.status}: ${text}`);
          return JSON.parse(text);
        },
      };
      return client;
    },
  };
  return harness;
}
