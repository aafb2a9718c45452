import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Account users: list, create, update (§5). */
export function userRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
