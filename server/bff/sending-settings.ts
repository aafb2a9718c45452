import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono, type Context } from 'hono';
import { accountSchema } from '../../src/contract/account.ts';
import { defaultSendingSettings, sendingSettingsSchema, type SendingSettings } from '../../src/contract/sending-settings.ts';
import { errorResponse, failureResponse } from './errors.ts';
import { currentUserReader } from './session-routes.ts';
import type { SessionData } from './session-cookie.ts';
import type { Sessions } from './sessions.ts';
import type { SharedStore } from './shared-store.ts';
import type { Upstream } from './upstream.ts';

/**
 * The account's sending settings (docs/decisions/0184-sending-settings-on-our-server.md): the API has no place for
 * them, so our server keeps one copy per API account: in memory, in a JSON file in DATA_DIR, or in the store several
 * copies share (REDIS_URL).
 */
export interface SendingSettingsStore {
  read(accountId: number): Promise<SendingSettings | null>;
  write(accountId: number, settings: SendingSettings): Promise<void>;
}

export function memorySendingSettings(): SendingSettingsStore {
  const byAccount = new Map<number, SendingSettings>();
  return {
    read: async (accountId) => byAccount.get(accountId) ?? null,
    write: async (accountId, settings) => void byAccount.set(accountId, settings),
  };
}

/** One small JSON file ({ "accountId": settings }), read once and replaced whole on each save (temp file + rename). */
export function fileSendingSettings(file: string): SendingSettingsStore {
  const byAccount = new Map<number, SendingSettings>();
  if (existsSync(file)) {
    const kept = readJsonFile(file);
    for (const [key, value] of Object.entries(typeof kept === 'object' && kept !== null ? kept : {})) {
      const settings = sendingSettingsSchema.safeParse(value);
      // A value this version cannot read is left out (the account has the defaults), never a failed start.
      if (settings.success && /^\d+$/.test(key)) byAccount.set(Number(key), settings.data);
    }
  }
  return {
    read: async (accountId) => byAccount.get(accountId) ?? null,
    write: async (accountId, settings) => {
      const next = new Map(byAccount).set(accountId, settings);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(Object.fromEntries(next), null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      // Only once it is on disk does this copy answer with it.
      byAccount.set(accountId, settings);
    },
  };
}

/** The file's content, or nothing when it is not JSON (written whole, so only a hand edit can break it). */
function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const redisKey = (accountId: number) => `callboard:sending-settings:${accountId}`;

/** Several copies: one Redis key per account, no expiry. Redis down fails the request (502), never the defaults. */
export function sharedSendingSettings(store: SharedStore): SendingSettingsStore {
  return {
    read: async (accountId) => {
      const text = await unavailableOnFailure(store.client.get(redisKey(accountId)));
      if (text === null) return null;
      const settings = sendingSettingsSchema.safeParse(JSON.parse(text));
      return settings.success ? settings.data : null;
    },
    write: async (accountId, settings) => {
      await unavailableOnFailure(store.client.set(redisKey(accountId), JSON.stringify(settings)));
    },
  };
}

export class SettingsStoreUnavailable extends Error {
  override name = 'SettingsStoreUnavailable';
}

/** ioredis fails at once while Redis is down (commands are never queued: shared-store.ts). */
async function unavailableOnFailure<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch {
    throw new SettingsStoreUnavailable('The shared store cannot be reached.');
  }
}

/** The session's account: from GET /v1/account (documented), remembered per AuthToken. */
function accountIdReader(upstream: Upstream) {
  const byToken = new Map<string, number>();
  return async (session: SessionData): Promise<number | 'token-refused' | 'unknown'> => {
    const known = byToken.get(session.token);
    if (known !== undefined) return known;
    const url = upstream.resolve('/v1/account')!;
    const response = await upstream.send({ method: 'GET', path: url.pathname, token: session.token }, url);
    if (response.status === 401) {
      await response.body?.cancel();
      return 'token-refused';
    }
    const account = accountSchema.pick({ AccountID: true }).safeParse(response.ok ? await response.json().catch(() => null) : null);
    if (!response.ok) await response.body?.cancel();
    if (!account.success) return 'unknown';
    // Bounded: tokens of ended sessions are forgotten oldest first.
    if (byToken.size >= 10_000) byToken.delete(byToken.keys().next().value!);
    byToken.set(session.token, account.data.AccountID);
    return account.data.AccountID;
  };
}

/** /api/sending-settings: GET for every signed-in user, PUT for master users only. */
export function sendingSettingsRoutes({ upstream, sessions, store }: { upstream: Upstream; sessions: Sessions; store: SendingSettingsStore }) {
  const accountOf = accountIdReader(upstream);
  const currentUser = currentUserReader({ upstream, sessions });

  async function withAccount(c: Context, then: (accountId: number) => Promise<Response>): Promise<Response> {
    const session = sessions.read(c);
    if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
    try {
      const accountId = await accountOf(session);
      if (accountId === 'token-refused') {
        sessions.clear(c);
        return errorResponse(c, 'NotLoggedIn', 'Your session has ended. Log in again.');
      }
      if (accountId === 'unknown') return errorResponse(c, 'UpstreamError', 'The Call-Em-All API did not say which account this is.');
      return await then(accountId);
    } catch (error) {
      if (error instanceof SettingsStoreUnavailable) return errorResponse(c, 'UpstreamUnavailable', 'Our server cannot reach its shared store. Try again in a moment.');
      return failureResponse(c, error);
    }
  }

  return new Hono()
    .get('/', (c) => withAccount(c, async (accountId) => c.json((await store.read(accountId)) ?? defaultSendingSettings)))
    .put('/', (c) =>
      withAccount(c, async (accountId) => {
        const current = await currentUser(c);
        if ('signedOut' in current) return errorResponse(c, 'NotLoggedIn', current.signedOut);
        // Our server decides here, not the API: only a user the API names a master user may change them (decision 0184).
        if (current.user.IsMasterUser !== true) {
          return errorResponse(c, 'PermissionDenied', 'Only a master user can change the sending settings.');
        }
        const input = sendingSettingsSchema.safeParse(await c.req.json().catch(() => null));
        if (!input.success) {
          const message = input.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
          return errorResponse(c, 'ValidationFailed', message || 'Send LocalSendingStart, LocalSendingEnd and UndoWindowSeconds.');
        }
        await store.write(accountId, input.data);
        return c.json(input.data);
      }),
    );
}

