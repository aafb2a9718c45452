import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { endAuthToken, endUserAuthTokens } from '../model/auth-tokens.ts';
import { recordByPhone, waitingForRecording } from '../model/phone-recordings.ts';
import { sandboxRecordingInputSchema } from '../../../src/contract/sandbox-recording.ts';

const advanceSchema = z.object({
  Minutes: z
    .number()
    .min(0)
    .max(60 * 24 * 366),
});

/**
 * The sandbox's own control routes, outside /v1: read and advance the simulated clock (master users only: the clock
 * is shared by the whole sandbox, decision 0114), and end AuthTokens when our server ends their sessions (the API
 * has no logout, decision 0115).
 */
export function controlRoutes({ db, clock, simulate }: SandboxDeps) {
  const state = () => ({ Now: new Date(clock.now()).toISOString(), Speed: clock.speed });
  return (
    new Hono<SandboxEnv>()
      .get('/clock', (c) => c.json(state()))
      .post('/clock/advance', async (c) => {
        if (!c.get('user').isMaster) throw new SandboxError('PermissionDenied', 'Only a master user may move the sandbox clock.');
        const { Minutes } = await readBody(c, advanceSchema);
        clock.advance(Minutes * 60_000);
        simulate();
        return c.json(state());
      })
      // Plays a person who records a waiting broadcast's message by phone (docs/decisions/0080-record-by-phone.md).
      .get('/recordings', (c) => c.json({ Items: waitingForRecording(db, c.get('user').accountId) }))
      .post('/recordings', async (c) => {
        const { RecordingCode, Seconds } = await readBody(c, sandboxRecordingInputSchema);
        const recorded = recordByPhone(db, c.get('user').accountId, RecordingCode, Seconds ?? 20, clock.now());
        simulate();
        return c.json(recorded);
      })
      .delete('/auth-tokens/current', (c) => {
        endAuthToken(db, c.get('authToken'));
        return c.json({ Ended: true });
      })
      .delete('/auth-tokens', (c) => {
        endUserAuthTokens(db, c.get('user').userId);
        return c.json({ Ended: true });
      })
  );
}
