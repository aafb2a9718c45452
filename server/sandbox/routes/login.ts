import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { loginInputSchema } from '../../../src/contract/user.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { verifyPinCode } from '../pin-codes.ts';

/** POST /v1/user/login: signed with the app keys only; answers the user's AuthToken. */
export function loginRoutes({ db, clock }: SandboxDeps) {
  const findUser = db.prepare<[string], { user_id: number; pin_hash: string }>('SELECT user_id, pin_hash FROM users WHERE user_name = ?');
  const insertToken = db.prepare<[string, number, number]>('INSERT INTO auth_tokens (token, user_id, created_at) VALUES (?, ?, ?)');

  return new Hono<SandboxEnv>().post('/user/login', async (c) => {
    const { UserName, PinCode } = await readBody(c, loginInputSchema);
    const user = findUser.get(UserName);
    if (!(await verifyPinCode(PinCode, user?.pin_hash)) || !user) {
      throw new SandboxError('InvalidCredentials', 'The user name or PIN code is not correct.');
    }
    const token = randomUUID();
    insertToken.run(token, user.user_id, clock.now());
    return c.json({ UserID: user.user_id, AuthToken: token });
  });
}
