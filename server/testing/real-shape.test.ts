import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer } from '../../src/contract/answer.ts';
import { answerRouteOf, answerRoutes, notReadAsJson } from './answer-routes.ts';
import { startChildServer, type ChildServer } from './child-process.ts';
import { fuzzEndpoints, type FuzzBody, type IdKind, type IdPool } from './fuzz/endpoints.ts';
import { FUZZ_APP_KEY, FUZZ_SECRET_KEY, logIn, signedFetch } from './fuzz/signed-fetch.ts';
import { realShapeOf } from './real-shape.ts';
import { startRealShapeUpstream, type RealShapeUpstream } from './real-shape-upstream.ts';

/**
 * The contract against the real service's shapes (docs/decisions/0093-real-shape-stand-in.md): every v1 route's
 * answer from the sandbox, rewritten as the official models allow (nullable values null, optional fields absent,
 * unknown fields, IDs as digits) in several variants, is read by the app's schema with no value left unread.
 */

const VARIANTS = 8;
const TIMEOUT_MS = 15_000;
let dir: string;
let sandbox: ChildServer;
let token = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-real-shape-'));
  sandbox = await startChildServer('server/testing/sandbox-process.ts', {
    SANDBOX_DB: join(dir, 'sandbox.db'),
    SANDBOX_APP_KEY: FUZZ_APP_KEY,
    SANDBOX_SECRET_KEY: FUZZ_SECRET_KEY,
  });
  token = await logIn(sandbox.url, { UserName: 'apitest@cea', PinCode: 'notmypwd123!!!' });
}, 120_000);

