import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { loginInputSchema, loginResultSchema, userSchema, type SessionUser } from '../../src/contract/user.ts';
import { limitBody } from '../http/request-bodies.ts';
import { errorResponse, failureResponse } from './errors.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { SessionData } from './session-cookie.ts';
import type { Sessions } from './sessions.ts';
import { requestTimingOf } from './request-log.ts';
import { LOGIN_TOKEN, type RequestTiming, type Upstream } from './upstream.ts';

/** A login body is two short fields; anything bigger is refused before it is read (decision 0111). */
const LOGIN_BODY_BYTES = 4096;

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * The client's address: the socket's, or, behind a trusted proxy, the last X-Forwarded-For hop (the one that proxy
 * saw; earlier hops come from the client and can be made up to dodge the per-address limit).
 */
function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim().slice(0, 64) : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Who the request's session belongs to: the user, or no session. */
export type CurrentUser = { user: SessionUser } | { signedOut: string };

/** What the session itself knows, without the API: the login answer's UserID and the name typed at login. */
function userOfSession(session: Pick<SessionData, 'userId' | 'userName'>): SessionUser {
  return { UserID: session.userId, UserName: session.userName };
}

/**
 * The user's full settings from GET /v1/account/users/{id}, a route no public source documents (decision 0113):
 * they fill in what the session knows when the route answers; any other answer leaves the session's own. Only a 401
 * says something about the session: the API no longer takes its token.
 */
async function fillIn(
  upstream: Upstream,
  session: Pick<SessionData, 'token' | 'userId' | 'userName'>,
  timing: RequestTiming | undefined,
): Promise<SessionUser | 'token-refused'> {
  const known = userOfSession(session);
  const url = upstream.resolve(`/v1/account/users/${session.userId}`);
  if (!url) return known;
  try {
    const response = await upstream.send({ method: 'GET', path: url.pathname, token: session.token, timing }, url);
    if (response.status === 401) return 'token-refused';
    const user = userSchema.safeParse(await readJson(response));
    if (!response.ok || !user.success || user.data.UserID !== session.userId) return known;
    return user.data;
  } catch {
    return known;
  }
}

export function currentUserReader({ upstream, sessions }: { upstream: Upstream; sessions: Sessions }) {
  return async (c: Context): Promise<CurrentUser> => {
    const session = sessions.read(c);
    if (!session) return { signedOut: 'You are not logged in.' };
    const user = await fillIn(upstream, session, requestTimingOf(c));
    if (user === 'token-refused') {
      sessions.clear(c);
      return { signedOut: 'Your session has ended. Log in again.' };
    }
    return { user };
  };
}

/**
 * The sandbox has no logout in the API either; its own control route deletes the AuthTokens a session ended
 * (decision 0115). Best effort: the session is over on our side whatever the sandbox answers.
 */
async function endSandboxTokens(upstream: Upstream, token: string, scope: 'current' | 'all', timing: RequestTiming | undefined) {
  const url = new URL(scope === 'current' ? '/sandbox/auth-tokens/current' : '/sandbox/auth-tokens', upstream.origin);
  try {
    const response = await upstream.send({ method: 'DELETE', path: url.pathname, token, timing }, url);
    await response.body?.cancel();
  } catch {
    // Nothing to add: the token is refused by our server from now on anyway.
  }
}

