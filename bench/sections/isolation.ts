import { openAsBlob, statSync } from 'node:fs';
import { figure, ms, num, type Figure } from '../lib/figures.ts';
import { freshDatabase, importCsv } from '../lib/data.ts';
import { DEMO_LOGIN, serverSession } from '../lib/http.ts';
import { startProductServer, type ProductServer } from '../lib/servers.ts';
import { step } from '../lib/section.ts';
import { elapsedMs, percentile } from '../lib/stats.ts';

const AREA = '8 Heavy work beside light requests';
const IMPORT_ROWS = 600_000;
const UPLOAD_BYTES = 25 * 1024 * 1024;
const HEALTH_P99_BUDGET_MS = 50;
const IDLE_SECONDS = 5;
/** A pause between health probes, so the probes are a trickle beside the work, not load of their own. */
const PROBE_GAP_MS = 20;
/** The longest a request of the heavy work may take (the area's deadline, bench/run.ts, is the same). */
const HEAVY_REQUEST_MS = 8 * 60_000;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Probes `/api/health` one at a time until `until` settles; each probe's time from sending to the last byte. */
async function probeHealth(base: string, until: Promise<unknown>): Promise<{ samples: number[]; failures: number }> {
  let finished = false;
  until.then(
    () => (finished = true),
    () => (finished = true),
  );
  const samples: number[] = [];
  let failures = 0;
  while (!finished) {
    const started = process.hrtime.bigint();
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.ok) samples.push(elapsedMs(started));
      else failures += 1;
    } catch {
      failures += 1;
    }
    await sleep(PROBE_GAP_MS);
  }
  return { samples, failures };
}

/** Posts a file to `/api/v1/fileuploads` as the import page does (streamed from disk); its FileID. */
async function upload(server: ProductServer, session: Record<string, string>, path: string, name: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/fileuploads?FileName=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...session, 'content-type': 'text/csv' },
    body: await openAsBlob(path),
    signal: AbortSignal.timeout(HEAVY_REQUEST_MS),
  });
  if (!response.ok) throw new Error(`Upload of ${name} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return ((await response.json()) as { FileID: string }).FileID;
}

/** The first `bytes` of a CSV (cut at a line end), as a Blob to upload: a file of about that size. */
async function firstBytesOf(path: string, bytes: number): Promise<Blob> {
  const whole = await openAsBlob(path);
  const head = new Uint8Array(await whole.slice(0, Math.min(bytes, statSync(path).size)).arrayBuffer());
  return new Blob([head.subarray(0, head.lastIndexOf(10) + 1)], { type: 'text/csv' });
}

/** The 600,000-row import as the import page runs it (upload, then import), beside a 25 MB upload. */
async function heavyWork(server: ProductServer, session: Record<string, string>): Promise<{ importMs: number; uploadMs: number }> {
  const csv = importCsv(IMPORT_ROWS);
  const extra = await firstBytesOf(importCsv(IMPORT_ROWS), UPLOAD_BYTES);
  const started = process.hrtime.bigint();
  const importing = (async () => {
    const FileID = await upload(server, session, csv, `import-${IMPORT_ROWS}.csv`);
    const response = await fetch(`${server.url}/api/v1/contacts/import`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ FileID }),
      signal: AbortSignal.timeout(HEAVY_REQUEST_MS),
    });
    if (!response.ok) throw new Error(`The import failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer();
    return elapsedMs(started);
  })();
  const uploading = (async () => {
    const response = await fetch(`${server.url}/api/v1/fileuploads?FileName=extra.csv`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'text/csv' },
      body: extra,
      signal: AbortSignal.timeout(HEAVY_REQUEST_MS),
    });
    if (!response.ok) throw new Error(`The 25 MB upload failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer();
    return elapsedMs(started);
  })();
  const [importMs, uploadMs] = await Promise.all([importing, uploading]);
  return { importMs, uploadMs };
}

/**
 * Whether light requests stay quick while the sandbox does heavy work: `/api/health` (answered by our server alone)
 * probed one at a time, first with the sandbox idle, then while a 600,000-row import and a 25 MB upload run through
 * /api. It measures whatever separates the two (the sandbox's own thread, when it has one).
 */
export async function isolationSection(): Promise<Figure[]> {
  // The CSV is built before the server starts, so building it is not part of either figure.
  importCsv(IMPORT_ROWS);
  step('starting our server');
  const server = await startProductServer(freshDatabase('isolation.db'));
  try {
    const session = await serverSession(server.url, DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
    step('probing /api/health, idle');
    const idle = await probeHealth(server.url, sleep(IDLE_SECONDS * 1000));
    step('probing /api/health while the import and the upload run');
    const work = heavyWork(server, session);
    const busy = await probeHealth(server.url, work);
    const { importMs, uploadMs } = await work;
    const idleP99 = percentile(idle.samples, 0.99);
    const busyP99 = percentile(busy.samples, 0.99);
    const memory = server.memory();
    return [
      figure({
        area: AREA,
        name: `/api/health p99 while a ${num(IMPORT_ROWS)}-row import and a 25 MB upload run`,
        ours: `${ms(busyP99, 1)} (max ${ms(Math.max(...busy.samples), 0)}, ${num(busy.samples.length)} probes, ${busy.failures} failed)`,
        peer: `sandbox idle: ${ms(idleP99, 1)} (${num(idle.samples.length)} probes)`,
        ratio: `${(busyP99 / idleP99).toFixed(1)}×`,
        budget: `≤ ${HEALTH_P99_BUDGET_MS} ms`,
        pass: busy.samples.length > 0 && busy.failures === 0 && busyP99 <= HEALTH_P99_BUDGET_MS,
        raw: { idle, busy: { ...busy, p99: busyP99 }, importMs, uploadMs, serverPeakMiB: memory.peakMiB },
      }),
      figure({
        area: AREA,
        name: "that import and upload, side by side; our server's peak memory",
        ours: `import done in ${(importMs / 1000).toFixed(1)} s, upload in ${(uploadMs / 1000).toFixed(1)} s; peak RSS ${num(memory.peakMiB)} MiB`,
        raw: { importMs, uploadMs, memory },
      }),
    ];
  } finally {
    await server.stop();
  }
}
