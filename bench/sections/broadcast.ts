import Database from 'better-sqlite3';
import { contactsDatabase, runCopy } from '../lib/data.ts';
import { figure, ms, num, type Figure } from '../lib/figures.ts';
import { DEMO_LOGIN, load, sandboxSigner, timedRequest, type Operation } from '../lib/http.ts';
import { step } from '../lib/section.ts';
import { BENCH_KEYS, startProductServer } from '../lib/servers.ts';

const AREA = '6 A big broadcast';
const CREATE_MS = 2000;
const DETAILS_P99_MS = 20;
const SLOWDOWN = 2;
const LIST_SIZE = 50_000;
const UPLOAD_ROWS = 50_000;
const LIST_ID = 900_001;
// Simulated seconds per real second: delivery runs flat out while the API is measured.
const CLOCK_SPEED = 120;

/** Sets up a list of 50,000 of the generated contacts and the credits to reach them (setup, not measured). */
function addBigList(path: string) {
  const db = new Database(path);
  db.prepare('UPDATE accounts SET call_balance = call_balance + 1000000 WHERE account_id = 1').run();
  db.prepare(
    `INSERT INTO lists (list_id, account_id, owner_user_id, list_name, created_at, last_updated)
     VALUES (?, 1, 73312, 'Bench: 50,000 families', ?, ?)`,
  ).run(LIST_ID, Date.now(), Date.now());
  db.prepare(
    `INSERT INTO list_members (list_id, person_id, added_at)
     SELECT ?, person_id, ? FROM contacts WHERE account_id = 1 AND deleted_at IS NULL AND owner_user_id = 73312
     ORDER BY person_id LIMIT ?`,
  ).run(LIST_ID, Date.now(), LIST_SIZE);
  db.close();
}

/** 50,000 rows of new people, as a spreadsheet would hold them. */
function uploadFile(): string {
  const lines = ['First Name,Last Name,Phone Number'];
  for (let index = 0; index < UPLOAD_ROWS; index += 1) {
    lines.push(`Guest${index},Family${index % 500},406${200 + Math.floor(index / 10_000)}${String(index % 10_000).padStart(4, '0')}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function broadcastSection(): Promise<Figure[]> {
  const path = runCopy(contactsDatabase(), 'broadcast.db');
  addBigList(path);
  step('starting our server');
  const server = await startProductServer(path, { SANDBOX_CLOCK_SPEED: String(CLOCK_SPEED) });
  try {
    const base = server.sandboxUrl;
    const signed = await sandboxSigner(base, BENCH_KEYS).logIn(DEMO_LOGIN.userName, DEMO_LOGIN.pinCode);
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const result = await timedRequest(base, {
        method,
        path,
        body: text === undefined ? undefined : () => text,
        headers: (verb, target) => ({ ...signed(verb, target), ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}) }),
      });
      if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${result.text.slice(0, 300)}`);
      return { ms: result.ms, json: JSON.parse(result.text) as Record<string, unknown> };
    };

    step('uploading 50,000 rows and creating the broadcast');
    const upload = await call('POST', '/v1/fileuploads?FileName=guests.csv', uploadFile());
    const created = await call('POST', '/v1/broadcasts', {
      BroadcastName: 'Bench: 100,000 recipients',
      BroadcastType: 'SMS',
      TextMessage: 'School is closed tomorrow. Reply STOP to opt out.',
      CheckCallingWindow: false,
      Lists: [{ ListID: LIST_ID }],
      FileUploads: [{ FileID: upload.json.FileID }],
    });
    const id = Number(created.json.BroadcastID);
    const recipients = Number(created.json.PhoneNumberCount ?? Number.NaN);
    await call('POST', `/v1/broadcasts/${id}/pause`);

    const details: Operation = { method: 'GET', path: `/v1/broadcasts/${id}/details`, headers: signed };
    const contacts: Operation = { method: 'GET', path: '/v1/contacts', headers: signed };
    step('loading its details feed and the contacts list, paused');
    await load(base, details, { seconds: 1 });
    const detailsLoad = await load(base, details, { seconds: 3 });
    await load(base, contacts, { seconds: 1 });
    const idle = await load(base, contacts, { seconds: 3 });

    const progress = async () => Number((await call('GET', `/v1/broadcasts/${id}`)).json.TotalCompleted ?? 0);
    step('loading the contacts list while it delivers');
    await call('POST', `/v1/broadcasts/${id}/resume`);
    const before = await progress();
    const busy = await load(base, contacts, { seconds: 3 });
    const delivered = (await progress()) - before;
    const slowdown = busy.p99 / Math.max(idle.p99, 1);

    return [
      figure({
        area: AREA,
        name: `create a text broadcast to ${num(LIST_SIZE)} list members + a ${num(UPLOAD_ROWS)}-row upload`,
        ours: `${ms(created.ms, 0)} (${num(recipients)} recipients); the upload took ${ms(upload.ms, 0)}`,
        budget: `≤ ${CREATE_MS} ms`,
        pass: created.ms <= CREATE_MS && recipients > 0,
        raw: { createMs: created.ms, uploadMs: upload.ms, recipients },
      }),
      figure({
        area: AREA,
        name: 'its details feed, page 1, at 10 connections',
        ours: `${num(detailsLoad.rps)} req/s, p50 ${ms(detailsLoad.p50, 0)}, p99 ${ms(detailsLoad.p99, 0)}`,
        budget: `p99 ≤ ${DETAILS_P99_MS} ms`,
        pass: detailsLoad.p99 <= DETAILS_P99_MS && detailsLoad.failures === 0,
        raw: { detailsLoad },
      }),
      figure({
        area: AREA,
        name: `contacts list p99 while the simulator delivers it (clock ×${CLOCK_SPEED})`,
        ours: `p99 ${ms(busy.p99, 0)}, ${num(busy.rps)} req/s; ${num(delivered)} recipients done meanwhile`,
        peer: `paused: p99 ${ms(idle.p99, 0)}, ${num(idle.rps)} req/s`,
        ratio: `${slowdown.toFixed(2)}× p99`,
        budget: `≤ ${SLOWDOWN}× p99, delivering`,
        pass: slowdown <= SLOWDOWN && delivered > 0 && busy.failures === 0,
        raw: { idle, busy, delivered },
      }),
    ];
  } finally {
    await server.stop();
  }
}
