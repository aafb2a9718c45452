import { Hono } from 'hono';
import { log as processLog, type Logger } from '../http/log.ts';
import { JSON_BODY_LIMIT, closeWhenBodyUnread, isUploadRoute, limitBody } from '../http/request-bodies.ts';
import { accountScope } from './account-records.ts';
import { answerMismatchRoute } from './answer-mismatches.ts';
import { apiIsElsewhere } from './api-elsewhere.ts';
import { forwardToApi } from './api-proxy.ts';
import { broadcastGroupRoutes, fileBroadcastGroups, memoryBroadcastGroups, sharedBroadcastGroups } from './broadcast-groups.ts';
import { compression } from './compression.ts';
import { errorResponse, failureResponse } from './errors.ts';
import { apiAnswers, createReadiness, type ReadinessCheck } from './health.ts';
import { createIdempotencyCache } from './idempotency.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { createMetrics } from './metrics.ts';
import { measuredUpstream, requestLog } from './request-log.ts';
import { noStore, requireCsrfHeader, securityHeaders } from './security.ts';
import { createDeviceCookies, createSessionSealer } from './session-cookie.ts';
import { createSessionRevocations } from './session-revocations.ts';
import { currentUserReader, endSessionsOnPinChange, sessionRoutes } from './session-routes.ts';
import { createSessions } from './sessions.ts';
import { sharedIdempotencyCache } from './shared-idempotency.ts';
import { sharedLoginCounts } from './shared-login-counts.ts';
import { fileSendingSettings, memorySendingSettings, sendingSettingsRoutes, sharedSendingSettings } from './sending-settings.ts';
import { createSharedRevocations } from './shared-revocations.ts';
import type { SharedStore } from './shared-store.ts';
import { staticSite } from './static-site.ts';
import { createUpstream } from './upstream.ts';

export interface BffOptions {
  /** Where the v1 API lives: the real service, or the embedded sandbox's loopback URL. */
  apiUrl: string;
  appKey: string;
  secretKey: string;
  sessionSecret: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  trustProxy: boolean;
  /** True when apiUrl is our embedded sandbox: its control routes are then reachable under /api/sandbox. */
  sandbox: boolean;
  /** Where sessions ended by logout are kept across restarts; null keeps them in memory only. */
  revokedSessionsFile?: string | null;
  /** The built SPA to serve; omitted in development, where Vite serves it. */
  distDir?: string;
  /** How long the API may take to answer (CEA_TIMEOUT_MS); 15 s when unset. */
  upstreamTimeoutMs?: number;
  /** The time (ms), for tests of session lifetimes. */
  now?: () => number;
  /** Where request, upstream and mismatch lines go (LOG_LEVEL); the process's logger when unset. */
  log?: Logger;
  /** What else must answer for /api/ready (the shared store), beside the API. */
  readinessChecks?: ReadinessCheck[];
  /** True once the server is shutting down: /api/ready then answers 503. */
  isStopping?: () => boolean;
  /** Serve /api/metrics in Prometheus' text format (METRICS=true). */
  metrics?: boolean;
  /** The store several copies share (REDIS_URL): ended sessions, login counts, idempotent answers (decision 174). */
  sharedStore?: SharedStore | null;
  /** Where the accounts' sending settings are kept without REDIS_URL (DATA_DIR); null keeps them in memory. */
  sendingSettingsFile?: string | null;
  /** Where the accounts' broadcast groups are kept without REDIS_URL (DATA_DIR); null keeps them in memory. */
  broadcastGroupsFile?: string | null;
}

