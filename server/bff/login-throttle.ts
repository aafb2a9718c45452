/**
 * Slows down PIN guessing without letting a guesser lock the owner out (docs/decisions/0110-login-throttle.md).
 *
 * Each attempt is counted before the API is asked, against several keys at once; each key allows a few free
 * failures, then makes the next attempt wait 1 s, 2 s, 4 s ... up to 15 minutes. A browser that has logged in as
 * this user before (a signed "known device" cookie) is counted on its own key only, so guesses from elsewhere
 * never hold it back. Only one attempt per user name (or per known device) runs at a time; a few more wait their turn.
 *
 * The interface is asynchronous because the counts may live in the shared store (shared-login-counts.ts).
 */

export interface LoginAttemptKeys {
  userName: string;
  /** The client address (see clientAddress in session-routes.ts). */
  client: string;
  /** An ID bound to this browser and this user name when the browser has logged in as them before; else null. */
  knownDevice: string | null;
}

/** The counted attempt, told how it ended. Exactly one of these is called. */
export interface LoginAttempt {
  /** The PIN was right: this attempt stops counting, and so do this browser's and address's failures for the name. */
  succeeded(): Promise<void>;
  /** The PIN was wrong: the attempt stays counted. */
  failed(): Promise<void>;
  /** The API gave no verdict (unreachable, 5xx): the attempt does not count. */
  unchecked(): Promise<void>;
}

/** `unavailable`: the shared store (REDIS_URL) cannot count the attempt, so it is refused (decision 174). */
export type LoginAdmission = { attempt: LoginAttempt } | { retryAfter: number; reason: 'busy' | 'throttled' | 'unavailable' };

export interface LoginThrottle {
  begin(keys: LoginAttemptKeys): Promise<LoginAdmission>;
}

interface Rule {
  /** Failures allowed before any wait. */
  free: number;
}
/** Per user name and client address (an unknown browser): the owner on another address is unaffected. */
export const PER_NAME_AND_CLIENT: Rule = { free: 5 };
/** Per user name across all unknown browsers: guessing spread over many addresses. */
export const PER_NAME: Rule = { free: 20 };
/** Per client address across user names: one address trying many names. */
export const PER_CLIENT: Rule = { free: 30 };
/** Per known browser and user name: the owner's own typos. */
export const PER_DEVICE: Rule = { free: 5 };

const FIRST_WAIT_MS = 1000;
export const LONGEST_WAIT_MS = 15 * 60_000;
/** A key with no failure for this long is forgotten (longer than the longest wait, so waits keep growing). */
const FORGET_AFTER_MS = 60 * 60_000;
export const MAX_TRACKED = 50_000;
/** Attempts that may wait for another of the same name to be answered; more are told to come back (429). */
export const MAX_WAITING = 8;

/** How long an attempt must wait after `failures` failures under `rule`. */
export function waitAfter(failures: number, rule: Rule): number {
  if (failures <= rule.free) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - rule.free - 1, 30), LONGEST_WAIT_MS);
}

export interface Count {
  failures: number;
  lastAt: number;
}

