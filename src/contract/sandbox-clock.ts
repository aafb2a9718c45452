import type { Answer } from './answer.ts';
import { z } from './zod.ts';

/** The embedded sandbox's simulated clock (our own control route, not part of the API; docs/decisions/0053-sandbox-clock.md). */
export const sandboxClockSchema = z.object({
  /** ISO 8601, UTC. */
  Now: z.iso.datetime(),
  /** Simulated seconds per real second. */
  Speed: z.number().positive(),
});
export type SandboxClock = Answer<z.infer<typeof sandboxClockSchema>>;
