import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { startChildServer, type ChildServer } from '../testing/child-process.ts';
import { fuzzEndpoints, withoutPatterns, type FuzzBody, type IdPool } from '../testing/fuzz/endpoints.ts';
import { bodyOf, fuzzCase, pathOf, type FuzzCase } from '../testing/fuzz/requests.ts';
import { FUZZ_APP_KEY, FUZZ_SECRET_KEY, logIn, signedFetch, type Answer } from '../testing/fuzz/signed-fetch.ts';
import { STRESS, percentile, recordFigures } from '../testing/figures.ts';
import { errors, type ErrorName } from './http/errors.ts';

/**
 * Bad input never breaks the sandbox: property-based cases for every route — malformed JSON, wrong types, missing
 * and extra fields, huge strings, odd Unicode, SQL and HTML metacharacters, bad IDs, filters and paging — answer
 * 2xx or 4xx with the documented error body, never 5xx and never a hang; a refused request changes nothing; and the
 * database is intact afterwards. The sandbox runs in its own process on a file, so a hang or a crash is caught
 * rather than suffered, and a second connection sees every commit.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? (STRESS ? 10_000 : 500));
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_301);
const REQUEST_TIMEOUT_MS = 15_000;

let dir: string;
let sandbox: ChildServer;
let db: Database.Database;
const tokens = { master: '', limited: '' };
const MASTER = { UserName: 'apitest@cea', PinCode: 'notmypwd123!!!' };
const LIMITED = { UserName: 'han@cea', PinCode: 'kessel-run-12' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-fuzz-'));
  const databasePath = join(dir, 'sandbox.db');
  sandbox = await startChildServer('server/testing/sandbox-process.ts', {
    SANDBOX_DB: databasePath,
    SANDBOX_APP_KEY: FUZZ_APP_KEY,
    SANDBOX_SECRET_KEY: FUZZ_SECRET_KEY,
  });
  db = new Database(databasePath, { readonly: true });
  tokens.master = await logIn(sandbox.url, MASTER);
  tokens.limited = await logIn(sandbox.url, LIMITED);
  // Something for the upload and draft IDs to name from the start.
  await signedFetch(sandbox.url, 'POST', '/v1/fileuploads?FileName=fuzz.csv', {
    token: tokens.master,
    body: { kind: 'raw', text: 'First Name,Phone Number\nAda,6054000001\nBob,6054000002\nBad,123\n', contentType: 'text/csv' },
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  await signedFetch(sandbox.url, 'POST', '/v1/draftbroadcasts', {
    token: tokens.master,
    body: { kind: 'json', value: { Contacts: [{ PrimaryPhone: '6054000003' }] } },
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
}, 120_000);

/** A fresh token for `who`, after a case ended theirs. */
async function logInAgain(who: keyof typeof tokens) {
  tokens[who] = await logIn(sandbox.url, who === 'master' ? MASTER : LIMITED);
}

