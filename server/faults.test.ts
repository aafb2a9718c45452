import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactImportResultSchema, MAX_LISTED_PROBLEM_ROWS } from '../src/contract/contact-import.ts';
import { startChildServer, type ChildServer } from './testing/child-process.ts';
import { STRESS, recordFigures } from './testing/figures.ts';
import { createBrowser } from './testing/test-server.ts';

/**
 * Crashes lose nothing: our server is killed with SIGKILL in the middle of a contact import and of a running
 * broadcast, on a sandbox database file, and started again. Every row of the file ends up imported once or reported,
 * and the broadcast finishes without calling anyone more often than its retries allow.
 */

const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? (STRESS ? 100_000 : 10_000));
const BROADCAST_RECIPIENTS = Number(process.env.FAULT_BROADCAST_RECIPIENTS ?? (STRESS ? 20_000 : 3_000));
const RETRY_TIMES = 2;
/** How far along (a share of the work) each kill comes; the stress run kills three times. */
const KILL_POINTS = STRESS ? [0.25, 0.5, 0.75] : [0.4];

let dir: string;
let server: ChildServer | null = null;
/** Every server started, so none outlives the test even when one fails half-way. */
const started = new Set<ChildServer>();

/** Our server (with the embedded sandbox and its simulation) as `npm start` runs it, in its own process. */
async function startServer(clockSpeed: number): Promise<ChildServer> {
  await server?.kill('SIGKILL');
  server = await startChildServer('server/dev-api.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    SANDBOX_DB: join(dir, 'sandbox.db'),
    SANDBOX_CLOCK_SPEED: String(clockSpeed),
  });
  started.add(server);
  return server;
}

async function crash(): Promise<void> {
  const signal = await server?.kill('SIGKILL');
  server = null;
  expect(signal).toBeNull();
}

