/**
 * One result per idempotency key (docs/decisions/0051-idempotent-creates.md): the first request with a key is sent
 * upstream; repeats of it — a double click, a retry after a network error, a second tab — wait for that first
 * request and get its status and body, instead of creating a second broadcast. The real API has no such key, so our
 * server keeps the results: in this process's memory, for a day, within a byte budget
 * (docs/decisions/0122-bounded-idempotency-cache.md).
 */

export interface StoredResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array<ArrayBuffer>;
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const TTL_MS = 24 * 3_600_000;
const MAX_ENTRIES = 10_000;
/** The bodies kept, all together; past it the oldest are dropped (their keys are remembered, not their answers). */
export const MAX_KEPT_BYTES = 32 * 1024 * 1024;
/** A body bigger than this is not kept at all (a dry run's plan can be megabytes); its key is. */
export const MAX_KEPT_BODY_BYTES = 1024 * 1024;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The result of a key: the first answer, or that a request with this key was done whose answer was not kept. */
export type Outcome = { response: StoredResponse; replayed: boolean } | { answerNotKept: true };

/** What a key's result becomes once its body is dropped. */
const NOT_KEPT: StoredResponse = { status: 0, headers: [], body: new Uint8Array() };

interface Entry {
  result: Promise<StoredResponse>;
  expires: number;
  /** Bytes of the kept body; 0 while pending or once dropped. */
  bytes: number;
  /** Set when the body was dropped (too big, or pushed out by newer ones). */
  dropped: boolean;
}

export function createIdempotencyCache(now: () => number = Date.now, limits = { maxKeptBytes: MAX_KEPT_BYTES, maxKeptBodyBytes: MAX_KEPT_BODY_BYTES }) {
  const entries = new Map<string, Entry>();
  let keptBytes = 0;

  function forget(key: string) {
    const entry = entries.get(key);
    if (entry) keptBytes -= entry.bytes;
    entries.delete(key);
  }

  function prune() {
    const at = now();
    for (const [key, entry] of entries) {
      if (entry.expires <= at || entries.size > MAX_ENTRIES) forget(key);
      else break;
    }
  }

  /** Drops the oldest kept bodies until the rest fit the budget; their keys stay, so they are never sent twice. */
  function dropOldestBodies() {
    for (const entry of entries.values()) {
      if (keptBytes <= limits.maxKeptBytes) break;
      if (entry.bytes === 0) continue;
      keptBytes -= entry.bytes;
      entry.bytes = 0;
      entry.dropped = true;
      entry.result = Promise.resolve(NOT_KEPT);
    }
  }

  return {
    /**
     * Runs `send` once per key; concurrent and later callers with the same key share its result. A failure to reach
     * the API (a timeout too), or a 5xx answer, is not kept: the next try with the same key goes upstream again.
     */
    async once(key: string, send: () => Promise<StoredResponse>): Promise<Outcome> {
      prune();
      const existing = entries.get(key);
      if (existing && existing.expires > now()) {
        if (existing.dropped) return { answerNotKept: true };
        const response = await existing.result;
        return response === NOT_KEPT ? { answerNotKept: true } : { response, replayed: true };
      }
      const result = send();
      const entry: Entry = { result, expires: now() + TTL_MS, bytes: 0, dropped: false };
      entries.set(key, entry);
      try {
        const response = await result;
        if (response.status >= 500) {
          forget(key);
        } else if (entries.get(key) === entry) {
          if (response.body.byteLength > limits.maxKeptBodyBytes) {
            entry.dropped = true;
            entry.result = Promise.resolve(NOT_KEPT);
          } else {
            entry.bytes = response.body.byteLength;
            keptBytes += entry.bytes;
            dropOldestBodies();
          }
        }
        return { response, replayed: false };
      } catch (error) {
        forget(key);
        throw error;
      }
    },
    /** Bytes of the bodies kept now (for tests and figures). */
    get keptBytes() {
      return keptBytes;
    },
  };
}
export type IdempotencyCache = ReturnType<typeof createIdempotencyCache>;
