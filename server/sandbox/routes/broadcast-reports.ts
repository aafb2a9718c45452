import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** Reading broadcasts, their details, and pause/resume/cancel/delete (§6, §7). */
export function broadcastReportRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
