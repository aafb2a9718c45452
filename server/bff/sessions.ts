import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttpsRequest } from './security.ts';
import { DEVICE_COOKIE, KNOWN_DEVICE_MS, SESSION_COOKIE, type DeviceCookies, type SessionData, type SessionSealer } from './session-cookie.ts';
import type { SessionRevocations } from './session-revocations.ts';

export interface SessionPolicy {
  sealer: SessionSealer;
  /** The "known device" cookie, which keeps a browser's login attempts apart from others' (decision 0110). */
  devices: DeviceCookies;
  /** Sessions ended by logout (decision 0070), PIN changes and "log out everywhere" (decision 0112). */
  revocations: SessionRevocations;
  idleMs: number;
  maxMs: number;
  trustProxy: boolean;
  now?: () => number;
}

/**
 * Re-sealing on every request would churn cookies; once a minute keeps the idle clock accurate enough, and a third
 * of a short idle window keeps a user who is active more often than that signed in.
 */
export function refreshAfterMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 3));
}

/** Reads, expires, refreshes and ends the sealed session cookie. */
export function createSessions(policy: SessionPolicy) {
  const now = policy.now ?? Date.now;
  const refreshAfter = refreshAfterMs(policy.idleMs);

  function write(c: Context, data: SessionData) {
    setCookie(c, SESSION_COOKIE, policy.sealer.seal(data), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttpsRequest(c, policy.trustProxy),
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
    if (policy.revocations.isRevoked(data)) return null;
    return data;
  }

  function clear(c: Context) {
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttpsRequest(c, policy.trustProxy) });
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
      if (at - data.seenAt > refreshAfter) write(c, { ...data, seenAt: at });
      return data;
    },

    /** A new session at login: a fresh ID and cookie, never a renewed old one; the session it replaces ends. */
    start(c: Context, token: string, userId: number, userName: string) {
      revoke(c);
      const at = now();
      write(c, { sessionId: randomBytes(16).toString('base64url'), token, userId, userName, issuedAt: at, seenAt: at });
      setCookie(c, DEVICE_COOKIE, policy.devices.remember(getCookie(c, DEVICE_COOKIE), userName), {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttpsRequest(c, policy.trustProxy),
        path: '/api/session',
        maxAge: KNOWN_DEVICE_MS / 1000,
      });
    },

    /** This browser's ID for `userName` if it has logged in as them before (decision 0110), else null. */
    knownDevice(c: Context, userName: string): string | null {
      return policy.devices.knownDeviceFor(getCookie(c, DEVICE_COOKIE), userName);
    },

    /** "Log out everywhere": every session of this request's user ends, this one included. Returns the one it was. */
    endEverywhere(c: Context): SessionData | null {
      const data = open(c);
      if (data) policy.revocations.revokeUser(data.userId, now(), now() + policy.maxMs);
      clear(c);
      return data;
    },

    /**
     * A user's PIN changed: their other sessions end (decision 0112). The request's own session goes on when it is
     * that user's (they changed it themselves).
     */
    pinChanged(c: Context, userId: number) {
      const data = open(c);
      policy.revocations.revokeUser(userId, now(), now() + policy.maxMs, data?.userId === userId ? data.sessionId : null);
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
