import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../http/log.ts';
import { UpstreamFailure, type RequestTiming, type Upstream } from './upstream.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a proxy may hand us: short, and only characters that cannot break a log line or a header. */
const ACCEPTED_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

declare module 'hono' {
  interface ContextVariableMap {
    /** What this request has spent waiting on the API so far, for its log line. */
    requestTiming: RequestTiming;
  }
}

/**
 * The request's timing, for the upstream exchanges it makes (`upstream.send({ ..., timing })`). Handed on by hand, not
 * through AsyncLocalStorage: that tracks every promise in the process, about 50 µs of each request's CPU.
 */
export const requestTimingOf = (c: Context): RequestTiming | undefined => c.get('requestTiming');

/**
 * A path as a route, naming no one: IDs, phone numbers, tokens and file names become `:id`
 * (`/api/v1/contacts/:id`); the app's pages and files are one route each, so logs and metrics stay small.
 */
export function routeOf(path: string): string {
  const [pathname = ''] = path.split(/[?#]/, 1);
  if (pathname.startsWith('/assets/')) return '/assets/*';
  if (!/^\/(api|v1|sandbox)(\/|$)/.test(pathname)) return '/*';
  return pathname
    .split('/')
    .map((segment) => (segment === '' || /^(v\d+|[a-z]{1,30}(-[a-z]{1,30}){0,3})$/.test(segment) ? segment : ':id'))
    .join('/');
}

export interface RequestLogOptions {
  log: Logger;
  /** Only a trusted proxy's X-Request-Id is taken; otherwise one is made. */
  trustProxy: boolean;
  /** Called with each finished request (metrics). */
  onFinished?: (request: { method: string; route: string; status: number; seconds: number }) => void;
}

/**
 * One line per request: its id (echoed as X-Request-Id), method, route, status, duration and the API's share of it.
 * Never a header, a query, a cookie or a body (docs/decisions/0170-request-logs.md).
 */
export function requestLog({ log, trustProxy, onFinished }: RequestLogOptions): MiddlewareHandler {
  // The line holds only what is built below (a checked id, a route naming no one, numbers), so the logger's search
  // for secrets in nested fields, a third of the line's cost, is skipped for it.
  const lines = log.child({}, { redact: [] });
  return async (c, next) => {
    const offered = trustProxy ? c.req.header(REQUEST_ID_HEADER) : undefined;
    const id = offered !== undefined && ACCEPTED_REQUEST_ID.test(offered) ? offered : randomUUID();
    const timing: RequestTiming = { id, upstreamMs: 0 };
    const started = performance.now();
    try {
      c.set('requestTiming', timing);
      await next();
    } finally {
      const ms = performance.now() - started;
      const route = routeOf(c.req.path);
      const status = c.res.status;
      try {
        c.res.headers.set(REQUEST_ID_HEADER, id);
      } catch {
        // An answer whose headers cannot change (none of ours today) goes out without the id; the line still has it.
      }
      const line = { requestId: id, method: c.req.method, route, status, ms: Math.round(ms * 10) / 10, upstreamMs: Math.round(timing.upstreamMs * 10) / 10 };
      if (status >= 500) lines.warn(line, 'request failed');
      else lines.info(line, 'request');
      onFinished?.({ method: c.req.method, route, status, seconds: ms / 1000 });
    }
  };
}

/** The API's own route, without whatever path its base URL carries; worked out only for metrics and failure lines. */
function apiRouteOf(url: URL): string {
  const at = url.pathname.search(/\/(v1|sandbox)(\/|$)/);
  return routeOf(at >= 0 ? url.pathname.slice(at) : url.pathname);
}

/**
 * The upstream, timed: each exchange adds to its request's API share, and each failure is one line (never the
 * request's body or signature). `onExchange` sees every exchange (metrics).
 */
export function measuredUpstream(
  upstream: Upstream,
  log: Logger,
  onExchange?: (exchange: { method: string; route: string; status: number | null; reason: string | null; seconds: number }) => void,
): Upstream {
  return {
    ...upstream,
    async send(request, url) {
      const started = performance.now();
      const finish = (status: number | null, reason: string | null) => {
        const ms = performance.now() - started;
        if (request.timing) request.timing.upstreamMs += ms;
        onExchange?.({ method: request.method, route: apiRouteOf(url), status, reason, seconds: ms / 1000 });
        return ms;
      };
      try {
        const response = await upstream.send(request, url);
        finish(response.status, null);
        return response;
      } catch (error) {
        const reason =
          error instanceof UpstreamFailure
            ? error.reason
            : error instanceof Error && error.name === 'TimeoutError'
              ? 'timeout'
              : error instanceof Error && error.name === 'AbortError'
                ? 'cancelled'
                : 'error';
        const ms = finish(null, reason);
        if (reason !== 'cancelled') {
          log.warn(
            {
              requestId: request.timing?.id,
              method: request.method,
              route: apiRouteOf(url),
              reason,
              ms: Math.round(ms * 10) / 10,
              error: error instanceof Error ? error.message : String(error),
            },
            'upstream failure',
          );
        }
        throw error;
      }
    },
  };
}