/** Where the counts live when several copies share them (shared-login-counts.ts); a failure refuses the login. */
export interface SharedLoginCounts {
  get(key: string): Promise<Count | undefined>;
  add(key: string, by: 1 | -1): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Keys forget their count after this long without a failure (the shared store expires them the same). */
export const FORGET_COUNT_AFTER_MS = 60 * 60_000;

export function createLoginThrottle(now: () => number = Date.now, maxTracked = MAX_TRACKED, shared?: SharedLoginCounts): LoginThrottle {
  /** In order of the latest change, so the stalest keys come first when making room. */
  const counts = new Map<string, Count>();
  /** Per lane with an attempt under way: how many attempts hold or wait for it, and when the last one is done. */
  const lanes = new Map<string, { holders: number; done: Promise<void> }>();

  /** Waits for the lane to be free and takes it; null when too many already wait. The answer frees it again. */
  async function takeTurn(lane: string): Promise<(() => void) | null> {
    const current = lanes.get(lane) ?? { holders: 0, done: Promise.resolve() };
    if (current.holders > MAX_WAITING) return null;
    const before = current.done;
    let free!: () => void;
    current.done = new Promise<void>((resolve) => (free = resolve));
    current.holders += 1;
    lanes.set(lane, current);
    await before;
    return () => {
      current.holders -= 1;
      if (current.holders === 0) lanes.delete(lane);
      free();
    };
  }

  function current(key: string): Count | undefined {
    const count = counts.get(key);
    if (count && now() - count.lastAt > FORGET_AFTER_MS) {
      counts.delete(key);
      return undefined;
    }
    return count;
  }

  function add(key: string, by: 1 | -1) {
    const count = current(key) ?? { failures: 0, lastAt: now() };
    counts.delete(key);
    const failures = Math.max(0, count.failures + by);
    if (failures === 0) return;
    counts.set(key, { failures, lastAt: by > 0 ? now() : count.lastAt });
    if (counts.size > maxTracked) makeRoom();
  }

  /** Over the cap: drop the stalest keys down to 90% of it (so this runs once per many attempts). */
  function makeRoom() {
    const target = Math.floor(maxTracked * 0.9);
    for (const key of counts.keys()) {
      if (counts.size <= target) break;
      counts.delete(key);
    }
  }

  const counted: SharedLoginCounts = shared ?? {
    get: (key) => Promise.resolve(current(key)),
    add: (key, by) => Promise.resolve(add(key, by)),
    delete: (key) => Promise.resolve(void counts.delete(key)),
  };

  function keysOf({ userName, client, knownDevice }: LoginAttemptKeys): Array<[string, Rule]> {
    const name = userName.trim().toLowerCase();
    if (knownDevice !== null) return [[`device:${knownDevice}`, PER_DEVICE]];
    return [
      [`name-client:${name}\n${client}`, PER_NAME_AND_CLIENT],
      [`name:${name}`, PER_NAME],
      [`client:${client}`, PER_CLIENT],
    ];
  }

  return {
    async begin(attemptKeys) {
      const keys = keysOf(attemptKeys);
      // One at a time per name from unknown browsers, per browser for a known one: a burst cannot outrun its count.
      // The others wait their turn (a few at most), then are judged on the counts the ones before them left.
      const lane = attemptKeys.knownDevice !== null ? `device:${attemptKeys.knownDevice}` : `name:${attemptKeys.userName.trim().toLowerCase()}`;
      const release = await takeTurn(lane);
      if (!release) return { retryAfter: 1, reason: 'busy' };
      let wait = 0;
      try {
        for (const [key, rule] of keys) {
          const count = await counted.get(key);
          if (count) wait = Math.max(wait, count.lastAt + waitAfter(count.failures, rule) - now());
        }
        if (wait <= 0) for (const [key] of keys) await counted.add(key, 1);
      } catch {
        // The shared store cannot count this attempt: refuse it rather than let guesses go uncounted.
        release();
        return { retryAfter: 5, reason: 'unavailable' };
      }
      if (wait > 0) {
        release();
        return { retryAfter: Math.ceil(wait / 1000), reason: 'throttled' };
      }

      let settled = false;
      // The counts change before the next attempt of this lane may read them.
      const settle = async (change: () => Promise<void> = async () => {}) => {
        if (settled) return;
        settled = true;
        await change().catch(() => {});
        release();
      };
      return {
        attempt: {
          async succeeded() {
            // The owner got in: this browser's and address's slips for the name are forgiven. The name's and the
            // address's shared counts only lose this attempt, so guesses from elsewhere keep their weight.
            await settle(async () => {
              for (const [key] of keys) {
                if (key.startsWith('name:') || key.startsWith('client:')) await counted.add(key, -1);
                else await counted.delete(key);
              }
            });
          },
          async failed() {
            await settle();
          },
          async unchecked() {
            await settle(async () => {
              for (const [key] of keys) await counted.add(key, -1);
            });
          },
        },
      };
    },
  };
}
