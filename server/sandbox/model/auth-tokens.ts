import { randomUUID } from 'node:crypto';
import type { SandboxDatabase } from '../db/database.ts';

/**
 * AuthTokens older than the longest session our server allows (SESSION_MAX_HOURS at most 90 days) can belong to no
 * live session: they are removed when the sandbox starts (decision 0115).
 */
export const AUTH_TOKEN_MAX_AGE_MS = 90 * 24 * 3_600_000;

/** Removes the AuthTokens no live session can hold any more. */
export function removeStaleAuthTokens(db: SandboxDatabase, now: number): void {
  db.prepare<[number]>('DELETE FROM auth_tokens WHERE created_at < ?').run(now - AUTH_TOKEN_MAX_AGE_MS);
}

/** Ends one AuthToken (our server ended its session; the API has no logout, decision 0115). */
export function endAuthToken(db: SandboxDatabase, token: string): void {
  db.prepare<[string]>('DELETE FROM auth_tokens WHERE token = ?').run(token);
}

/** Ends every AuthToken of a user but `keep` (the one that asked, when it goes on: decision 0112). */
export function endUserAuthTokens(db: SandboxDatabase, userId: number, keep = ''): void {
  db.prepare<[number, string]>('DELETE FROM auth_tokens WHERE user_id = ? AND token <> ?').run(userId, keep);
}

/** AuthTokens handed out at login, the statement prepared once. */
export function authTokenQueries(db: SandboxDatabase) {
  const insertToken = db.prepare<[string, number, number]>('INSERT INTO auth_tokens (token, user_id, created_at) VALUES (?, ?, ?)');
  return {
    /** A new AuthToken for the user, made at `now`. */
    issue(userId: number, now: number): string {
      const token = randomUUID();
      insertToken.run(token, userId, now);
      return token;
    },
  };
}
