import { Hono } from 'hono';
import { loginInputSchema } from '../../../src/contract/user.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { authTokenQueries } from '../model/auth-tokens.ts';
import { userQueries } from '../model/users.ts';
import { verifyPinCode } from '../pin-codes.ts';

/** POST /v1/user/login: signed with the app keys only; answers the user's AuthToken. */
export function loginRoutes({ db, clock }: SandboxDeps) {
  const users = userQueries(db);
  const authTokens = authTokenQueries(db);

  return new Hono<SandboxEnv>().post('/user/login', async (c) => {
    const { UserName, PinCode } = await readBody(c, loginInputSchema);
    const user = users.credentialsOf(UserName);
    if (!(await verifyPinCode(PinCode, user?.pin_hash)) || !user) {
      throw new SandboxError('InvalidCredentials', 'The user name or PIN code is not correct.');
    }
    const token = authTokens.issue(user.user_id, clock.now());
    return c.json({ UserID: user.user_id, AuthToken: token });
  });
}
