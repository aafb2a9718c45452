import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { parseWith, readJsonBody } from '../http/json-body.ts';
import { phoneNumberOrError } from '../http/phone-numbers.ts';
import { conversationIdBetween } from '../model/conversations.ts';
import { dashboardUrlOf } from '../single-sign-on.ts';
import { formatApiDate } from '../time.ts';

/** How long a single sign-on token is good for (docs/decisions/0083-single-sign-on.md). */
const TOKEN_LIFETIME_MS = 5 * 60_000;

const conversationsInputSchema = z.object({
  TextNumber: z.string().trim().max(20).nullish(),
  PhoneNumber: z.string().trim().max(20).nullish(),
  /** What the web app lets the person do; our dashboard's own permissions apply, so it is read and not used. */
  Customization: z
    .object({
      EditEnabled: z.boolean().nullish(),
      AuthorizationChangeEnabled: z.boolean().nullish(),
      MarkAsDoneEnabled: z.boolean().nullish(),
    })
    .nullish(),
});

/** POST /v1/singlesignon/conversations (§13): a link into this dashboard's conversations, or one thread of them. */
export function singleSignOnRoutes(deps: SandboxDeps) {
  const { db, clock } = deps;
  return new Hono<SandboxEnv>().post('/singlesignon/conversations', async (c) => {
    const user = c.get('user');
    const input = parseWith(conversationsInputSchema, (await readJsonBody(c)) ?? {});
    let path = '/conversations';
    if (input.TextNumber || input.PhoneNumber) {
      if (!input.TextNumber || !input.PhoneNumber) {
        throw new SandboxError('ValidationFailed', 'TextNumber and PhoneNumber: give both to open one conversation, or neither for all of them.');
      }
      const textNumber = phoneNumberOrError('TextNumber', input.TextNumber);
      const phoneNumber = phoneNumberOrError('PhoneNumber', input.PhoneNumber);
      const found = conversationIdBetween(db, user.accountId, textNumber, phoneNumber);
      if (found === null) throw new SandboxError('ResourceNotFound', `There is no conversation between ${input.TextNumber} and ${input.PhoneNumber}.`);
      path = `/conversations/${found}`;
    }
    const now = clock.now();
    return c.json({
      Token: randomBytes(16).toString('hex'),
      Expires: formatApiDate(now + TOKEN_LIFETIME_MS, user.timeZone),
      Url: `${dashboardUrlOf(deps)}${path}`,
      Created: formatApiDate(now, user.timeZone),
    });
  });
}
