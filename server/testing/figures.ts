import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** True under `npm run stress`: the long variants run (full sizes, more cases, longer loads). */
export const STRESS = process.env.STRESS === '1';

/**
 * Figures a reliability test measured (cases run, latencies, rows imported), for `npm run stress` to print and for
 * README's Reliability section. Written to FIGURES_DIR when it is set, and always shown in the test's output.
 */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  console.log(`[figures] ${name}: ${JSON.stringify(figures)}`);
  const dir = process.env.FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}
