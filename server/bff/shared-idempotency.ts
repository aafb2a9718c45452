import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_KEPT_BODY_BYTES, type IdempotencyCache, type Outcome, type StoredResponse } from './idempotency.ts';
import { storeKey, type SharedStore } from './shared-store.ts';

const TTL_MS = 24 * 3_600_000;
const PENDING = 'pending';
const NOT_KEPT = 'not-kept';
/** How often a repeat looks whether the first request (perhaps on another copy) has its answer. */
const POLL_MS = 100;
/** A first request runs at most the longest upstream deadline (5 min); past this a repeat stops waiting. */
const LONGEST_WAIT_MS = 6 * 60_000;

/** The shared store cannot be reached: an idempotent create is refused rather than risk sending it twice. */
export class SharedStoreUnavailable extends Error {
  override name = 'SharedStoreUnavailable';
}

/**
 * Idempotency keys and their answers in the shared store (decision 174): a create retried on another copy with the
 * same key waits for the first and gets its answer, as on one copy (decision 51). The first request claims the key
 * (SET NX); repeats look every 100 ms until its answer is there. A failure or 5xx frees the key, as on one copy.
 */
export function sharedIdempotencyCache(store: SharedStore): IdempotencyCache {
  const keyOf = (key: string) => storeKey('idempotency', key);
  const unavailable = (error: unknown) => new SharedStoreUnavailable('The shared store cannot be reached.', { cause: error });

  async function claim(key: string): Promise<string | null> {
    try {
      const claimed = await store.client.set(keyOf(key), PENDING, 'PX', TTL_MS, 'NX');
      return claimed === 'OK' ? null : ((await store.client.get(keyOf(key))) ?? '');
    } catch (error) {
      throw unavailable(error);
    }
  }

  return {
    async once(key: string, send: () => Promise<StoredResponse>): Promise<Outcome> {
      const giveUpAt = Date.now() + LONGEST_WAIT_MS;
      for (;;) {
        const existing = await claim(key);
        if (existing === null) break;
        if (existing === NOT_KEPT) return { answerNotKept: true };
        if (existing !== PENDING && existing !== '') {
          const kept = JSON.parse(existing) as { status: number; headers: Array<[string, string]>; body: string };
          return { response: { status: kept.status, headers: kept.headers, body: new Uint8Array(Buffer.from(kept.body, 'base64')) }, replayed: true };
        }
        if (Date.now() > giveUpAt) throw unavailable(new Error('The first request with this key did not finish.'));
        if (existing === PENDING) await sleep(POLL_MS);
      }
      let response: StoredResponse;
      try {
        response = await send();
      } catch (error) {
        await store.client.del(keyOf(key)).catch(() => {});
        throw error;
      }
      if (response.status >= 500) {
        await store.client.del(keyOf(key)).catch(() => {});
      } else {
        const kept =
          response.body.byteLength > MAX_KEPT_BODY_BYTES
            ? NOT_KEPT
            : JSON.stringify({ status: response.status, headers: response.headers, body: Buffer.from(response.body).toString('base64') });
        // If this cannot be written, the key stays pending until it expires: repeats are refused, never sent again.
        await store.client.set(keyOf(key), kept, 'PX', TTL_MS, 'XX').catch(() => {});
      }
      return { response, replayed: false };
    },
    keptBytes: 0,
  };
}
