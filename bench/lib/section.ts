import { AsyncLocalStorage } from 'node:async_hooks';

/** The area of the bench that runs now, as the code it runs sees it (each area's code, however it awaits, sees its own). */
export interface SectionContext {
  name: string;
  /** What it is doing, in its own words: said when it passes its deadline. */
  step: string;
  /** Aborted when it passed its deadline or the bench was interrupted: from then on it starts nothing. */
  signal: AbortSignal;
  /** Milliseconds not counted against its deadline (data built once, say). */
  untimedMs: number;
  /** How many `untimed` pieces of work run now: the deadline waits for them. */
  untimedRunning: number;
}

export const sections = new AsyncLocalStorage<SectionContext>();

/**
 * Says what the running area is doing now (`step('starting Chromium')`), so that an area past its deadline is
 * reported with what it was doing. Cheap: call it at each main step.
 */
export function step(what: string): void {
  const context = sections.getStore();
  if (!context || context.signal.aborted) return;
  context.step = what;
  console.error(`[bench] ${context.name}: ${what}`);
}

/** Throws when the running area may start nothing more (it passed its deadline, or the bench was interrupted). */
export function throwIfEnded(): void {
  const context = sections.getStore();
  if (context?.signal.aborted) throw new Error(`${context.name} has ended (${String(context.signal.reason)}); it starts nothing more`);
}

/** Does not count `milliseconds` against the running area's deadline: work done once for every later run. */
export function excludeFromDeadline(milliseconds: number): void {
  const context = sections.getStore();
  if (context) context.untimedMs += milliseconds;
}

/** Runs `work` (which must end by itself: a start with its own timeout, say) without counting it against the deadline. */
export async function untimed<T>(work: () => Promise<T>): Promise<T> {
  const context = sections.getStore();
  const started = Date.now();
  if (context) context.untimedRunning += 1;
  try {
    return await work();
  } finally {
    if (context) context.untimedRunning -= 1;
    excludeFromDeadline(Date.now() - started);
  }
}
