import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from './testing/child-process.ts';

/**
 * SIGTERM on our server in its own process (server/dev-api.ts: the API without the built app, which unit tests run
 * before; `npm start` stops through the same stopOnSignals), in front of a stand-in API that answers a
 * login slowly ("slow") or never ("hang"): what is in flight finishes within SHUTDOWN_TIMEOUT_MS, what is not is cut.
 */
let standIn: Server;
let standInUrl: string;
/** Resolves each time the stand-in has a login in hand. */
let arrived: Array<() => void> = [];
let releaseSlow: Array<() => void> = [];

beforeAll(async () => {
  standIn = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const userName = (JSON.parse(Buffer.concat(chunks).toString() || '{}') as { UserName?: string }).UserName;
      for (const notify of arrived.splice(0)) notify();
      if (userName === 'hang') return;
      releaseSlow.push(() => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ErrorName: 'NotAuthorized', Message: 'No.' }));
      });
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
});
afterAll(async () => {
  standIn.closeAllConnections();
  await new Promise((resolve) => standIn.close(resolve));
});

const start = () =>
  startChildServer('server/dev-api.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    CEA_API_URL: standInUrl,
    CEA_APP_KEY: 'shutdown-app-key',
    CEA_SECRET_KEY: 'shutdown-secret-key',
    SESSION_SECRET: 's'.repeat(40),
    SHUTDOWN_TIMEOUT_MS: '2000',
    CEA_TIMEOUT_MS: '60000',
    LOG_LEVEL: 'info',
  });

/** A login through our server, and a promise that the stand-in has it in hand. */
function login(url: string, userName: string) {
  const inHand = new Promise<void>((resolve) => arrived.push(resolve));
  const answer = fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'callboard' },
    body: JSON.stringify({ UserName: userName, PinCode: '1234' }),
  });
  return { inHand, answer };
}

describe('shutdown on SIGTERM', () => {
  it('lets a slow request in flight finish, takes no new connections, and exits 0', async () => {
    arrived = [];
    releaseSlow = [];
    const server = await start();
    const slow = login(server.url, 'slow');
    await slow.inHand;
    server.process.kill('SIGTERM');
    await expect.poll(() => server.output).toContain('shutting down');
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    for (const release of releaseSlow.splice(0)) release();
    expect((await slow.answer).status).toBe(401);
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('cuts a hung request at the deadline and exits 1', async () => {
    arrived = [];
    const server = await start();
    const hung = login(server.url, 'hang');
    await hung.inHand;
    server.process.kill('SIGTERM');
    await expect(hung.answer).rejects.toThrow();
    expect(await server.exited).toBe(1);
    expect(server.output).toContain('requests cut at the deadline');
  }, 60_000);
});
