import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../http/log.ts';
import type { ReadinessCheck } from './health.ts';

/**
 * The store several copies of our server share (REDIS_URL; docs/decisions/0174-several-copies.md): ended sessions,
 * login counts and idempotent answers. Commands never queue while it is down: callers see the failure at once and
 * fail closed.
 */
export function connectSharedStore(url: string, log: Logger) {
  const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
  const client = new Redis(url, options);
  /** Pub/sub needs a connection of its own. */
  const subscriber = new Redis(url, options);
  let up = false;
  let everUp = false;
  const onReady: Array<() => void> = [];
  const lost = () => {
    if (up) log.error('shared store (REDIS_URL) unreachable: ended sessions, logins and idempotent creates are refused until it is back');
    up = false;
  };
  const ready = () => {
    if (client.status !== 'ready' || subscriber.status !== 'ready') return;
    if (!up) log.info(everUp ? 'shared store (REDIS_URL) is back' : 'shared store (REDIS_URL) connected');
    up = true;
    everUp = true;
    for (const listener of onReady) listener();
  };
  for (const connection of [client, subscriber]) {
    connection.on('ready', ready);
    connection.on('close', lost);
    // Reported through `lost`; ioredis would otherwise print each reconnect failure.
    connection.on('error', () => {});
  }
  return {
    client,
    subscriber,
    /** Both connections are open. */
    get up() {
      return up;
    },
    /** Runs on every (re)connection of both connections, so mirrors can reload. */
    whenReady(listener: () => void) {
      onReady.push(listener);
      if (up) listener();
    },
    readiness: {
      name: 'redis',
      async check() {
        if (!up) return false;
        return (await client.ping()) === 'PONG';
      },
    } satisfies ReadinessCheck,
    async close() {
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
export type SharedStore = ReturnType<typeof connectSharedStore>;

/** Key names hold no user name or address: their hash. */
export const storeKey = (prefix: string, value: string) => `callboard:${prefix}:${createHash('sha256').update(value).digest('base64url').slice(0, 32)}`;
