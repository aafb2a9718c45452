import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { loginInputSchema, loginResultSchema, userSchema, type User } from '../../src/contract/user.ts';
import { errorResponse } from './errors.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Sessions } from './sessions.ts';
import { LOGIN_TOKEN, type Upstream } from './upstream.ts';

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
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Who the request's session belongs to, as the API says: the user, no session, or no answer from the API. */
export type CurrentUser = { user: User } | { signedOut: string } | { unavailable: string };

export function currentUserReader({ upstream, sessions }: { upstream: Upstream; sessions: Sessions }) {
  return async (c: Context): Promise<CurrentUser> => {
    const session = sessions.read(c);
    if (!session) return { signedOut: 'You are not logged in.' };
    let response: Response;
    try {
      response = await fetchUser(upstream, session.token, session.userId);
    } catch {
      return { unavailable: 'The Call-Em-All API cannot be reached. Try again in a moment.' };
    }
    if (response.status === 401) {
      sessions.clear(c);
      return { signedOut: 'Your session has ended. Log in again.' };
    }
    const user = userSchema.safeParse(await readJson(response));
    if (!response.ok || !user.success) return { unavailable: `Your user settings could not be read (HTTP ${response.status}).` };
    return { user: user.data };
  };
}

function fetchUser(upstream: Upstream, token: string, userId: number) {
  const url = upstream.resolve(`/v1/account/users/${userId}`)!;
  return upstream.send({ method: 'GET', path: url.pathname, token }, url);
}

/** /api/session: log in (POST), who am I (GET), log out (DELETE). */
export function sessionRoutes({
  upstream,
  sessions,
  throttle,
  trustProxy,
}: {
  upstream: Upstream;
  sessions: Sessions;
  throttle: LoginThrottle;
  trustProxy: boolean;
}) {
  const currentUser = currentUserReader({ upstream, sessions });

  return new Hono()
    .post('/', async (c) => {
      const input = loginInputSchema.safeParse(await c.req.json().catch(() => null));
      if (!input.success) return errorResponse(c, 'InvalidRequest', 'Send your UserName and PinCode.');
      const client = clientAddress(c, trustProxy);
      const wait = throttle.retryAfter(input.data.UserName, client);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        const minutes = Math.ceil(wait / 60);
        return errorResponse(c, 'TooManyLoginAttempts', `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
      }

      const loginUrl = upstream.resolve('/v1/user/login')!;
      let login: Response;
      try {
        login = await upstream.send(
          { method: 'POST', path: '/v1/user/login', token: LOGIN_TOKEN, body: JSON.stringify(input.data) },
          loginUrl,
        );
      } catch {
        return errorResponse(c, 'UpstreamUnavailable', 'The Call-Em-All API cannot be reached. Try again in a moment.');
      }
      if (login.status === 400 || login.status === 401 || login.status === 403 || login.status === 404) {
        throttle.failed(input.data.UserName, client);
        return errorResponse(c, 'LoginFailed', 'The user name or PIN code is not correct.');
      }
      const result = loginResultSchema.safeParse(await readJson(login));
      if (!login.ok || !result.success) {
        return errorResponse(c, 'UpstreamUnavailable', `The Call-Em-All API could not log you in (HTTP ${login.status}).`);
      }

      const userResponse = await fetchUser(upstream, result.data.AuthToken, result.data.UserID);
      const user = userSchema.safeParse(await readJson(userResponse));
      if (!userResponse.ok || !user.success) {
        return errorResponse(c, 'UpstreamUnavailable', 'Logged in, but your user settings could not be read.');
      }
      throttle.succeeded(input.data.UserName);
      sessions.start(c, result.data.AuthToken, result.data.UserID);
      return c.json(user.data);
    })
    .get('/', async (c) => {
      const current = await currentUser(c);
      if ('signedOut' in current) return errorResponse(c, 'NotLoggedIn', current.signedOut);
      if ('unavailable' in current) return errorResponse(c, 'UpstreamUnavailable', current.unavailable);
      return c.json(current.user);
    })
    .delete('/', (c) => {
      sessions.end(c);
      return c.json({ LoggedOut: true });
    });
}
