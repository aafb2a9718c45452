/** How many evenly spread moments the progress chart shows. */
export const PROGRESS_POINTS = 48;

export interface ProgressSeries {
  /** The chart's moments, from the start to the latest completion's second. */
  at: Date[];
  /** Numbers completed by each moment; null where the latest completions read do not reach back that far. */
  completed: Array<number | null>;
  /** The moment before which the line is drawn straight (joined from the start), or null when every point is exact. */
  joinedBefore: Date | null;
}

/**
 * Completed-by-time from one page of the latest completions (docs/decisions/0021-report-figures-and-progress.md):
 * `latest` holds the last-call instants of the newest completed numbers, newest first, and `total` how many completed
 * in all. Every number that finished after the oldest instant read is on that page, so from there on each point is
 * exact; before it, only the start (no one completed) is known.
 */
export function progressSeries(start: Date, latest: readonly Date[], total: number, points = PROGRESS_POINTS): ProgressSeries | null {
  const newest = latest[0];
  if (!newest || newest <= start) return null;
  const from = start.getTime();
  // The API writes whole seconds: the last call happened somewhere within its second.
  const span = newest.getTime() + 999 - from;
  const at = Array.from({ length: points + 1 }, (_, index) => new Date(Math.floor(from + (span * index) / points)));
  const everyCompletion = latest.length >= total;
  const times = latest.map((instant) => instant.getTime());
  const oldest = times.at(-1)!;
  const completed = at.map((moment, index) => {
    const t = moment.getTime();
    if (everyCompletion) return times.filter((time) => time <= t).length;
    if (t >= oldest) return total - times.filter((time) => time > t).length;
    // Before the page reaches back: no one had completed at the start, the rest is not read.
    return index === 0 ? 0 : null;
  });
  const firstExact = completed.findIndex((value, index) => index > 0 && value !== null);
  const joined = completed.includes(null);
  return { at, completed, joinedBefore: joined && firstExact > 0 ? at[firstExact]! : null };
}
