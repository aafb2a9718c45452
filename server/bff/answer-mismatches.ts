import type { Context } from 'hono';
import { answerMismatchReportSchema } from '../../src/contract/answer-mismatch.ts';
import { log as processLog } from '../http/log.ts';
import { errorResponse } from './errors.ts';
import type { Sessions } from './sessions.ts';

/** Distinct route-and-field pairs logged before the log goes quiet: a changed API must not flood it. */
const MAX_LOGGED = 500;

/**
 * POST /api/answer-mismatches (docs/decisions/0091-odd-answer-fields.md): the app names an answer's field it could
 * not read (method, route with IDs replaced, field path, expected kind; never a value). Each route and field is logged
 * once; signed-in sessions only, and the CSRF header like every write.
 */
export function answerMismatchRoute(sessions: Sessions, log: (line: string) => void = (line) => processLog.warn(line)) {
  const logged = new Set<string>();
  let quiet = false;
  return async (c: Context) => {
    if (!sessions.read(c)) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
    const parsed = answerMismatchReportSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return errorResponse(c, 'InvalidRequest', 'Expected {Method, Route, Fields: [{Field, Expected}]}.');
    const { Method, Route, Fields } = parsed.data;
    for (const { Field, Expected } of Fields) {
      const key = `${Method} ${Route} ${Field}`;
      if (logged.has(key)) continue;
      if (logged.size >= MAX_LOGGED) {
        if (!quiet) log(`[answers] ${MAX_LOGGED} odd answer fields logged; further ones are not.`);
        quiet = true;
        break;
      }
      logged.add(key);
      log(`[answers] ${Method} ${Route}: ${Field} was not the expected ${Expected}; shown as missing.`);
    }
    return c.body(null, 204);
  };
}
