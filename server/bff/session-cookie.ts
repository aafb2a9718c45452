import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the browser carries, sealed: the user's AuthToken never leaves the server in readable form. */
export interface SessionData {
  /** A random ID per login: logout revokes it (docs/decisions/0070-logout-revokes-sessions.md). */
  sessionId: string;
  /** AuthToken from POST /v1/user/login. */
  token: string;
  userId: number;
  /**
   * The user name as typed at login (the login answer carries only UserID and AuthToken, decision 0113): enough for
   * the app to draw its frame when the API's user route gives nothing more. Empty in cookies sealed before it.
   */
  userName: string;
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
      const plain = JSON.stringify({ v: VERSION, d: data.sessionId, t: data.token, u: data.userId, n: data.userName, i: data.issuedAt, s: data.seenAt });
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
      const userName = typeof parsed.n === 'string' ? parsed.n : '';
      return Object.freeze({ sessionId: parsed.d, token: parsed.t, userId: parsed.u, userName, issuedAt: parsed.i, seenAt: parsed.s });
    } catch {
      return null;
    }
  }
}
export type SessionSealer = ReturnType<typeof createSessionSealer>;

export const DEVICE_COOKIE = 'callboard_device';
/** How long a browser stays known after its last login. */
export const KNOWN_DEVICE_MS = 180 * 24 * 3_600_000;
/** User names one browser is known for; a shared computer's oldest login makes room. */
const NAMES_PER_DEVICE = 5;

/**
 * The "known device" cookie (docs/decisions/0110-login-throttle.md): a random browser ID and keyed tags of the user
 * names that logged in from it, signed with HMAC-SHA256. It holds no name in the clear and opens no session; it only
 * lets its owner's login attempts be counted apart from everyone else's.
 */
export function createDeviceCookies(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'callboard', 'known device v1', 32));
  const mac = (text: string) => createHmac('sha256', key).update(text).digest();
  const nameTag = (userName: string) => mac(`name:${userName.trim().toLowerCase()}`).subarray(0, 12).toString('base64url');

  function open(cookie: string | undefined): { device: string; names: string[] } | null {
    if (!cookie || cookie.length > 512) return null;
    const [payload, signature] = cookie.split('.');
    if (!payload || !signature) return null;
    const expected = mac(payload).subarray(0, 24);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { d?: unknown; n?: unknown };
      if (typeof parsed.d !== 'string' || !Array.isArray(parsed.n)) return null;
      return { device: parsed.d, names: parsed.n.filter((tag): tag is string => typeof tag === 'string').slice(0, NAMES_PER_DEVICE) };
    } catch {
      return null;
    }
  }

  return {
    /** This browser's ID for this user name, when it has logged in as them before; else null. */
    knownDeviceFor(cookie: string | undefined, userName: string): string | null {
      const opened = open(cookie);
      const tag = nameTag(userName);
      return opened && opened.names.includes(tag) ? `${opened.device}:${tag}` : null;
    },
    /** The cookie value after a successful login as `userName` (the browser keeps its ID). */
    remember(cookie: string | undefined, userName: string): string {
      const opened = open(cookie);
      const tag = nameTag(userName);
      const names = [tag, ...(opened?.names ?? []).filter((known) => known !== tag)].slice(0, NAMES_PER_DEVICE);
      const payload = Buffer.from(JSON.stringify({ d: opened?.device ?? randomBytes(16).toString('base64url'), n: names })).toString('base64url');
      return `${payload}.${mac(payload).subarray(0, 24).toString('base64url')}`;
    },
  };
}
export type DeviceCookies = ReturnType<typeof createDeviceCookies>;
