import { Hono } from 'hono';
import { loginInputSchema, loginResultSchema, userSchema } from '../../src/api/schemas/user.ts';
import { errorResponse } from './errors.ts';
import type { Sessions } from './sessions.ts';
import { LOGIN_TOKEN, type Upstream } from './upstream.ts';

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** /api/session: log in (POST), who am I (GET), log out (DELETE). */
export function sessionRoutes({ upstream, sessions }: { upstream: Upstream; sessions: Sessions }) {
  const fetchUser = async (token: string, userId: number) => {
    const url = upstream.resolve(`/v1/account/users/${userId}`)!;
    return upstream.send({ method: 'GET', path: url.pathname, token }, url);
  };

  return new Hono()
    .post('/', async (c) => {
      const input = loginInputSchema.safeParse(await c.req.json().catch(() => null));
      if (!input.success) return errorResponse(c, 'InvalidRequest', 'Send your UserName and PinCode.');

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
        return errorResponse(c, 'LoginFailed', 'The user name or PIN code is not correct.');
      }
      const result = loginResultSchema.safeParse(await readJson(login));
      if (!login.ok || !result.success) {
        return errorResponse(c, 'UpstreamUnavailable', `The Call-Em-All API could not log you in (HTTP ${login.status}).`);
      }

      const userResponse = await fetchUser(result.data.AuthToken, result.data.UserID);
      const user = userSchema.safeParse(await readJson(userResponse));
      if (!userResponse.ok || !user.success) {
        return errorResponse(c, 'UpstreamUnavailable', 'Logged in, but your user settings could not be read.');
      }
      sessions.start(c, result.data.AuthToken, result.data.UserID);
      return c.json(user.data);
    })
    .get('/', async (c) => {
      const session = sessions.read(c);
      if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
      let response: Response;
      try {
        response = await fetchUser(session.token, session.userId);
      } catch {
        return errorResponse(c, 'UpstreamUnavailable', 'The Call-Em-All API cannot be reached. Try again in a moment.');
      }
      if (response.status === 401) {
        sessions.clear(c);
        return errorResponse(c, 'NotLoggedIn', 'Your session has ended. Log in again.');
      }
      const user = userSchema.safeParse(await readJson(response));
      if (!response.ok || !user.success) {
        return errorResponse(c, 'UpstreamUnavailable', `Your user settings could not be read (HTTP ${response.status}).`);
      }
      return c.json(user.data);
    })
    .delete('/', (c) => {
      sessions.clear(c);
      return c.json({ LoggedOut: true });
    });
}
