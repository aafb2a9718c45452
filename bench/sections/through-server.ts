import { contactsDatabase, runCopy } from '../lib/data.ts';
import { figure, ms, num, type Figure } from '../lib/figures.ts';
import { DEMO_LOGIN, load, sandboxSigner, sequential, serverSession, type Operation } from '../lib/http.ts';
import { BENCH_KEYS, startProductServer } from '../lib/servers.ts';
import { median } from '../lib/stats.ts';

const AREA = '4 Through our server';
const ADDED_P50_MS = 1;
const ROUNDS = 5;

/**
 * The contacts list through /api/v1 (session cookie, OAuth signing, forwarding) against the same call signed
 * straight to the sandbox, one client at a time, alternating in rounds so drift on a shared machine hits both.
 */
export async function throughServerSection(): Promise<Figure[]> {
  const server = await startProductServer(runCopy(contactsDatabase(), 'through-server.db'));
  try {
    const signed = await sandboxSigner(server.sandboxUrl, BENCH_KEYS).logIn(DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
    const session = await serverSession(server.url, DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
    // Plain bodies both ways: on loopback, compressing (and Node's client undoing it) would only add to both sides.
    const plain = { 'accept-encoding': 'identity' };
    const direct: Operation = { method: 'GET', path: '/v1/contacts', headers: (method, path) => ({ ...signed(method, path), ...plain }) };
    const through: Operation = { method: 'GET', path: '/api/v1/contacts', headers: () => ({ ...session, ...plain }) };
    await sequential(server.sandboxUrl, direct, { minRequests: 50, minMs: 0 });
    await sequential(server.url, through, { minRequests: 50, minMs: 0 });
    const directP50: number[] = [];
    const throughP50: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      directP50.push((await sequential(server.sandboxUrl, direct, { minRequests: 200, minMs: 0 })).p50);
      throughP50.push((await sequential(server.url, through, { minRequests: 200, minMs: 0 })).p50);
    }
    const directLoad = await load(server.sandboxUrl, direct, { seconds: 3 });
    const throughLoad = await load(server.url, through, { seconds: 3 });
    const added = median(throughP50) - median(directP50);
    return [
      figure({
        area: AREA,
        name: 'contacts page 1 via /api/v1: p50 added to the sandbox call (1 client)',
        ours: `${ms(median(throughP50), 2)} (+${ms(added, 2)})`,
        peer: `sandbox directly: ${ms(median(directP50), 2)}`,
        ratio: `+${ms(added, 2)}`,
        budget: `added p50 ≤ ${ADDED_P50_MS} ms`,
        pass: added <= ADDED_P50_MS && throughLoad.failures === 0,
        raw: { directP50, throughP50 },
      }),
      figure({
        area: AREA,
        name: 'contacts page 1 via /api/v1 at 10 connections',
        ours: `${num(throughLoad.rps)} req/s, p99 ${ms(throughLoad.p99, 0)}`,
        peer: `sandbox directly: ${num(directLoad.rps)} req/s, p99 ${ms(directLoad.p99, 0)}`,
        ratio: `${(throughLoad.rps / directLoad.rps).toFixed(2)}× req/s`,
        raw: { directLoad, throughLoad },
      }),
    ];
  } finally {
    await server.stop();
  }
}
