import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the browser carries, sealed: the user's AuthToken never leaves the server in readable form. */
export interface SessionData {
  /** A random ID per login: logout revokes it (docs/decisions/0070-logout-revokes-sessions.md). */
  sessionId: string;
  /** AuthToken from POST /v1/user/login. */
  token: string;
  userId: number;
  /** Login time (ms): the absolute lifetime counts from here. */
  issuedAt: number;
  /** Last activity (ms): the idle lifetime counts from here. */
  seenAt: number;
}

export const SESSION_COOKIE = 'callboard_session';
/** Version 2 added the session ID; older cookies read as no session (one more login). */
const VERSION = 2;

/**
 * AES-256-GCM with a key derived from SESSION_SECRET. The cookie is `base64url(iv | ciphertext | tag)`;
 * tampering fails the tag check, so a cookie either opens intact or not at all.
 */
/** Opened cookies remembered; past this many the memory starts over. */
const OPENED_COOKIES_KEPT = 1000;

export function createSessionSealer(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'callboard', 'session cookie v1', 32));
  /** Cookies already opened, with what they hold (null: not ours, or tampered with). */
  const opened = new Map<string, Readonly<SessionData> | null>();

  return {
    seal(data: SessionData): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = JSON.stringify({ v: VERSION, d: data.sessionId, t: data.token, u: data.userId, i: data.issuedAt, s: data.seenAt });
      const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, encrypted, cipher.getAuthTag()]).toString('base64url');
    },

    unseal(cookie: string | undefined): SessionData | null {
      if (!cookie || cookie.length > 4096) return null;
      // A session sends the same cookie with every request until it is renewed: it is opened once.
      let data = opened.get(cookie);
      if (data === undefined) {
        data = decrypt(cookie);
        if (opened.size >= OPENED_COOKIES_KEPT) opened.clear();
        opened.set(cookie, data);
      }
      return data;
    },
  };

  function decrypt(cookie: string): Readonly<SessionData> | null {
    try {
      const raw = Buffer.from(cookie, 'base64url');
      if (raw.length < 12 + 16 + 1) return null;
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
      const parsed = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
      if (parsed.v !== VERSION || typeof parsed.d !== 'string' || typeof parsed.t !== 'string' || typeof parsed.u !== 'number') return null;
      if (typeof parsed.i !== 'number' || typeof parsed.s !== 'number') return null;
      return Object.freeze({ sessionId: parsed.d, token: parsed.t, userId: parsed.u, issuedAt: parsed.i, seenAt: parsed.s });
    } catch {
      return null;
    }
  }
}
export type SessionSealer = ReturnType<typeof createSessionSealer>;
