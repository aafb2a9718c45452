import type { Logger } from '../http/log.ts';
import { createSessionRevocations, type RevocableSession, type SessionRevocations } from './session-revocations.ts';
import type { SharedStore } from './shared-store.ts';

const CHANNEL = 'callboard:revocations';
const PREFIX = 'callboard:revoked:';

type Message = { id: string; until: number } | { user: number; before: number; until: number; except: string | null };

/**
 * Ended sessions shared by every copy (decision 174). Reads stay synchronous (`sessions.read` is): each copy keeps a
 * mirror in memory, filled from the store on every (re)connection and kept current by pub/sub. While the store is
 * unreachable, or the mirror is being filled, every session counts as ended: a logout elsewhere cannot be known, so
 * none is trusted (failing closed). Revocations made meanwhile are written once it is back.
 */
export function createSharedRevocations(store: SharedStore, log: Logger, now: () => number = Date.now): SessionRevocations {
  const mirror = createSessionRevocations({ file: null, now });
  let synced = false;
  let unsent: Message[] = [];

  const apply = (message: Message) => {
    if ('id' in message) mirror.revoke(message.id, message.until);
    else mirror.revokeUser(message.user, message.before, message.until, message.except);
  };
  const keyOf = (message: Message) => ('id' in message ? `${PREFIX}session:${message.id}` : `${PREFIX}user:${message.user}:${message.before}`);

  async function send(message: Message) {
    const ttl = message.until - now();
    if (ttl <= 0) return;
    const text = JSON.stringify(message);
    await store.client.set(keyOf(message), text, 'PX', ttl);
    await store.client.publish(CHANNEL, text);
  }

  function write(message: Message) {
    apply(message);
    send(message).catch(() => unsent.push(message));
  }

  store.subscriber.on('message', (channel: string, text: string) => {
    if (channel === CHANNEL) apply(JSON.parse(text) as Message);
  });
  store.whenReady(() => {
    synced = false;
    void (async () => {
      try {
        await store.subscriber.subscribe(CHANNEL);
        // Subscribed first, then read: nothing published in between is missed.
        for (let cursor = '0'; ;) {
          const [next, keys] = await store.client.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
          const values = keys.length > 0 ? await store.client.mget(...keys) : [];
          for (const value of values) if (value) apply(JSON.parse(value) as Message);
          cursor = next;
          if (cursor === '0') break;
        }
        const pending = unsent;
        unsent = [];
        for (const message of pending) await send(message).catch(() => unsent.push(message));
        synced = true;
      } catch (error) {
        log.error({ error: (error as Error).message }, 'could not read ended sessions from the shared store');
      }
    })();
  });

  return {
    revoke: (id, until) => write({ id, until }),
    revokeUser: (user, before, until, except = null) => write({ user, before, until, except }),
    isRevoked: (session: RevocableSession) => !store.up || !synced || mirror.isRevoked(session),
    get size() {
      return mirror.size;
    },
  };
}
