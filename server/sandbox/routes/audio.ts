import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** The audio library (§8). */
export function audioRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
