import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Opt-outs (§18). */
export function optOutRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