afterAll(async () => {
  db?.close();
  await sandbox?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const column = (sql: string) => (db.prepare(sql).pluck().all() as Array<string | number>).map(String);

/** Real IDs of every kind, as the database holds them now. */
function currentIds(): IdPool {
  return {
    audio: column('SELECT audio_id FROM audio ORDER BY audio_id LIMIT 60'),
    broadcast: column('SELECT broadcast_id FROM broadcasts ORDER BY broadcast_id DESC LIMIT 60'),
    contact: column('SELECT person_id FROM contacts ORDER BY person_id DESC LIMIT 60'),
    conversation: column('SELECT conversation_id FROM conversations ORDER BY conversation_id DESC LIMIT 60'),
    draft: column('SELECT draft_broadcast_id FROM draft_broadcasts ORDER BY draft_broadcast_id DESC LIMIT 20'),
    fileUpload: column('SELECT file_id FROM file_uploads ORDER BY created_at DESC LIMIT 20'),
    list: [...column('SELECT list_id FROM lists ORDER BY list_id'), '0', '-1', '-2', 'deleted', 'unfiled', 'everyone'],
    optedOutPhone: column('SELECT phone_number FROM opt_outs ORDER BY phone_number LIMIT 60'),
    phone: column('SELECT primary_phone FROM contacts ORDER BY person_id LIMIT 60'),
    textNumber: column('SELECT text_number_id FROM text_numbers'),
    user: column('SELECT user_id FROM users ORDER BY user_id'),
  };
}

/** Bumped by SQLite whenever another connection commits: the sandbox's writes, seen from here. */
const dataVersion = () => db.pragma('data_version', { simple: true }) as number;

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text);

const describeCase = (fuzz: FuzzCase, path: string, query: string, body: FuzzBody | null) =>
  `${fuzz.method} ${clip(`${path}${query}`, 300)} as ${fuzz.as}, body ${clip(body === null ? 'none' : body.kind === 'json' ? (JSON.stringify(body.value) ?? '') : `${body.contentType ?? 'untyped'} ${body.text.toString()}`, 300)}`;

/** Past what Node's HTTP parser (16 KB of request line and headers) or the sandbox's body limit (4 MB) reads. */
function isOversized(path: string, query: string, body: FuzzBody | null): boolean {
  const bodyBytes = body === null ? 0 : body.kind === 'json' ? Buffer.byteLength(JSON.stringify(body.value) ?? '') : Buffer.byteLength(body.text);
  return path.length + query.length > 16 * 1024 - 1024 || bodyBytes > 4 * 1024 * 1024;
}

const stillAnswering = async () => (await signedFetch(sandbox.url, 'GET', '/sandbox/clock', { token: tokens.master, timeoutMs: REQUEST_TIMEOUT_MS })).status;

/** What is wrong with an answer, or null: 5xx, or a 4xx without the documented error body and status. */
function problemWith(answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 500)}`;
  if (answer.status < 200 || (answer.status >= 300 && answer.status < 400)) return `answered ${answer.status}`;
  if (answer.status >= 400) {
    let parsed;
    try {
      parsed = apiErrorBodySchema.safeParse(JSON.parse(answer.body.toString('utf8')));
    } catch {
      return `answered ${answer.status} with a body that is not JSON: ${answer.body.toString('utf8').slice(0, 200)}`;
    }
    if (!parsed.success) return `answered ${answer.status} without the documented error body`;
    const entry = errors[parsed.data.ErrorName as ErrorName];
    if (!entry) return `answered an error name outside the catalogue: ${parsed.data.ErrorName}`;
    if (entry.status !== answer.status || entry.code !== parsed.data.ErrorCode) {
      return `answered ${answer.status} for ${parsed.data.ErrorName} (${parsed.data.ErrorCode}), which the catalogue puts at ${entry.status} (${entry.code})`;
    }
    return null;
  }
  if (/json/.test(answer.contentType)) {
    try {
      JSON.parse(answer.body.toString('utf8'));
    } catch {
      return `answered ${answer.status} with JSON that does not parse`;
    }
  }
  return null;
}

describe('the fuzz suite', () => {
  it('covers every route the sandbox declares, and nothing else', () => {
    const routesDir = join(import.meta.dirname, 'routes');
    const declared = new Set<string>();
    for (const file of readdirSync(routesDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const root = file === 'control.ts' ? '/sandbox' : '/v1';
      for (const match of readFileSync(join(routesDir, file), 'utf8').matchAll(/\.(get|post|put|delete)\(\s*'(\/[^']*)'/g)) {
        declared.add(`${match[1]!.toUpperCase()} ${root}${withoutPatterns(match[2]!)}`);
      }
    }
    const fuzzed = new Set(fuzzEndpoints.map((endpoint) => `${endpoint.method} ${endpoint.route}`));
    expect([...fuzzed].sort()).toEqual([...declared].sort());
  });
});

describe('bad input against every sandbox route', () => {
  it(
    `answers ${RUNS} generated requests with 2xx or a documented 4xx, changing nothing when it refuses`,
    async () => {
      let ids = currentIds();
      let counter = 0;
      const durations: number[] = [];
      const byStatus = new Map<number, number>();
      let slowest = { ms: 0, request: '' };
      let failure: string | null = null;
      // The cases just before a failure, in case one of them left the sandbox in a bad way.
      const recent: string[] = [];
      const fail = (message: string) => {
        failure = `${message}\nThe cases before it:\n${recent.slice(0, -1).join('\n')}`;
        return false;
      };

      // fc.check, not fc.assert: the first failure is reported as the request that caused it, short enough to read
      // (the cases hold megabytes of text), and not shrunk (the sandbox's data has moved on since).
      const details = await fc.check(
        fc.asyncProperty(fc.oneof(...fuzzEndpoints.map(fuzzCase)), async (fuzz) => {
          counter += 1;
          if (counter % 25 === 0) ids = currentIds();
          const path = pathOf(fuzz, ids);
          const query = fuzz.query.length ? `?${fuzz.query.join('&')}` : '';
          const body = bodyOf(fuzz, ids);
          const request = describeCase(fuzz, path, query, body);
          recent.push(`  ${clip(request, 400)}`);
          if (recent.length > 4) recent.shift();

          const before = dataVersion();
          let answer: Answer;
          try {
            answer = await signedFetch(sandbox.url, fuzz.method, `${path}${query}`, {
              token: tokens[fuzz.as],
              body,
              timeoutMs: REQUEST_TIMEOUT_MS,
            });
          } catch (error) {
            if ((error as Error).name === 'TimeoutError') return fail(`${request}: no answer within ${REQUEST_TIMEOUT_MS} ms`);
            // A request too big to read is refused while it is still being sent, and the socket closed under it;
            // that is an answer, as long as the sandbox is still there for the next one.
            if (!isOversized(path, query, body) || (await stillAnswering()) >= 500) {
              return fail(`${request}: ${String(error)} (${String((error as Error).cause)})\n${sandbox.output.slice(-2000)}`);
            }
            byStatus.set(0, (byStatus.get(0) ?? 0) + 1);
            return true;
          }
          durations.push(answer.ms);
          byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
          if (answer.ms > slowest.ms) slowest = { ms: answer.ms, request };

          const problem = problemWith(answer);
          if (problem) return fail(`${request}: ${problem}\n${sandbox.output.slice(-2000)}`);
          if ((answer.status >= 400 || fuzz.method === 'GET') && dataVersion() !== before) {
            return fail(`${request}: answered ${answer.status} but changed the database`);
          }
          // A case may end its own token (logout routes, a PIN change): log in again so later cases reach the routes.
          if (answer.status === 401 && answer.body.toString('utf8').includes('InvalidAuthToken')) await logInAgain(fuzz.as);
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (details.failed) throw new Error(`Case ${details.numRuns} of seed ${SEED}: ${failure ?? String(details.errorInstance)}`);

      const sorted = [...durations].sort((a, b) => a - b);
      const count = (from: number, to: number) => [...byStatus].filter(([status]) => status >= from && status < to).reduce((sum, [, n]) => sum + n, 0);
      recordFigures('fuzz', {
        cases: counter,
        seed: SEED,
        routes: fuzzEndpoints.length,
        answered2xx: count(200, 300),
        answered4xx: count(400, 500),
        answered5xx: count(500, 600),
        refusedWhileSending: byStatus.get(0) ?? 0,
        hangs: 0,
        p50Ms: Math.round(percentile(sorted, 0.5)),
        p99Ms: Math.round(percentile(sorted, 0.99)),
        slowestMs: Math.round(slowest.ms),
        slowestRequest: slowest.request.slice(0, 160),
      });
    },
    STRESS ? 3_600_000 : 600_000,
  );

  it('leaves the database intact', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The demo account and its users are still there to log in.
    expect(db.prepare('SELECT COUNT(*) FROM users WHERE user_name IN (?, ?)').pluck().get('apitest@cea', 'han@cea')).toBe(2);
  });
});
