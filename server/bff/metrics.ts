import type { Context } from 'hono';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LoginThrottle } from './login-throttle.ts';
import type { Sessions } from './sessions.ts';

/** Seconds: from a cached answer (a few ms) to the API's deadline (15 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

/**
 * What `/api/metrics` reports in Prometheus' text format when METRICS=true (docs/decisions/0173-metrics.md). Labels
 * are route patterns, methods, statuses and reasons only: nothing that names a person or a session.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callboard_' });
  const latency = (name: string, help: string) =>
    new Histogram({ name, help, labelNames: ['method', 'route', 'status'] as const, buckets: LATENCY_BUCKETS, registers: [registry] });
  const requests = latency('callboard_http_request_duration_seconds', 'Requests to our server by method, route and status, and how long they took.');
  const exchanges = latency(
    'callboard_upstream_request_duration_seconds',
    "Exchanges with the API by method, the API's route and its status (or the failure), and how long they took.",
  );
  const upstreamErrors = new Counter({
    name: 'callboard_upstream_errors_total',
    help: 'Exchanges with the API that got no answer: timeout, unreachable or too-large.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const logins = new Counter({
    name: 'callboard_login_attempts_total',
    help: 'Logins by outcome: succeeded, failed, unchecked (the API did not say), throttled or busy (refused before the API).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const sessionsStarted = new Counter({ name: 'callboard_sessions_started_total', help: 'Sessions started by a login.', registers: [registry] });
  const sessionsEnded = new Counter({
    name: 'callboard_sessions_ended_total',
    help: "Session endings: logout (one session); everywhere or pin-changed (all of a user's other sessions, counted once).",
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  return {
    onRequest({ method, route, status, seconds }: { method: string; route: string; status: number; seconds: number }) {
      requests.observe({ method, route, status: String(status) }, seconds);
    },
    onExchange({ method, route, status, reason, seconds }: { method: string; route: string; status: number | null; reason: string | null; seconds: number }) {
      exchanges.observe({ method, route, status: status === null ? (reason ?? 'error') : String(status) }, seconds);
      if (status === null && reason !== 'cancelled') upstreamErrors.inc({ reason: reason ?? 'error' });
    },
    /** The throttle, counting each login's outcome. */
    countLogins(throttle: LoginThrottle): LoginThrottle {
      return {
        async begin(keys) {
          const admission = await throttle.begin(keys);
          if (!('attempt' in admission)) {
            logins.inc({ outcome: admission.reason });
            return admission;
          }
          const { attempt } = admission;
          return {
            attempt: {
              succeeded: () => (logins.inc({ outcome: 'succeeded' }), attempt.succeeded()),
              failed: () => (logins.inc({ outcome: 'failed' }), attempt.failed()),
              unchecked: () => (logins.inc({ outcome: 'unchecked' }), attempt.unchecked()),
            },
          };
        },
      };
    },
    /** The sessions, counting those started and ended. */
    countSessions(sessions: Sessions): Sessions {
      return {
        ...sessions,
        start(...args) {
          sessions.start(...args);
          sessionsStarted.inc();
        },
        end(c) {
          if (sessions.read(c)) sessionsEnded.inc({ reason: 'logout' });
          sessions.end(c);
        },
        endEverywhere(c) {
          const ended = sessions.endEverywhere(c);
          if (ended) sessionsEnded.inc({ reason: 'everywhere' });
          return ended;
        },
        pinChanged(c, userId) {
          sessionsEnded.inc({ reason: 'pin-changed' });
          sessions.pinChanged(c, userId);
        },
      };
    },
    async route(c: Context) {
      return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
