import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { readBody } from '../http/json-body.ts';

const advanceSchema = z.object({
  Minutes: z.number().min(0).max(60 * 24 * 366),
});

/** The sandbox's own control routes, outside /v1: read and advance the simulated clock. */
export function controlRoutes({ clock, simulate }: SandboxDeps) {
  const state = () => ({ Now: new Date(clock.now()).toISOString(), Speed: clock.speed });
  return new Hono<SandboxEnv>()
    .get('/clock', (c) => c.json(state()))
    .post('/clock/advance', async (c) => {
      const { Minutes } = await readBody(c, advanceSchema);
      clock.advance(Minutes * 60_000);
      simulate();
      return c.json(state());
    });
}
