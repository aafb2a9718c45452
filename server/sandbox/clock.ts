import type { SandboxDatabase } from './db/database.ts';

/**
 * The sandbox clock: simulated time runs `speed` times faster than real time and can be pushed forward
 * (for tests and demos). Its anchor is stored, so simulated time keeps its place across restarts.
 */
export interface SandboxClock {
  now(): number;
  /** Moves simulated time forward; returns the new time. */
  advance(milliseconds: number): number;
  readonly speed: number;
}

interface Anchor {
  simulated: number;
  real: number;
  speed: number;
}

const WRITE_ANCHOR = "INSERT INTO sandbox_state (key, value) VALUES ('clock', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";

/** Stores where simulated time stands now: the next clock made on `db` goes on from `simulated` (a copied database's seed time). */
export function setClock(db: SandboxDatabase, simulated: number, speed: number, realNow: () => number = Date.now): void {
  db.prepare<[string]>(WRITE_ANCHOR).run(JSON.stringify({ simulated, real: realNow(), speed } satisfies Anchor));
}

export function createClock(db: SandboxDatabase, speed: number, realNow: () => number = Date.now): SandboxClock {
  const read = db.prepare<[], { value: string }>("SELECT value FROM sandbox_state WHERE key = 'clock'");
  const write = db.prepare<[string]>(WRITE_ANCHOR);
  const stored = read.get();
  let anchor: Anchor = stored ? (JSON.parse(stored.value) as Anchor) : { simulated: realNow(), real: realNow(), speed };
  if (anchor.speed !== speed) {
    // Re-anchor so time passed at the old speed is not re-read at the new one.
    anchor = { simulated: Math.floor(anchor.simulated + (realNow() - anchor.real) * anchor.speed), real: realNow(), speed };
  }
  write.run(JSON.stringify(anchor));

  const now = () => Math.floor(anchor.simulated + (realNow() - anchor.real) * speed);
  return {
    speed,
    now,
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError('The clock only moves forward.');
      anchor = { simulated: now() + milliseconds, real: realNow(), speed };
      write.run(JSON.stringify(anchor));
      return anchor.simulated;
    },
  };
}
