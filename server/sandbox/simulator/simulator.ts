import type { SandboxClock } from '../clock.ts';

/** One part of the world the sandbox simulates (deliveries, replies), brought up to the clock's `now`. */
export type SimulationStep = (now: number) => void;

/**
 * Drives every simulation step on the sandbox clock: on a timer while the sandbox runs, and at once whenever the
 * clock is advanced. Steps must be idempotent for a given `now` (a second tick with the same time does nothing).
 */
export function createSimulator(clock: SandboxClock, steps: readonly SimulationStep[]) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const tick = () => {
    // A tick never overlaps another (a slow step and the timer, or a clock advance during a tick).
    if (running) return;
    running = true;
    try {
      const now = clock.now();
      for (const step of steps) step(now);
    } finally {
      running = false;
    }
  };

  return {
    tick,
    start(intervalMs = 1000) {
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
