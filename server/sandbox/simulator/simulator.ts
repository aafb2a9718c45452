import type { SandboxClock } from '../clock.ts';

/**
 * One part of the world the sandbox simulates (deliveries, replies), brought up to the clock's `now`. Returns true
 * when it stopped early to stay responsive and has more to do for this `now`.
 */
export type SimulationStep = (now: number) => boolean;

/**
 * Drives every simulation step on the sandbox clock: on a timer while the sandbox runs, and fully whenever the
 * clock is advanced. Steps are idempotent for a given `now` (a second tick with the same time does nothing new).
 */
export function createSimulator(clock: SandboxClock, steps: readonly SimulationStep[]) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  /** Runs every step once; true when some step has work left for this moment. */
  const tick = (): boolean => {
    // A tick never overlaps another (a slow step and the timer, or a clock advance during a tick).
    if (running) return false;
    running = true;
    try {
      const now = clock.now();
      let more = false;
      for (const step of steps) more = step(now) || more;
      return more;
    } finally {
      running = false;
    }
  };

  return {
    tick,
    /** Ticks until nothing is left to do up to the clock's time (after the clock jumps forward). */
    catchUp() {
      for (let rounds = 0; rounds < 100_000 && tick(); rounds += 1);
    },
    start(intervalMs = 500) {
      timer ??= setInterval(() => {
        try {
          tick();
        } catch (error) {
          console.error('[sandbox] simulation step failed', error);
        }
      }, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
export type Simulator = ReturnType<typeof createSimulator>;
