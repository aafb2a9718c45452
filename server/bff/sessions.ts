import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, type SessionData, type SessionSealer } from './session-cookie.ts';
import type { SessionRevocations } from './session-revocations.ts';

export interface SessionPolicy {
  sealer: SessionSealer;
  /** Sessions ended by logout (decision 0070). */
  revocations: SessionRevocations;
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

/** Reads, expires, refreshes and ends the sealed session cookie. */
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

  /** The request's session if it is still open, without touching the cookie. */
  function open(c: Context): SessionData | null {
    const data = policy.sealer.unseal(getCookie(c, SESSION_COOKIE));
    if (!data) return null;
    const at = now();
    if (at - data.issuedAt > policy.maxMs || at - data.seenAt > policy.idleMs) return null;
    if (policy.revocations.isRevoked(data.sessionId)) return null;
    return data;
  }

  function clear(c: Context) {
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isSecureRequest(c, policy.trustProxy) });
  }

  /** Revokes the request's session (if any) for the rest of its lifetime, so no copy of its cookie opens again. */
  function revoke(c: Context) {
    const data = open(c);
    if (data) policy.revocations.revoke(data.sessionId, data.issuedAt + policy.maxMs);
  }

  return {
    /** The live session of this request, or null (expired and revoked ones are cleared). */
    read(c: Context): SessionData | null {
      const data = open(c);
      if (!data) {
        if (getCookie(c, SESSION_COOKIE) !== undefined) clear(c);
        return null;
      }
      const at = now();
      if (at - data.seenAt > REFRESH_AFTER_MS) write(c, { ...data, seenAt: at });
      return data;
    },

    /** A new session at login: a fresh ID and cookie, never a renewed old one; the session it replaces ends. */
    start(c: Context, token: string, userId: number) {
      revoke(c);
      const at = now();
      write(c, { sessionId: randomBytes(16).toString('base64url'), token, userId, issuedAt: at, seenAt: at });
    },

    /** Logout: the session is revoked on the server and its cookie deleted in the browser. */
    end(c: Context) {
      revoke(c);
      clear(c);
    },

    clear,
  };
}
export type Sessions = ReturnType<typeof createSessions>;
