import { join } from 'node:path';
import { contactsDatabase, runCopy, RUN_DIR } from '../lib/data.ts';
import { figure, ms, num, type Figure } from '../lib/figures.ts';
import { DEMO_LOGIN, interleaved, load, sandboxSigner, serverSession, type Operation } from '../lib/http.ts';
import { startRedis } from '../lib/redis.ts';
import { BENCH_KEYS, PEER_PORT, startProductServer, type ProductServer } from '../lib/servers.ts';
import { step } from '../lib/section.ts';
import { median } from '../lib/stats.ts';

const AREA = '4 Through our server';
const ADDED_P50_MS = 1;
const ROUNDS = 5;
const PAIRS_PER_ROUND = 300;
/**
 * Rounds run first and not counted, as a server that has run a while is: its code compiled at its top tier, its heap
 * grown to its work. Taken in turn like the counted ones, so neither server sits idle (and shrinks its heap) just
 * before its first counted round.
 */
const WARM_UP_ROUNDS = 6;
/** As production runs it: a JSON line per request on stdout (a pipe here, as under an orchestrator). */
const PRODUCTION_LOG = { LOG_LEVEL: 'info' };

interface Stoppable {
  stop(): Promise<void>;
}

/** The contacts list through /api/v1 and the same call signed straight to that server's sandbox. */
async function operations(server: ProductServer): Promise<{ direct: Operation; through: Operation }> {
  const signed = await sandboxSigner(server.sandboxUrl, BENCH_KEYS).logIn(DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
  const session = await serverSession(server.url, DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
  // Plain bodies both ways: on loopback, compressing (and Node's client undoing it) would only add to both sides.
  const plain = { 'accept-encoding': 'identity' };
  return {
    direct: { method: 'GET', path: '/v1/contacts', headers: (method, path) => ({ ...signed(method, path), ...plain }) },
    through: { method: 'GET', path: '/api/v1/contacts', headers: () => ({ ...session, ...plain }) },
  };
}

const sidesOf = (side: { server: ProductServer; direct: Operation; through: Operation }) =>
  [
    { base: side.server.sandboxUrl, operation: side.direct },
    { base: side.server.url, operation: side.through },
  ] as const;

/**
 * The contacts list through /api/v1 (session cookie, OAuth signing, forwarding, a request log line) against the same
 * call signed straight to the sandbox, one client taking the two in turn, request by request, so drift on a shared
 * machine hits both alike; once as one copy runs, once with REDIS_URL as several copies run.
 */
async function measure(started: Stoppable[]): Promise<Figure[]> {
  step('starting our server, Redis and a second server using it');
  const single = await startProductServer(runCopy(contactsDatabase(), 'through-server.db'), PRODUCTION_LOG);
  started.push(single);
  const redis = await startRedis();
  started.push(redis);
  const shared = await startProductServer(runCopy(contactsDatabase(), 'through-server-redis.db'), {
    ...PRODUCTION_LOG,
    PORT: String(PEER_PORT),
    DATA_DIR: join(RUN_DIR, 'data-redis'),
    REDIS_URL: redis.url,
  });
  started.push(shared);
  const sides = [
    { server: single, ...(await operations(single)), directP50: [] as number[], throughP50: [] as number[], failures: 0 },
    { server: shared, ...(await operations(shared)), directP50: [] as number[], throughP50: [] as number[], failures: 0 },
  ];
  for (let round = -WARM_UP_ROUNDS; round < ROUNDS; round += 1) {
    step(
      round < 0
        ? `warming up, round ${round + WARM_UP_ROUNDS + 1} of ${WARM_UP_ROUNDS}`
        : `round ${round + 1} of ${ROUNDS}: direct and through our server, in turn`,
    );
    for (const side of sides) {
      const [direct, through] = await interleaved(...sidesOf(side), PAIRS_PER_ROUND);
      if (round < 0) continue;
      side.directP50.push(direct.p50);
      side.throughP50.push(through.p50);
      // A refused request (say a session Redis could not vouch for) is quick: a run with any is no figure.
      side.failures += direct.failures + through.failures;
    }
  }
  const [one, several] = sides as [(typeof sides)[0], (typeof sides)[0]];
  step('10 connections, direct and through our server');
  const directLoad = await load(one.server.sandboxUrl, one.direct, { seconds: 3 });
  const throughLoad = await load(one.server.url, one.through, { seconds: 3 });
  // Each round's two p50s were measured side by side: the median of their differences is the added latency.
  const added = (side: typeof one) => median(side.throughP50.map((through, round) => through - side.directP50[round]!));
  const addedFigure = (side: typeof one, name: string, otherFailures: number) =>
    figure({
      area: AREA,
      name,
      ours: `${ms(median(side.throughP50), 2)} (+${ms(added(side), 2)})`,
      peer: `sandbox directly: ${ms(median(side.directP50), 2)}`,
      ratio: `+${ms(added(side), 2)}`,
      budget: `added p50 ≤ ${ADDED_P50_MS} ms`,
      pass: added(side) <= ADDED_P50_MS && side.failures + otherFailures === 0,
      raw: { directP50: side.directP50, throughP50: side.throughP50, failures: side.failures + otherFailures },
    });
  return [
    addedFigure(one, 'contacts page 1 via /api/v1: p50 added to the sandbox call (1 client, request log on)', throughLoad.failures),
    addedFigure(several, 'the same with REDIS_URL (sessions shared by several copies)', 0),
    figure({
      area: AREA,
      name: 'contacts page 1 via /api/v1 at 10 connections',
      ours: `${num(throughLoad.rps)} req/s, p99 ${ms(throughLoad.p99, 0)}`,
      peer: `sandbox directly: ${num(directLoad.rps)} req/s, p99 ${ms(directLoad.p99, 0)}`,
      ratio: `${(throughLoad.rps / directLoad.rps).toFixed(2)}× req/s`,
      raw: { directLoad, throughLoad },
    }),
  ];
}

export async function throughServerSection(): Promise<Figure[]> {
  const started: Stoppable[] = [];
  try {
    return await measure(started);
  } finally {
    // The servers before Redis.
    for (const part of started.reverse()) await part.stop();
  }
}
