import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Contact lists and membership (§16, §17). */
export function listRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