/** A read-only look at the database file, closed right after. */
function inspect<T>(read: (db: Database.Database) => T): T {
  const db = new Database(join(dir, 'sandbox.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Buys credits for the demo account, as a purchase would: the stress run's broadcast is bigger than its balance. */
function buyCredits(credits: number): void {
  const db = new Database(join(dir, 'sandbox.db'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      const { account_id: accountId } = db.prepare('SELECT account_id FROM accounts ORDER BY account_id LIMIT 1').get() as { account_id: number };
      db.prepare("INSERT INTO credit_ledger (account_id, kind, credits, created_at) VALUES (?, 'Purchase', ?, ?)").run(accountId, credits, Date.now());
      db.prepare('UPDATE accounts SET call_balance = call_balance + ? WHERE account_id = ?').run(credits, accountId);
    })();
  } finally {
    db.close();
  }
}

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Row i of the file: a valid number of its own, except every 97th (a bad number) and every 89th (row 0's again). */
function importFile(rows: number) {
  const lines = ['First Name,Last Name,Phone Number,Notes'];
  const expected = new Map<string, { first: string; last: string; notes: string }>();
  let rejected = 0;
  for (let index = 0; index < rows; index += 1) {
    const phone = `60530${String(index).padStart(5, '0')}`;
    const first = `Crash${index}`;
    const last = `Import ${index % 7}`;
    const notes = `row ${index + 2}`;
    if (index % 97 === 96) {
      lines.push(`${first},${last},555-01,${notes}`);
      rejected += 1;
    } else if (index % 89 === 88) {
      lines.push(`${first},${last},6053000000,${notes}`);
      rejected += 1;
    } else {
      lines.push(`${first},${last},${phone},${notes}`);
      expected.set(phone, { first, last, notes });
    }
  }
  return { csv: `${lines.join('\n')}\n`, expected, rejected };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-faults-'));
});
afterAll(async () => {
  for (const child of started) await child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the server', () => {
  let fileId = '';
  const file = importFile(IMPORT_ROWS);

  it(
    `during a ${IMPORT_ROWS.toLocaleString('en-US')}-row import: every row ends up imported once or reported`,
    async () => {
      let running = await startServer(1);
      let browser = createBrowser(running.url);
      await browser.login();
      const uploaded = await fetch(`${running.url}/api/v1/fileuploads?FileName=crash.csv`, {
        method: 'POST',
        headers: { cookie: browser.cookie, 'x-requested-with': 'callboard', 'content-type': 'text/csv' },
        body: file.csv,
      });
      expect(uploaded.status).toBe(200);
      fileId = ((await uploaded.json()) as { FileID: string }).FileID;

      const countImported = () => inspect((db) => db.prepare("SELECT COUNT(*) FROM contacts WHERE primary_phone LIKE '60530%'").pluck().get() as number);
      const importStarted = performance.now();
      let imported = 0;
      // Each round runs the import again (as a user would after a crash) and kills the server further along.
      for (const [round, share] of KILL_POINTS.entries()) {
        if (round > 0) {
          running = await startServer(1);
          browser = createBrowser(running.url);
          await browser.login();
        }
        const importing = browser.request('POST', '/api/v1/contacts/import', { FileID: fileId, ListID: 36 }).catch((error: unknown) => error);
        const atCrash = await waitFor('the import to be under way', () => {
          const count = countImported();
          return count >= file.expected.size * share && count;
        });
        await crash();
        expect(await importing).toBeInstanceOf(Error);
        imported = countImported();
        expect(imported).toBeGreaterThanOrEqual(atCrash);
        expect(imported).toBeLessThan(file.expected.size);
      }

      running = await startServer(1);
      browser = createBrowser(running.url);
      await browser.login();
      // The same file again finishes the work: what was imported reads Unchanged, the rest is New.
      const again = await browser.request('POST', '/api/v1/contacts/import', { FileID: fileId, ListID: 36 });
      expect(again.status).toBe(200);
      const result = contactImportResultSchema.parse(await again.json());
      const seconds = (performance.now() - importStarted) / 1000;
      expect(result.TotalRows).toBe(IMPORT_ROWS);
      expect(result.New + result.Updated + result.Unchanged + result.Rejected + result.Failed).toBe(IMPORT_ROWS);
      expect(result.Unchanged).toBe(imported);
      expect(result.New).toBe(file.expected.size - imported);
      expect(result.Rejected).toBe(file.rejected);
      expect(result.Failed).toBe(0);
      expect(result.ProblemRows).toHaveLength(Math.min(file.rejected, MAX_LISTED_PROBLEM_ROWS));
      // Every rejected row is in the download, through our server.
      const rejects = await browser.request('GET', `/api/v1/contacts/import/${fileId}/problems`);
      expect(rejects.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect((await rejects.text()).trim().split('\r\n')).toHaveLength(1 + file.rejected);

      inspect((db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db
          .prepare(
            `SELECT c.primary_phone AS phone, c.first_name AS first, c.last_name AS last, c.notes,
               EXISTS (SELECT 1 FROM list_members m WHERE m.list_id = 36 AND m.person_id = c.person_id) AS inList
             FROM contacts c WHERE c.primary_phone LIKE '60530%' AND c.deleted_at IS NULL`,
          )
          .all() as Array<{ phone: string; first: string; last: string; notes: string; inList: number }>;
        // Once each, whole, and in the list.
        expect(rows).toHaveLength(file.expected.size);
        expect(new Set(rows.map((row) => row.phone)).size).toBe(rows.length);
        for (const row of rows) {
          expect({ first: row.first, last: row.last, notes: row.notes }).toEqual(file.expected.get(row.phone));
          expect(row.inList).toBe(1);
        }
      });

      const repeat = contactImportResultSchema.parse(await (await browser.request('POST', '/api/v1/contacts/import', { FileID: fileId, ListID: 36 })).json());
      expect(repeat.New).toBe(0);
      expect(repeat.Unchanged).toBe(file.expected.size);
      await running.kill('SIGTERM');
      server = null;
      recordFigures('faults-import', {
        rows: IMPORT_ROWS,
        kills: KILL_POINTS.length,
        importedBeforeLastKill: imported,
        finishedAfterRestart: result.New,
        rejected: result.Rejected,
        failed: result.Failed,
        seconds: Math.round(seconds),
      });
    },
    STRESS ? 900_000 : 180_000,
  );

  it(
    `during a running broadcast to ${BROADCAST_RECIPIENTS.toLocaleString('en-US')} numbers: it resumes and calls no one more than its retries allow`,
    async () => {
      // Simulated time runs fast, so the broadcast is well under way within a second or two.
      const clockSpeed = STRESS ? 2000 : 600;
      let running = await startServer(clockSpeed);
      let browser = createBrowser(running.url);
      await browser.login();
      buyCredits(BROADCAST_RECIPIENTS * (RETRY_TIMES + 1));
      const phones = [...file.expected.keys()].slice(0, BROADCAST_RECIPIENTS);
      const created = await browser.request('POST', '/api/v1/broadcasts', {
        BroadcastName: 'Crash test',
        BroadcastType: 'Announcement',
        Audio: { TextToSpeech: true, Text: 'The buses run late today.' },
        Contacts: phones.map((phone) => ({ PrimaryPhone: phone })),
        RetryTimes: RETRY_TIMES,
        CallThrottle: 0,
        CheckCallingWindow: false,
      });
      expect(created.status, await created.clone().text()).toBe(200);
      const broadcastId = ((await created.json()) as { BroadcastID: number }).BroadcastID;

      const finished = (db: Database.Database) =>
        db
          .prepare("SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = ? AND status NOT IN ('Pending', 'In Progress', 'Retry Pending')")
          .pluck()
          .get(broadcastId) as number;
      let doneBeforeRestart = 0;
      for (const share of KILL_POINTS) {
        const atCrash = await waitFor('the broadcast to be under way', () => {
          const done = inspect(finished);
          return done >= BROADCAST_RECIPIENTS * share && done;
        });
        await crash();
        doneBeforeRestart = inspect(finished);
        expect(doneBeforeRestart).toBeGreaterThanOrEqual(atCrash);
        expect(doneBeforeRestart).toBeLessThan(BROADCAST_RECIPIENTS);
        running = await startServer(clockSpeed);
      }
      browser = createBrowser(running.url);
      await browser.login();
      await waitFor('the broadcast to finish', () => inspect(finished) === BROADCAST_RECIPIENTS, STRESS ? 600_000 : 120_000);
      const report = await browser.request('GET', `/api/v1/broadcasts/${broadcastId}`);
      expect(((await report.json()) as { BroadcastStatus: string }).BroadcastStatus).toBe('Complete');

      inspect((db) => {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const recipients = db
          .prepare('SELECT phone_number, status, result_category, attempts, credits, transfer_credits FROM broadcast_recipients WHERE broadcast_id = ?')
          .all(broadcastId) as Array<{
          phone_number: string;
          status: string;
          result_category: string | null;
          attempts: number;
          credits: number;
          transfer_credits: number;
        }>;
        expect(recipients).toHaveLength(BROADCAST_RECIPIENTS);
        expect(new Set(recipients.map((row) => row.phone_number)).size).toBe(BROADCAST_RECIPIENTS);
        for (const row of recipients) {
          expect(row.status).toBe('Completed');
          expect(row.attempts, row.phone_number).toBeGreaterThanOrEqual(1);
          expect(row.attempts, row.phone_number).toBeLessThanOrEqual(RETRY_TIMES + 1);
        }
        // The broadcast's counters and the credit ledger agree with the calls: nothing counted or charged twice.
        const broadcast = db
          .prepare(
            'SELECT total_completed, live_person_total, answering_machine_total, busy_no_answer_total, credits_used FROM broadcasts WHERE broadcast_id = ?',
          )
          .get(broadcastId) as Record<string, number>;
        const count = (category: string) => recipients.filter((row) => row.result_category === category).length;
        expect(broadcast.total_completed).toBe(BROADCAST_RECIPIENTS);
        expect(broadcast.live_person_total).toBe(count('Live Answer'));
        expect(broadcast.answering_machine_total).toBe(count('Answering Machine'));
        expect(broadcast.busy_no_answer_total).toBe(count('Busy/No Answer'));
        const spent = recipients.reduce((sum, row) => sum + row.credits + row.transfer_credits, 0);
        expect(broadcast.credits_used).toBeCloseTo(spent, 6);
        const ledger = db.prepare('SELECT COALESCE(SUM(credits), 0) FROM credit_ledger WHERE broadcast_id = ?').pluck().get(broadcastId) as number;
        expect(ledger).toBeCloseTo(spent, 6);
        recordFigures('faults-broadcast', {
          recipients: BROADCAST_RECIPIENTS,
          kills: KILL_POINTS.length,
          finishedBeforeLastKill: doneBeforeRestart,
          maxAttempts: Math.max(...recipients.map((row) => row.attempts)),
          retryTimes: RETRY_TIMES,
          duplicateRows: 0,
        });
      });
    },
    STRESS ? 900_000 : 180_000,
  );
});
