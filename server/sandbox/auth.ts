import type { MiddlewareHandler } from 'hono';
import { timeZoneForState } from '../../src/contract/common.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from './context.ts';
import { SandboxError } from './http/errors.ts';
import { createOAuthVerifier } from './http/oauth-verifier.ts';

interface TokenUserRow {
  user_id: number;
  account_id: number;
  user_name: string;
  is_master: number;
  can_see_all_broadcasts: number;
  can_see_all_roster: number;
  can_see_all_audio: number;
  can_see_group_audio: number;
  state: string;
}

/** Paths signed with the app keys alone (any token, or none, is accepted there). */
const APP_SIGNED_PATHS = new Set(['/v1/user/login']);

/** OAuth 1.0a on every request, then the AuthToken's user on `c.var.user` and the token on `c.var.authToken`. */
export function authenticate(deps: SandboxDeps): MiddlewareHandler<SandboxEnv> {
  const verify = createOAuthVerifier({ appKey: deps.appKey, secretKey: deps.secretKey });
  const userByToken = deps.db.prepare<[string], TokenUserRow>(`
    SELECT u.user_id, u.account_id, u.user_name, u.is_master, u.can_see_all_broadcasts, u.can_see_all_roster,
           u.can_see_all_audio, u.can_see_group_audio, u.state
    FROM auth_tokens t JOIN users u ON u.user_id = t.user_id
    WHERE t.token = ?`);

  return async (c, next) => {
    const { token } = verify(c.req.method, c.req.url, c.req.header('authorization'));
    if (!APP_SIGNED_PATHS.has(c.req.path)) {
      const row = token ? userByToken.get(token) : undefined;
      if (!row) throw new SandboxError('InvalidAuthToken', 'The AuthToken is not valid. Log in again to get a new one.');
      const user: AuthUser = {
        userId: row.user_id,
        accountId: row.account_id,
        userName: row.user_name,
        isMaster: row.is_master === 1,
        canSeeAllBroadcasts: row.can_see_all_broadcasts === 1,
        canSeeAllRoster: row.can_see_all_roster === 1,
        canSeeAllAudio: row.can_see_all_audio === 1,
        canSeeGroupAudio: row.can_see_group_audio === 1,
        timeZone: timeZoneForState(row.state),
      };
      c.set('user', user);
      c.set('authToken', token!);
    }
    await next();
  };
}
