import { FORGET_COUNT_AFTER_MS, type Count, type SharedLoginCounts } from './login-throttle.ts';
import { storeKey, type SharedStore } from './shared-store.ts';

/** Adds to a count and stamps its last failure, atomically; a count that falls to 0 is removed. */
const ADD = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0') + tonumber(ARGV[1])
if failures <= 0 then redis.call('DEL', KEYS[1]) return 0 end
redis.call('HSET', KEYS[1], 'failures', failures)
if tonumber(ARGV[1]) > 0 or redis.call('HEXISTS', KEYS[1], 'lastAt') == 0 then redis.call('HSET', KEYS[1], 'lastAt', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return failures`;

/** The login throttle's counts in the shared store, so guesses count across every copy (decision 174). */
export function sharedLoginCounts(store: SharedStore, now: () => number = Date.now): SharedLoginCounts {
  const keyOf = (key: string) => storeKey('login', key);
  return {
    async get(key) {
      const fields = await store.client.hgetall(keyOf(key));
      if (!fields.failures) return undefined;
      return { failures: Number(fields.failures), lastAt: Number(fields.lastAt) } satisfies Count;
    },
    async add(key, by) {
      await store.client.eval(ADD, 1, keyOf(key), by, now(), FORGET_COUNT_AFTER_MS);
    },
    async delete(key) {
      await store.client.del(keyOf(key));
    },
  };
}
