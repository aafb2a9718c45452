import { log } from '../../http/log.ts';
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
  let immediate: NodeJS.Immediate | undefined;
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
      // While work is left for this moment, the next slice follows at once, after whatever requests have queued.
      const work = () => {
        immediate = undefined;
        try {
          if (tick() && timer) immediate = setImmediate(work);
        } catch (error) {
          log.error({ part: 'sandbox', err: error }, 'simulation step failed');
        }
      };
      timer ??= setInterval(() => {
        if (!immediate) work();
      }, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      if (immediate) clearImmediate(immediate);
      immediate = undefined;
    },
  };
}
export type Simulator = ReturnType<typeof createSimulator>;
