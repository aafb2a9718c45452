import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Contacts (REFERENCE.md §15). */
export function contactRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
