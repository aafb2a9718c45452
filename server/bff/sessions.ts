import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, type SessionData, type SessionSealer } from './session-cookie.ts';

export interface SessionPolicy {
  sealer: SessionSealer;
  idleMs: number;
  maxMs: number;
  trustProxy: boolean;
  now?: () => number;
}

/** Re-sealing on every request would churn cookies; once a minute keeps the idle clock accurate enough. */
const REFRESH_AFTER_MS = 60_000;

function isSecureRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Reads, expires and refreshes the sealed session cookie. */
export function createSessions(policy: SessionPolicy) {
  const now = policy.now ?? Date.now;

  function write(c: Context, data: SessionData) {
    setCookie(c, SESSION_COOKIE, policy.sealer.seal(data), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c, policy.trustProxy),
      path: '/',
      maxAge: Math.max(1, Math.floor((data.issuedAt + policy.maxMs - now()) / 1000)),
    });
  }

  return {
    /** The live session of this request, or null (expired ones are cleared). */
    read(c: Context): SessionData | null {
      const data = policy.sealer.unseal(getCookie(c, SESSION_COOKIE));
      if (!data) return null;
      const at = now();
      if (at - data.issuedAt > policy.maxMs || at - data.seenAt > policy.idleMs) {
        this.clear(c);
        return null;
      }
      if (at - data.seenAt > REFRESH_AFTER_MS) write(c, { ...data, seenAt: at });
      return data;
    },

    /** A new session at login: a fresh cookie, never a renewed old one. */
    start(c: Context, token: string, userId: number) {
      const at = now();
      write(c, { token, userId, issuedAt: at, seenAt: at });
    },

    clear(c: Context) {
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isSecureRequest(c, policy.trustProxy) });
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