/** Our server: the session, the signed path to the API, and the SPA. */
export function createBffApp(options: BffOptions) {
  const log = options.log ?? processLog;
  const metrics = options.metrics ? createMetrics() : null;
  const unmeasured = createUpstream({ baseUrl: options.apiUrl, appKey: options.appKey, secretKey: options.secretKey, timeoutMs: options.upstreamTimeoutMs });
  const upstream = measuredUpstream(unmeasured, log, metrics?.onExchange);
  // Probes are not API traffic: they are neither timed nor logged as failures.
  const shared = options.sharedStore ?? null;
  const readiness = createReadiness([apiAnswers(unmeasured), ...(shared ? [shared.readiness] : []), ...(options.readinessChecks ?? [])], options.isStopping);
  const created = createSessions({
    sealer: createSessionSealer(options.sessionSecret),
    devices: createDeviceCookies(options.sessionSecret),
    revocations: shared ? createSharedRevocations(shared, log, options.now) : createSessionRevocations({ file: options.revokedSessionsFile, now: options.now }),
    idleMs: options.sessionIdleMs,
    maxMs: options.sessionMaxMs,
    trustProxy: options.trustProxy,
    now: options.now,
  });
  const sessions = metrics ? metrics.countSessions(created) : created;
  const throttle = createLoginThrottle(options.now, undefined, shared ? sharedLoginCounts(shared, options.now) : undefined);
  const deps = { upstream, sessions, idempotency: shared ? sharedIdempotencyCache(shared) : createIdempotencyCache() };

  const app = new Hono();
  app.use('*', requestLog({ log, trustProxy: options.trustProxy, onFinished: metrics?.onRequest }));
  app.use('*', securityHeaders({ trustProxy: options.trustProxy }));
  app.use('*', compression());
  // A deadline or an unreachable API that a route did not catch is still 504 or 502; anything else is our fault: 500.
  app.onError((error, c) => failureResponse(c, error));

  app.use('/api/*', closeWhenBodyUnread);
  app.use('/api/*', requireCsrfHeader);
  // JSON bodies are held whole, so they are held to the sandbox's JSON limit; uploads stream through (api-proxy.ts).
  const limitJson = limitBody({ maxSize: JSON_BODY_LIMIT, onError: (c) => errorResponse(c, 'PayloadTooLarge', 'The request body is larger than 4 MB.') });
  app.use('/api/*', (c, next) => (isUploadRoute(c.req.method, c.req.path.replace(/^\/api/, '')) ? next() : limitJson(c, next)));
  app.use('/api/*', noStore);
  app.get('/api/health', readiness.alive);
  app.get('/api/ready', readiness.ready);
  if (metrics) app.get('/api/metrics', metrics.route);
  app.get('/api/config', (c) => c.json({ Sandbox: options.sandbox }));
  app.route(
    '/api/session',
    sessionRoutes({ ...deps, throttle: metrics ? metrics.countLogins(throttle) : throttle, trustProxy: options.trustProxy, sandbox: options.sandbox }),
  );
  app.use('/api/v1/*', endSessionsOnPinChange(sessions));
  const sendingSettingsStore = shared
    ? sharedSendingSettings(shared)
    : options.sendingSettingsFile
      ? fileSendingSettings(options.sendingSettingsFile)
      : memorySendingSettings();
  // One reader of the session's account for every per-account route, so the API is asked once per session.
  const withAccount = accountScope(deps);
  app.route('/api/sending-settings', sendingSettingsRoutes({ ...deps, store: sendingSettingsStore, withAccount }));
  const broadcastGroupStore = shared
    ? sharedBroadcastGroups(shared)
    : options.broadcastGroupsFile
      ? fileBroadcastGroups(options.broadcastGroupsFile)
      : memoryBroadcastGroups();
  app.route('/api/broadcast-groups', broadcastGroupRoutes({ ...deps, store: broadcastGroupStore, withAccount, now: options.now }));
  app.post(
    '/api/answer-mismatches',
    answerMismatchRoute(sessions, (line) => log.warn({ part: 'answers' }, line)),
  );
  app.all('/api/v1/*', forwardToApi(deps, '/api'));
  if (options.sandbox) app.all('/api/sandbox/*', forwardToApi({ ...deps, upstream: sandboxControl(upstream) }, '/api'));
  app.all('/api/*', (c) => errorResponse(c, 'NotFound', `There is no ${c.req.method} ${c.req.path}.`));
  app.all('/v1/*', apiIsElsewhere(options));

  if (options.distDir) app.route('/', staticSite(options.distDir, { sandbox: options.sandbox, currentUser: currentUserReader(deps) }));
  return app;
}

/** The sandbox's control routes live beside /v1 (under /sandbox); they are signed the same way. */
function sandboxControl(upstream: ReturnType<typeof createUpstream>) {
  return {
    ...upstream,
    resolve(path: string) {
      if (!path.startsWith('/sandbox/')) return null;
      const url = new URL(path, upstream.origin);
      return url.origin === upstream.origin ? url : null;
    },
  };
}
