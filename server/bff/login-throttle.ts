/**
 * Slows down PIN guessing (docs/decisions/0052-login-throttling.md): after 5 failed logins for one user name, or 20
 * from one client address, within 15 minutes, further attempts answer 429 with Retry-After until the oldest
 * failure of the window has aged out. A successful login clears its user name's failures.
 */

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const MAX_TRACKED = 50_000;

export function createLoginThrottle(now: () => number = Date.now, maxTracked = MAX_TRACKED) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - WINDOW_MS;
    const times = (failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  /**
   * Over the cap: drop what has aged out, then the keys whose latest failure is oldest, down to 90% of the cap (so
   * this runs once per many failures, not on each), never wiping every count.
   */
  function evict() {
    for (const key of [...failures.keys()]) recent(key);
    const target = Math.floor(maxTracked * 0.9);
    for (const key of failures.keys()) {
      if (failures.size <= target) break;
      failures.delete(key);
    }
  }

  const userKey = (userName: string) => `user:${userName.trim().toLowerCase()}`;
  const clientKey = (client: string) => `client:${client}`;

  return {
    /** Seconds to wait before another attempt, or 0 when one is allowed now. */
    retryAfter(userName: string, client: string): number {
      const checks: Array<[number[], number]> = [
        [recent(userKey(userName)), MAX_FAILURES_PER_USER],
        [recent(clientKey(client)), MAX_FAILURES_PER_CLIENT],
      ];
      let wait = 0;
      for (const [times, limit] of checks) {
        if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + WINDOW_MS - now());
      }
      return Math.ceil(wait / 1000);
    },
    failed(userName: string, client: string) {
      for (const key of [userKey(userName), clientKey(client)]) {
        const times = [...recent(key), now()];
        // Deleted first so the Map's order is the order of the latest failure: the stalest keys come first.
        failures.delete(key);
        failures.set(key, times);
      }
      if (failures.size > maxTracked) evict();
    },
    succeeded(userName: string) {
      failures.delete(userKey(userName));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
