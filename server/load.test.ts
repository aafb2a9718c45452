import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './testing/child-process.ts';
import { STRESS, recordFigures } from './testing/figures.ts';
import { createBrowser } from './testing/test-server.ts';

/**
 * Load: 50 signed-in sessions browse and create through our server at once — lists, a search, a contact created and
 * edited, the account — against the embedded sandbox, with no errors. Our server runs in its own process so the
 * load does not share its event loop; p50 and p99 latency are recorded.
 */

const SESSIONS = 50;
/** The stress run loads for a time; `npm test` gives a fixed amount of work, however slow a busy machine makes it. */
const SECONDS = STRESS || process.env.LOAD_SECONDS ? Number(process.env.LOAD_SECONDS ?? 60) : null;
/** Without a time: each session goes through its requests this many times (on average: fast ones take more turns). */
const ROUNDS = 2;

let server: ChildServer;
const cookies: string[] = [];

beforeAll(async () => {
  server = await startChildServer('server/dev-api.ts', { PORT: '0', HOST: '127.0.0.1', SANDBOX_DB: ':memory:', SANDBOX_CLOCK_SPEED: '1' });
  for (let session = 0; session < SESSIONS; session += 1) {
    const browser = createBrowser(server.url);
    await browser.login();
    cookies.push(browser.cookie);
  }
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGTERM');
});

/** A new valid number per created contact: area code 606, exchanges 220–999 without the N11 ones. */
function phoneNumber(index: number): string {
  const exchanges = Array.from({ length: 780 }, (_, offset) => 220 + offset).filter((exchange) => exchange % 100 !== 11);
  return `606${exchanges[Math.floor(index / 10_000) % exchanges.length]}${String(index % 10_000).padStart(4, '0')}`;
}

describe('50 sessions at once', () => {
  it(
    `browse and create ${SECONDS === null ? `${ROUNDS} rounds each` : `for ${SECONDS} s`} without a single error`,
    async () => {
      let created = 0;
      const failures: string[] = [];
      const note = (what: string) => (status: number, body: string) => {
        if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${what}: ${status} ${body.slice(0, 200)}`);
      };

      const requestsFor = (cookie: string, session: number): autocannon.AutocannonRequest[] => {
        const headers = { cookie, accept: 'application/json' };
        const writeHeaders = { ...headers, 'content-type': 'application/json', 'x-requested-with': 'callboard' };
        const get = (path: string): autocannon.AutocannonRequest => ({ method: 'GET', path, headers, onResponse: note(`GET ${path}`) });
        return [
          get('/api/session'),
          get('/api/v1/broadcasts?page=1&pagesize=25&sortby=-CreatedDate'),
          get(`/api/v1/contacts?page=${(session % 20) + 1}&pagesize=25&sortby=LastName`),
          get('/api/v1/contacts?search=an&pagesize=25'),
          get('/api/v1/lists?pagesize=100'),
          get('/api/v1/conversations?pagesize=25&IsDone=false'),
          {
            method: 'POST',
            path: '/api/v1/contacts',
            headers: writeHeaders,
            setupRequest: (request) => {
              const index = created;
              created += 1;
              return {
                ...request,
                body: JSON.stringify({ FirstName: 'Load', LastName: `Session ${session}`, PrimaryPhone: phoneNumber(index), Lists: [{ ListID: 36 }] }),
              };
            },
            onResponse: (status, body, context) => {
              note('POST /api/v1/contacts')(status, body);
              if (status === 200) context.personId = (JSON.parse(body) as { PersonID: number }).PersonID;
            },
          },
          {
            method: 'PUT',
            headers: writeHeaders,
            body: JSON.stringify({ Notes: `Edited by session ${session}` }),
            setupRequest: (request, context) => (context.personId ? { ...request, path: `/api/v1/contacts/${String(context.personId)}` } : null),
            onResponse: note('PUT /api/v1/contacts/:id'),
          },
          get('/api/v1/account'),
          get('/api/v1/broadcasts/39586'),
          get('/api/v1/broadcasts/39586/details?pagesize=25'),
        ];
      };

      let connection = 0;
      const amount = SESSIONS * ROUNDS * requestsFor('', 0).length;
      const result = await autocannon({
        url: server.url,
        connections: SESSIONS,
        ...(SECONDS === null ? { amount } : { duration: SECONDS }),
        timeout: 30,
        setupClient: (client) => {
          const session = connection % SESSIONS;
          connection += 1;
          client.setRequests(requestsFor(cookies[session]!, session));
        },
      });

      recordFigures('load', {
        sessions: SESSIONS,
        seconds: SECONDS,
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        contactsCreated: created,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        p50Ms: result.latency.p50,
        p90Ms: result.latency.p90,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
      });
      expect(failures).toEqual([]);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      // Every kind of request was made: with the fixed amount, some session took at least ROUNDS turns, creating.
      expect(created).toBeGreaterThan(0);
      if (SECONDS === null) expect(result.requests.total).toBe(amount);
    },
    ((SECONDS ?? 60) + 120) * 1000,
  );
});
