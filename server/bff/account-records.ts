import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from 'hono';
import { accountSchema } from '../../src/contract/account.ts';
import type { z } from '../../src/contract/zod.ts';
import { errorResponse, failureResponse } from './errors.ts';
import type { SessionData } from './session-cookie.ts';
import type { Sessions } from './sessions.ts';
import type { SharedStore } from './shared-store.ts';
import { requestTimingOf } from './request-log.ts';
import type { RequestTiming, Upstream } from './upstream.ts';

/**
 * What our server keeps per API account because the API has no place for it (the sending settings, decision 0184;
 * broadcast groups, decision 0196): JSON values under keys that start with the account id, in memory, in one JSON
 * file in DATA_DIR, or in the store several copies share (REDIS_URL). Values are checked by whoever reads them.
 */
export interface RecordStore {
  /** The value kept under the key; undefined when there is none (or Redis holds something that is not JSON). */
  get(key: string): Promise<unknown>;
  /** Sets and removes keys together: all of it is kept, or (the store unreachable) none of it. */
  write(changes: { set?: Record<string, unknown>; remove?: string[] }): Promise<void>;
}

/** A value read with its schema; one this version cannot read counts as not kept. */
export function parsedOrNull<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function memoryRecords(): RecordStore {
  const byKey = new Map<string, unknown>();
  return {
    get: async (key) => byKey.get(key),
    write: async (changes) => applyChanges(byKey, changes),
  };
}

function applyChanges(byKey: Map<string, unknown>, { set = {}, remove = [] }: { set?: Record<string, unknown>; remove?: string[] }) {
  for (const key of remove) byKey.delete(key);
  for (const [key, value] of Object.entries(set)) byKey.set(key, value);
}

/** One small JSON file ({ key: value }), read once and replaced whole on each write (temp file + rename). */
export function fileRecords(file: string): RecordStore {
  const byKey = new Map<string, unknown>();
  if (existsSync(file)) {
    const kept = readJsonFile(file);
    // Anything but an object (a hand edit) counts as nothing kept, never a failed start.
    if (typeof kept === 'object' && kept !== null && !Array.isArray(kept)) for (const [key, value] of Object.entries(kept)) byKey.set(key, value);
  }
  return {
    get: async (key) => byKey.get(key),
    write: async (changes) => {
      const next = new Map(byKey);
      applyChanges(next, changes);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(Object.fromEntries(next), null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      // Only once it is on disk does this copy answer with it.
      applyChanges(byKey, changes);
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

/** Several copies: `callboard:<prefix>:<key>` in Redis, no expiry. Redis down fails the request (502), never a guess. */
export function sharedRecords(store: SharedStore, prefix: string): RecordStore {
  const redisKey = (key: string) => `callboard:${prefix}:${key}`;
  return {
    get: async (key) => {
      const text = await unavailableOnFailure(store.client.get(redisKey(key)));
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    write: async ({ set = {}, remove = [] }) => {
      const transaction = store.client.multi();
      for (const key of remove) transaction.del(redisKey(key));
      for (const [key, value] of Object.entries(set)) transaction.set(redisKey(key), JSON.stringify(value));
      const results = await unavailableOnFailure(transaction.exec());
      if (results === null || results.some(([error]) => error !== null)) throw new RecordStoreUnavailable('The shared store did not keep the change.');
    },
  };
}

export class RecordStoreUnavailable extends Error {
  override name = 'RecordStoreUnavailable';
}

/** ioredis fails at once while Redis is down (commands are never queued: shared-store.ts). */
async function unavailableOnFailure<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch {
    throw new RecordStoreUnavailable('The shared store cannot be reached.');
  }
}

/** The session's account: from GET /v1/account (documented), remembered per AuthToken. */
function accountIdReader(upstream: Upstream) {
  const byToken = new Map<string, number>();
  return async (session: SessionData, timing?: RequestTiming): Promise<number | 'token-refused' | 'unknown'> => {
    const known = byToken.get(session.token);
    if (known !== undefined) return known;
    const url = upstream.resolve('/v1/account')!;
    const response = await upstream.send({ method: 'GET', path: url.pathname, token: session.token, timing }, url);
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

/**
 * Runs a route for the signed-in user's API account: 401 without a session (or once the API refuses its token),
 * 502 when the API does not say which account it is or the shared store cannot be reached.
 */
export function accountScope({ upstream, sessions }: { upstream: Upstream; sessions: Sessions }) {
  const accountOf = accountIdReader(upstream);
  return async function withAccount(c: Context, then: (accountId: number) => Promise<Response>): Promise<Response> {
    const session = sessions.read(c);
    if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
    try {
      const accountId = await accountOf(session, requestTimingOf(c));
      if (accountId === 'token-refused') {
        sessions.clear(c);
        return errorResponse(c, 'NotLoggedIn', 'Your session has ended. Log in again.');
      }
      if (accountId === 'unknown') return errorResponse(c, 'UpstreamError', 'The Call-Em-All API did not say which account this is.');
      return await then(accountId);
    } catch (error) {
      if (error instanceof RecordStoreUnavailable)
        return errorResponse(c, 'UpstreamUnavailable', 'Our server cannot reach its shared store. Try again in a moment.');
      return failureResponse(c, error);
    }
  };
}

export type AccountScope = ReturnType<typeof accountScope>;

/** A body read with its schema, or the `Field: message; …` text a 400 ValidationFailed carries (as the API's). */
export async function readBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<{ data: z.output<Schema> } | { problem: string }> {
  const input = schema.safeParse(await c.req.json().catch(() => null));
  if (input.success) return { data: input.data };
  return { problem: input.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ') };
}
