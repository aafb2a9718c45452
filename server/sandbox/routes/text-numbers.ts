import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Text numbers (§9). */
export function textNumberRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