afterAll(async () => {
  await sandbox?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, path: string, body: FuzzBody | null = null) => signedFetch(sandbox.url, method, path, { token, body, timeoutMs: TIMEOUT_MS });

async function items(path: string): Promise<Array<Record<string, unknown>>> {
  const answer = await call('GET', path);
  return (JSON.parse(answer.body.toString('utf8')) as { Items: Array<Record<string, unknown>> }).Items;
}

/** Real IDs of every kind, read through the API the way the app finds them. */
async function idsNow(): Promise<IdPool> {
  const field = async (path: string, key: string) => (await items(path)).map((item) => String(item[key] ?? (item.Uri as string).split('/').pop()));
  const upload = await call('POST', '/v1/fileuploads?FileName=shape.csv', {
    kind: 'raw',
    text: 'First Name,Phone Number\nAda,6054100001\n',
    contentType: 'text/csv',
  });
  const draft = await call('POST', '/v1/draftbroadcasts', { kind: 'json', value: { Contacts: [{ PrimaryPhone: '6054100002' }] } });
  return {
    audio: await field('/v1/audio?pagesize=50', 'AudioID'),
    broadcast: await field('/v1/broadcasts?pagesize=50', 'BroadcastID'),
    contact: await field('/v1/contacts?pagesize=50', 'PersonID'),
    conversation: await field('/v1/conversations?pagesize=50', 'ConversationID'),
    draft: [String((JSON.parse(draft.body.toString('utf8')) as { DraftBroadcastID: number }).DraftBroadcastID)],
    fileUpload: [String((JSON.parse(upload.body.toString('utf8')) as { FileID: string }).FileID)],
    list: await field('/v1/lists?pagesize=50', 'ListID'),
    optedOutPhone: await field('/v1/optouts?pagesize=50', 'PhoneNumber'),
    phone: await field('/v1/contacts?pagesize=50', 'PrimaryPhone'),
    textNumber: await field('/v1/textnumbers', 'TextNumberID'),
    user: await field('/v1/account/users', 'UserID'),
  };
}

/** The query a route cannot answer without. */
async function queryFor(route: string, n: number): Promise<string> {
  if (route !== '/v1/conversations/single') return '';
  const thread = (await items('/v1/conversations?pagesize=20'))[n % 20]!;
  return `?textphonenumber=${String(thread.TextPhoneNumber)}&phonenumber=${String(thread.PhoneNumber)}`;
}

const key = (entry: { method: string; route: string }) => `${entry.method} ${entry.route}`;
// Reads first, then writes, deletes last, so each finds what it needs.
const order = { GET: 0, PUT: 1, POST: 2, DELETE: 3 } as const;

describe('answers in the real service shapes', () => {
  it('has a schema for every v1 route the sandbox answers with JSON', () => {
    const declared = fuzzEndpoints
      .filter((endpoint) => endpoint.route.startsWith('/v1/'))
      .map(key)
      .sort();
    expect([...answerRoutes.map(key), ...notReadAsJson.map(key)].sort()).toEqual(declared);
  });

  it(`reads every route's answer in ${VARIANTS} rewritten variants with nothing left unread`, async () => {
    const problems: string[] = [];
    const endpoints = [...fuzzEndpoints].filter((endpoint) => answerRouteOf(endpoint.method, endpoint.route.replace(/:[A-Za-z]+/g, '1')) !== null);
    endpoints.sort((a, b) => order[a.method] - order[b.method]);
    for (const endpoint of endpoints) {
      const entry = answerRoutes.find((candidate) => key(candidate) === key(endpoint))!;
      let answered: unknown;
      // A few real IDs in turn: a route may refuse some (pausing a finished broadcast, say).
      for (let n = 0; n < 12 && answered === undefined; n++) {
        const ids = await idsNow();
        const kinds = Object.values(endpoint.params ?? {});
        let index = 0;
        const path = endpoint.route.replace(/:[A-Za-z]+/g, () => {
          const kind = kinds[index++]!;
          if (kind === 'fileName') return `shape-${n}.mp3`;
          const pool = ids[kind as IdKind];
          return encodeURIComponent(pool[(n * 7 + index) % Math.max(1, pool.length)] ?? '1');
        });
        const answer = await call(endpoint.method, `${path}${await queryFor(endpoint.route, n)}`, endpoint.body?.(ids, 90_000 + n) ?? null);
        if (answer.status >= 200 && answer.status < 300 && /json/.test(answer.contentType)) answered = JSON.parse(answer.body.toString('utf8'));
      }
      if (answered === undefined) {
        problems.push(`${key(endpoint)}: no 2xx answer to try`);
        continue;
      }
      const strict = entry.schema.safeParse(answered);
      if (!strict.success) problems.push(`${key(endpoint)}: the sandbox's own answer breaks the schema: ${JSON.stringify(strict.error.issues.slice(0, 2))}`);
      for (let variant = 0; variant < VARIANTS; variant++) {
        const rewritten = realShapeOf(answered, entry.schema, `${variant} ${key(endpoint)}`);
        const reading = readAnswer(entry.schema, rewritten);
        if (!reading.ok) problems.push(`${key(endpoint)} variant ${variant}: unreadable: ${JSON.stringify(reading.issues.slice(0, 2))}`);
        else if (reading.oddFields.length > 0) problems.push(`${key(endpoint)} variant ${variant}: odd ${JSON.stringify(reading.oddFields)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('rewrites the same answer the same way every time, and changes it', () => {
    const broadcasts = answerRoutes.find((entry) => key(entry) === 'GET /v1/broadcasts')!;
    const answer = { Size: 1, Previous: null, Next: null, Items: [{ Uri: '/v1/broadcasts/5', BroadcastID: 5, BroadcastName: 'A', CreditsUsed: 2 }] };
    const once = realShapeOf(answer, broadcasts.schema, 'seed');
    expect(realShapeOf(answer, broadcasts.schema, 'seed')).toEqual(once);
    expect(once).not.toEqual(answer);
  });
});

describe('the stand-in upstream', () => {
  let standIn: RealShapeUpstream;
  beforeAll(async () => {
    standIn = await startRealShapeUpstream({ target: sandbox.url });
  });
  afterAll(() => standIn?.close());

  it('passes signed requests through and answers in the rewritten shape', async () => {
    const direct = await signedFetch(sandbox.url, 'GET', '/v1/broadcasts?pagesize=5', { token, timeoutMs: TIMEOUT_MS });
    const through = await signedFetch(standIn.url, 'GET', '/v1/broadcasts?pagesize=5', { token, timeoutMs: TIMEOUT_MS });
    expect(through.status).toBe(200);
    const body = JSON.parse(through.body.toString('utf8')) as unknown;
    expect(body).not.toEqual(JSON.parse(direct.body.toString('utf8')));
    const reading = readAnswer(answerRoutes.find((entry) => key(entry) === 'GET /v1/broadcasts')!.schema, body);
    expect(reading.ok && reading.oddFields).toEqual([]);
    expect(standIn.rewritten.get('GET /v1/broadcasts')).toBe(1);
  });

  it('leaves errors as they were', async () => {
    const direct = await signedFetch(sandbox.url, 'GET', '/v1/broadcasts/99999999', { token, timeoutMs: TIMEOUT_MS });
    const through = await signedFetch(standIn.url, 'GET', '/v1/broadcasts/99999999', { token, timeoutMs: TIMEOUT_MS });
    expect(through.status).toBe(direct.status);
    expect(through.body.toString()).toBe(direct.body.toString());
  });
});