/** /api/session: log in (POST), who am I (GET), log out (DELETE), log out everywhere (DELETE /everywhere). */
export function sessionRoutes({
  upstream,
  sessions,
  throttle,
  trustProxy,
  sandbox = false,
}: {
  upstream: Upstream;
  sessions: Sessions;
  throttle: LoginThrottle;
  trustProxy: boolean;
  /** True when the API is our embedded sandbox, which is told when a session's AuthToken is done with. */
  sandbox?: boolean;
}) {
  const currentUser = currentUserReader({ upstream, sessions });

  return new Hono()
    .use('*', async (c, next) => {
      await next();
      // Every answer here is about who is signed in: no cache keeps it.
      c.header('cache-control', 'no-store');
    })
    .post('/', limitBody({ maxSize: LOGIN_BODY_BYTES, onError: (c) => errorResponse(c, 'InvalidRequest', 'Send your UserName and PinCode.') }), async (c) => {
      const input = loginInputSchema.safeParse(await c.req.json().catch(() => null));
      if (!input.success) return errorResponse(c, 'InvalidRequest', 'Send your UserName and PinCode.');
      const { UserName } = input.data;
      const admission = await throttle.begin({
        userName: UserName,
        client: clientAddress(c, trustProxy),
        knownDevice: sessions.knownDevice(c, UserName),
      });
      if ('retryAfter' in admission) {
        c.header('retry-after', String(admission.retryAfter));
        if (admission.reason === 'unavailable') {
          return errorResponse(c, 'TooManyLoginAttempts', 'Logins are paused while our server cannot reach its shared store. Try again in a moment.');
        }
        if (admission.reason === 'busy') {
          return errorResponse(c, 'TooManyLoginAttempts', 'A login for this user name is already under way. Try again in a moment.');
        }
        return errorResponse(c, 'TooManyLoginAttempts', `Too many failed logins. Try again in ${waitText(admission.retryAfter)}.`);
      }
      const { attempt } = admission;

      const loginUrl = upstream.resolve('/v1/user/login')!;
      let login: Response;
      try {
        login = await upstream.send(
          { method: 'POST', path: '/v1/user/login', token: LOGIN_TOKEN, body: JSON.stringify(input.data), timing: requestTimingOf(c) },
          loginUrl,
        );
      } catch (error) {
        await attempt.unchecked();
        return failureResponse(c, error);
      }
      if (login.status === 400 || login.status === 401 || login.status === 403 || login.status === 404) {
        await attempt.failed();
        await login.body?.cancel();
        return errorResponse(c, 'LoginFailed', 'The user name or PIN code is not correct.');
      }
      const result = loginResultSchema.safeParse(await readJson(login));
      if (!login.ok || !result.success) {
        await attempt.unchecked();
        return errorResponse(c, 'UpstreamUnavailable', `The Call-Em-All API could not log you in (HTTP ${login.status}).`);
      }
      await attempt.succeeded();
      const session = { token: result.data.AuthToken, userId: result.data.UserID, userName: UserName };
      sessions.start(c, session.token, session.userId, session.userName);
      const user = await fillIn(upstream, session, requestTimingOf(c));
      return c.json(user === 'token-refused' ? userOfSession(session) : user);
    })
    .get('/', async (c) => {
      const current = await currentUser(c);
      if ('signedOut' in current) return errorResponse(c, 'NotLoggedIn', current.signedOut);
      return c.json(current.user);
    })
    .delete('/', async (c) => {
      const session = sessions.read(c);
      sessions.end(c);
      if (session && sandbox) await endSandboxTokens(upstream, session.token, 'current', requestTimingOf(c));
      return c.json({ LoggedOut: true });
    })
    .delete('/everywhere', async (c) => {
      const session = sessions.endEverywhere(c);
      if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
      if (sandbox) await endSandboxTokens(upstream, session.token, 'all', requestTimingOf(c));
      return c.json({ LoggedOut: true });
    });
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** PIN changes are small JSON bodies; a bigger one is not read twice. */
const PIN_CHANGE_BODY_BYTES = 64 * 1024;

/** A user's own route, in any case (the API is read as case-insensitive), with or without a trailing slash. */
const USER_ROUTE = /^\/api\/v1\/account\/users\/(\d{1,15})\/?$/i;

/**
 * PUT /api/v1/account/users/{id} that sets a PinCode and succeeds ends that user's other sessions (decision 0112).
 * It reads the body once; the forwarding that follows is handed the same bytes.
 */
export function endSessionsOnPinChange(sessions: Sessions): MiddlewareHandler {
  return async (c, next) => {
    const match = c.req.method === 'PUT' ? USER_ROUTE.exec(c.req.path) : null;
    if (!match) return next();
    const userId = Number(match[1]);
    const length = Number(c.req.header('content-length') ?? Number.NaN);
    const setsPin = length <= PIN_CHANGE_BODY_BYTES ? await bodySetsPin(c) : false;
    await next();
    if (setsPin && c.res.ok) sessions.pinChanged(c, userId);
  };
}

async function bodySetsPin(c: Context): Promise<boolean> {
  try {
    // Read once: hono keeps the bytes, and the forwarding that follows gets the same ones (api-proxy.ts).
    const body = JSON.parse(Buffer.from(await c.req.arrayBuffer()).toString('utf8')) as { PinCode?: unknown } | null;
    return typeof body?.PinCode === 'string';
  } catch {
    return false;
  }
}
