import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Conversations and text messages (§10). */
export function conversationRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
