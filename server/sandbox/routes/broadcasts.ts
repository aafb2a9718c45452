import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Creating broadcasts (§6) and drafts (§12). */
export function broadcastRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
