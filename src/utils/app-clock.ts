/**
 * "Now" for every relative time and "today" the app shows. Against the real API it is the browser's clock; in sandbox
 * mode it follows the sandbox's simulated clock (moved forward on demand, and running at its own speed), so
 * "in 16 hours" and "yesterday" mean what they mean to the broadcasts and replies on screen.
 */

interface Reference {
  /** The followed clock's time (epoch ms) when it was read... */
  clockAt: number;
  /** ...the browser's time then... */
  realAt: number;
  /** ...and how many of its seconds pass per real second. */
  speed: number;
}

let reference: Reference | null = null;

/** The current time (epoch ms) on the clock the app follows. */
export function appNow(): number {
  if (!reference) return Date.now();
  return reference.clockAt + (Date.now() - reference.realAt) * reference.speed;
}

/** Follows another clock from now on (the sandbox's, as its clock route reads it). */
export function followClock(now: string | null | undefined, speed?: number | null, realAt: number = Date.now()): void {
  const clockAt = Date.parse(now ?? '');
  if (Number.isNaN(clockAt)) return;
  reference = { clockAt, realAt, speed: speed ?? 1 };
}

/** Back to the browser's clock (tests; a session that leaves sandbox mode). */
export function followBrowserClock(): void {
  reference = null;
}
