import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';

/** CSV file uploads (§11). */
export function fileUploadRoutes(_deps: SandboxDeps) {
  return new Hono<SandboxEnv>();
}
