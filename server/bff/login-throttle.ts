/**
 * Slows down PIN guessing (docs/decisions/0052-login-throttling.md): after 5 failed logins for one user name, or 20
 * from one client address, within 15 minutes, further attempts answer 429 with Retry-After until the oldest
 * failure of the window has aged out. A successful login clears its user name's failures.
 */

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
const MAX_TRACKED = 50_000;

export function createLoginThrottle(now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - WINDOW_MS;
    const times = (failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
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
      if (failures.size > MAX_TRACKED) failures.clear();
      for (const key of [userKey(userName), clientKey(client)]) failures.set(key, [...recent(key), now()]);
    },
    succeeded(userName: string) {
      failures.delete(userKey(userName));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
