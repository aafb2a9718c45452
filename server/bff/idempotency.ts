/**
 * One result per idempotency key (docs/decisions/0051-idempotent-creates.md): the first request with a key is sent
 * upstream; repeats of it — a double click, a retry after a network error, a second tab — wait for that first
 * request and get its status and body, instead of creating a second broadcast. The real API has no such key, so our
 * server keeps the results: in this process's memory, for a day.
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

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function createIdempotencyCache(now: () => number = Date.now) {
  const entries = new Map<string, { result: Promise<StoredResponse>; expires: number }>();

  function prune() {
    const at = now();
    for (const [key, entry] of entries) {
      if (entry.expires <= at || entries.size > MAX_ENTRIES) entries.delete(key);
      else break;
    }
  }

  return {
    /**
     * Runs `send` once per key; concurrent and later callers with the same key share its result. A failure to reach
     * the API, or a 5xx answer, is not kept: the next try with the same key goes upstream again.
     */
    async once(key: string, send: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
      prune();
      const existing = entries.get(key);
      if (existing && existing.expires > now()) return { response: await existing.result, replayed: true };
      const result = send();
      entries.set(key, { result, expires: now() + TTL_MS });
      try {
        const response = await result;
        if (response.status >= 500) entries.delete(key);
        return { response, replayed: false };
      } catch (error) {
        entries.delete(key);
        throw error;
      }
    },
  };
}
export type IdempotencyCache = ReturnType<typeof createIdempotencyCache>;
