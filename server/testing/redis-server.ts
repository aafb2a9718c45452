import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { connectSharedStore, type SharedStore } from '../bff/shared-store.ts';
import { createLogger } from '../http/log.ts';

/**
 * A throwaway redis-server for tests of several copies (REDIS_URL): a free port, nothing saved (files, if any, in
 * `dir`). `kill` ends it at once, as a crash would.
 */
export async function startTestRedis(dir: string): Promise<{ url: string; kill: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
      socket.on('error', () => resolve(false));
    });
  for (const giveUpAt = Date.now() + 15_000; !(await answers());) {
    if (Date.now() > giveUpAt) {
      redis.kill('SIGKILL');
      throw new Error('redis-server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, kill: () => void redis.kill('SIGKILL') };
}

/**
 * For a describe block: one test Redis, and copies of our server sharing it, each with its own connection (as
 * separate processes would have). `kill()` stops Redis, as a crash would.
 */
export function sharedRedisCopies<Browser>(serverWith: (options: { sharedStore: SharedStore }) => Browser) {
  let redis: Awaited<ReturnType<typeof startTestRedis>> | undefined;
  const stores: SharedStore[] = [];
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'callboard-redis-'));
    redis = await startTestRedis(dir);
  }, 30_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    redis?.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    copy: () => {
      const store = connectSharedStore(redis!.url, createLogger({ level: 'silent', pretty: false }));
      stores.push(store);
      return { store, browser: serverWith({ sharedStore: store }) };
    },
    kill: () => redis?.kill(),
  };
}
