import Database from 'better-sqlite3';
import { join } from 'node:path';
import { copyFileSync } from 'node:fs';
import { figure, ms, num, times, type Figure } from '../lib/figures.ts';
import { contactsDatabase, jsonServerData, RUN_DIR, runCopy, SCALE } from '../lib/data.ts';
import { DEMO_LOGIN, load, sandboxSigner, sequential, type LoadResult, type Operation, type SequentialResult } from '../lib/http.ts';
import { BENCH_KEYS, PEER_PORT, startJsonServer, startProductServer } from '../lib/servers.ts';
import { step } from '../lib/section.ts';
import { median } from '../lib/stats.ts';

const AREA = '3 API at 1M';
const LIST_P99_MS = 20;
/**
 * Our list over json-server's, one client each (see oneClientRatio): 182× in a run on 2026-12-07, 188× from the
 * one-client figures of the full run of 2026-11-28. It was 500× against json-server's one-client rate with ours at
 * 10 connections, a mix that moved with the machine.
 */
const LIST_RATIO = 140;
const DEEP_P99_MS = 20;
const SEARCH_P99_MS = 100;
const READY_MS = 1000;
const RSS_MIB = 150;

/** A new, valid number for every create: area code 307, which no generated contact uses. */
function newPhoneNumbers() {
  let next = 0;
  return () => {
    let exchange = 200 + Math.floor(next / 10_000);
    if (exchange % 100 === 11) exchange += 1;
    const phone = `307${exchange}${String(next % 10_000).padStart(4, '0')}`;
    next += 1;
    return phone;
  };
}

interface Measured {
  sequential: SequentialResult;
  load: LoadResult | null;
}

/** 1-client latency, then (when one request takes under a second) 10 connections, as the yardsticks are measured. */
async function measure(base: string, operation: Operation, options: { slowPeer?: boolean } = {}): Promise<Measured> {
  const single = options.slowPeer
    ? await sequential(base, operation, { minRequests: 3, minMs: 2000, maxMs: 15_000 })
    : await sequential(base, operation, { minRequests: 20, minMs: 1000 });
  if (!(single.p50 <= 1000)) return { sequential: single, load: null };
  await load(base, operation, { seconds: 1 });
  const loaded = await load(base, operation, { seconds: 3 });
  // A peer that finishes nothing in the window at 10 connections is measured by its one-client rate instead.
  return { sequential: single, load: loaded.requests > 0 ? loaded : null };
}

/**
 * Our rate over json-server's at the same concurrency: one client each, back to back. Both are always measured so;
 * at 10 connections json-server on 1M contacts often finishes nothing in the window and was then counted at one
 * client against our 10 connections: a ratio of two concurrencies, which moved with the machine.
 */
const oneClientRatio = (ours: Measured, peer: Measured | undefined) =>
  peer && peer.sequential.count > 0 && ours.sequential.count > 0 ? peer.sequential.p50 / ours.sequential.p50 : Number.NaN;

const describePeer = (result: Measured | undefined) => {
  if (!result || result.sequential.count === 0) return '—';
  const oneClient = `1 client ${ms(result.sequential.p50, 0)}`;
  if (!result.load) return oneClient;
  return `${oneClient} (10 connections: ${num(result.load.rps, result.load.rps < 10 ? 1 : 0)} req/s, p99 ${ms(result.load.p99, 0)})`;
};

