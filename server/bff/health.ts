import type { Context } from 'hono';
import { LOGIN_TOKEN, type Upstream } from './upstream.ts';

/** How long a load balancer's probe may wait on each check. */
const CHECK_TIMEOUT_MS = 2_000;
/** Probes from several balancers within this time share one look at the API. */
const CHECK_REUSE_MS = 1_000;

/** Something our server needs in order to serve, and how to tell whether it answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

/** The API (or the sandbox) answers at all: any HTTP status will do; only no answer within the time is not ready. */
export function apiAnswers(upstream: Upstream): ReadinessCheck {
  return {
    name: 'api',
    async check() {
      const url = upstream.resolve('/v1/');
      if (!url) return false;
      try {
        const response = await upstream.send({ method: 'GET', path: '/v1/', token: LOGIN_TOKEN, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }, url);
        await response.body?.cancel();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * GET /api health routes (docs/decisions/0171-health-and-readiness.md): `/api/health` is 200 while the process
 * answers at all; `/api/ready` is 200 when every check answers and the server is not shutting down, else 503, with
 * each check's state.
 */
export function createReadiness(checks: ReadinessCheck[], isStopping: () => boolean = () => false) {
  let last: { at: number; result: Promise<Record<string, boolean>> } | null = null;
  const look = () => {
    const now = Date.now();
    if (!last || now - last.at > CHECK_REUSE_MS) {
      const result = Promise.all(checks.map(async ({ name, check }) => [name, await check().catch(() => false)] as const)).then(Object.fromEntries);
      last = { at: now, result };
    }
    return last.result;
  };
  return {
    alive: (c: Context) => c.json({ Status: 'ok' }),
    async ready(c: Context) {
      const states = await look();
      // While shutting down, balancers must send no more requests: those in flight finish.
      const stopping = isStopping();
      const ready = !stopping && Object.values(states).every(Boolean);
      return c.json({ Status: ready ? 'ready' : stopping ? 'stopping' : 'not ready', Checks: states }, ready ? 200 : 503);
    },
  };
}