export async function apiSection(): Promise<Figure[]> {
  step('preparing the 1M database');
  const source = contactsDatabase();
  const ids = new Database(source, { readonly: true });
  const firstId = ids.prepare('SELECT MIN(person_id) FROM contacts').pluck().get() as number;
  const middleId = ids
    .prepare('SELECT person_id FROM contacts ORDER BY person_id LIMIT 1 OFFSET ?')
    .pluck()
    .get(SCALE / 2) as number;
  ids.close();

  // Start-up with the 1M database: three cold starts, time to the first answer and memory then.
  const database = runCopy(source, 'api.db');
  const startups: Array<{ readyMs: number; rssMiB: number }> = [];
  for (let run = 0; run < 3; run += 1) {
    step(`cold start ${run + 1} of 3 of our server`);
    const server = await startProductServer(database);
    startups.push({ readyMs: server.readyMs, rssMiB: server.memory().rssMiB });
    await server.stop();
  }

  step('starting our server');
  const server = await startProductServer(database);
  const figures: Figure[] = [];
  const ours = new Map<string, Measured>();
  const memory = { afterLoad: { rssMiB: Number.NaN, peakMiB: Number.NaN } };
  const phone = newPhoneNumbers();
  try {
    const signed = await sandboxSigner(server.sandboxUrl, BENCH_KEYS).logIn(DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
    const get = (path: string): Operation => ({ method: 'GET', path, headers: signed });
    const cursorPage = await fetch(`${server.sandboxUrl}/v1/contacts?page=4999`, { headers: signed('GET', '/v1/contacts?page=4999') });
    const keysetPath = ((await cursorPage.json()) as { Next: string }).Next;
    const operations: Array<[string, Operation]> = [
      ['page1', get('/v1/contacts')],
      ['deepKeyset', get(keysetPath)],
      ['deepOffset', get('/v1/contacts?page=5000')],
      ['searchPhone', get('/v1/contacts?search=214')],
      ['searchName', get('/v1/contacts?search=smith')],
      ['sorted', get('/v1/contacts?sortby=LastName')],
      ['byId', get(`/v1/contacts/${middleId}`)],
      [
        'create',
        {
          method: 'POST',
          path: '/v1/contacts',
          headers: signed,
          body: () => JSON.stringify({ FirstName: 'Ann', LastName: 'Lee', PrimaryPhone: phone(), Notes: 'bench' }),
        },
      ],
    ];
    for (const [key, operation] of operations) {
      step(`measuring our ${key}`);
      ours.set(key, await measure(server.sandboxUrl, operation));
    }
    memory.afterLoad = server.memory();
  } finally {
    await server.stop();
  }

  // json-server on the same contacts, the same operations.
  const peers = new Map<number, Map<string, Measured>>();
  const peerStartup = new Map<number, { readyMs: number; rssMiB: number }>();
  for (const size of [SCALE, 100_000]) {
    step(`starting json-server on ${size.toLocaleString('en-US')} contacts`);
    const dataFile = join(RUN_DIR, `json-server-${size}.json`);
    copyFileSync(jsonServerData(size), dataFile);
    const peer = await startJsonServer(dataFile, firstId);
    peerStartup.set(size, { readyMs: peer.readyMs, rssMiB: peer.memory().rssMiB });
    const results = new Map<string, Measured>();
    const base = `http://127.0.0.1:${PEER_PORT}`;
    const get = (path: string): Operation => ({ method: 'GET', path });
    const operations: Array<[string, Operation]> = [
      ['page1', get('/contacts?_page=1&_limit=10')],
      ['deepOffset', get('/contacts?_page=5000&_limit=10')],
      ['searchPhone', get('/contacts?PrimaryPhone_like=214&_page=1&_limit=10')],
      ['searchName', get('/contacts?LastName_like=smith&_page=1&_limit=10')],
      ['sorted', get('/contacts?_sort=LastName&_order=asc&_page=1&_limit=10')],
      ['byId', get(`/contacts/${middleId}`)],
      [
        'create',
        { method: 'POST', path: '/contacts', body: () => JSON.stringify({ FirstName: 'Ann', LastName: 'Lee', PrimaryPhone: phone(), Notes: 'bench' }) },
      ],
    ];
    try {
      for (const [key, operation] of operations) {
        step(`measuring json-server's ${key} on ${size.toLocaleString('en-US')} contacts`);
        results.set(key, await measure(base, operation, { slowPeer: true }));
      }
    } finally {
      await peer.stop();
    }
    peers.set(size, results);
  }

  const rows: Array<{ key: string; name: string; peerKey: string; budget?: { p99: number; ratio?: number } }> = [
    { key: 'page1', name: 'list, page 1 (10 rows + exact Size)', peerKey: 'page1', budget: { p99: LIST_P99_MS, ratio: LIST_RATIO } },
    { key: 'deepKeyset', name: 'deep page 5000 (Next link, keyset)', peerKey: 'deepOffset', budget: { p99: DEEP_P99_MS } },
    { key: 'deepOffset', name: 'deep page 5000 (?page=5000, OFFSET)', peerKey: 'deepOffset' },
    { key: 'searchPhone', name: 'search phone digits "214"', peerKey: 'searchPhone', budget: { p99: SEARCH_P99_MS } },
    { key: 'searchName', name: 'search name "smith"', peerKey: 'searchName', budget: { p99: SEARCH_P99_MS } },
    { key: 'sorted', name: 'sorted by last name, page 1', peerKey: 'sorted' },
    { key: 'byId', name: 'get by id', peerKey: 'byId' },
    { key: 'create', name: 'create contact', peerKey: 'create' },
  ];
  for (const row of rows) {
    const result = ours.get(row.key)!;
    const peer = peers.get(SCALE)?.get(row.peerKey);
    const small = peers.get(100_000)?.get(row.peerKey);
    const ratio = oneClientRatio(result, peer);
    const p99 = result.load?.p99 ?? Number.NaN;
    const budgets: string[] = [];
    let pass: boolean | null = null;
    if (row.budget) {
      budgets.push(`p99 ≤ ${row.budget.p99} ms`);
      pass = p99 <= row.budget.p99 && (result.load?.failures ?? 1) === 0;
      if (row.budget.ratio) {
        budgets.push(`≥ ${row.budget.ratio}× json-server (1 client each)`);
        pass = pass && ratio >= row.budget.ratio;
      }
    }
    figures.push(
      figure({
        area: AREA,
        name: row.name,
        ours: result.load
          ? `${num(result.load.rps)} req/s, p50 ${ms(result.load.p50, 0)}, p99 ${ms(p99, 0)} (1 client ${ms(result.sequential.p50, 2)})${result.load.failures ? `, ${result.load.failures} failed` : ''}`
          : `1 client ${ms(result.sequential.p50, 2)}`,
        peer: `json-server 1M: ${describePeer(peer)}; 100k: ${describePeer(small)}`,
        ratio: `${times(ratio)} req/s (1 client each)`,
        budget: budgets.join(', '),
        pass,
        raw: { ours: result, jsonServer1M: peer, jsonServer100k: small },
      }),
    );
  }
  const readyMs = median(startups.map((startup) => startup.readyMs));
  const peerReady = peerStartup.get(SCALE);
  figures.push(
    figure({
      area: AREA,
      name: 'server ready with the 1M database (median of 3)',
      ours: ms(readyMs, 0),
      peer: peerReady ? `json-server 1M: ${ms(peerReady.readyMs, 0)}` : '—',
      ratio: peerReady ? `${times(peerReady.readyMs / readyMs)} faster` : '',
      budget: `≤ ${READY_MS} ms`,
      pass: readyMs <= READY_MS,
      raw: { startups, jsonServer: Object.fromEntries(peerStartup) },
    }),
    figure({
      area: AREA,
      name: 'server memory (RSS) when ready / after the load',
      ours: `${num(median(startups.map((startup) => startup.rssMiB)))} / ${num(memory.afterLoad.rssMiB)} MiB (peak ${num(memory.afterLoad.peakMiB)})`,
      peer: peerReady ? `json-server 1M when ready: ${num(peerReady.rssMiB)} MiB` : '—',
      budget: `≤ ${RSS_MIB} MiB`,
      pass: memory.afterLoad.rssMiB <= RSS_MIB,
      raw: memory,
    }),
  );
  return figures;
}
