import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { broadcastSchema } from '../../../src/contract/broadcast.ts';
import { createSandboxHarness, type SandboxHarness } from '../../testing/sandbox-client.ts';
import { parseStartDate } from '../time.ts';
import { totalsFromRecipients } from '../model/broadcasts.ts';
import { isStopReply } from '../model/inbound-texts.ts';
import { callOutcome, textOutcome } from './outcomes.ts';

const tts = { TextToSpeech: true, Text: 'The school will close early today at noon because of the storm.', Voice: 'Joanna' };

interface RecipientResult {
  phone_number: string;
  status: string;
  result_category: string | null;
  attempts: number;
  last_attempt_at: number | null;
  credits: number;
}

const recipientsOf = (sandbox: SandboxHarness, broadcastId: number) =>
  sandbox.db
    .prepare('SELECT phone_number, status, result_category, attempts, last_attempt_at, credits FROM broadcast_recipients WHERE broadcast_id = ? ORDER BY seq')
    .all(broadcastId) as RecipientResult[];

const broadcastRow = (sandbox: SandboxHarness, broadcastId: number) =>
  sandbox.db.prepare('SELECT * FROM broadcasts WHERE broadcast_id = ?').get(broadcastId) as Record<string, number | string | null>;

/** What the rules say each number's call ends as: retried while busy, up to RetryTimes. */
function expectedCall(phone: string, broadcastId: number, retries: number, messageSeconds: number) {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = callOutcome(phone, { broadcastId, attempt, messageSeconds, surveyKeys: [], transferDigit: null });
    if (outcome.result !== 'Busy/No Answer' || attempt > retries) return { ...outcome, attempts: attempt };
  }
}

async function createAnnouncement(sandbox: SandboxHarness, body: Record<string, unknown> = {}) {
  const master = await sandbox.as();
  return broadcastSchema.parse(
    await master.json('POST', '/v1/broadcasts', { BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: 39 }], CheckCallingWindow: false, ...body }),
  );
}

describe('the delivery simulator', () => {
  it('delivers a broadcast to completion with exactly the outcomes the rules give each number', async () => {
    const sandbox = createSandboxHarness();
    const balance = () => (sandbox.db.prepare('SELECT call_balance FROM accounts').get() as { call_balance: number }).call_balance;
    const ledgerTotal = () => (sandbox.db.prepare('SELECT COALESCE(SUM(credits), 0) AS total FROM credit_ledger').get() as { total: number }).total;
    const balanceBefore = balance();
    const ledgerBefore = ledgerTotal();
    const created = await createAnnouncement(sandbox);
    sandbox.advance(24 * 60);

    const row = broadcastRow(sandbox, created.BroadcastID!);
    const recipients = recipientsOf(sandbox, created.BroadcastID!);
    const expected = recipients.map((recipient) => expectedCall(recipient.phone_number, created.BroadcastID!, 1, 6));
    const countOf = (result: string) => expected.filter((outcome) => outcome.result === result).length;
    expect(row).toMatchObject({
      broadcast_status: 'Complete',
      total_completed: recipients.length,
      live_person_total: countOf('Live Answer'),
      answering_machine_total: countOf('Answering Machine'),
      busy_no_answer_total: countOf('Busy/No Answer'),
      invalid_number_total: countOf('Invalid Number'),
      credits_used: countOf('Live Answer') + countOf('Answering Machine'),
    });
    expect(recipients.map((recipient) => [recipient.result_category, recipient.attempts])).toEqual(
      expected.map((outcome) => [outcome.result, outcome.attempts]),
    );
    expect(row.completed_at).not.toBeNull();

    // The credits left the balance and show in the account's usage (the demo's running broadcasts spend too).
    expect(balanceBefore - balance()).toBeCloseTo(ledgerTotal() - ledgerBefore, 6);
    expect(sandbox.db.prepare('SELECT SUM(credits) AS total FROM credit_ledger WHERE broadcast_id = ?').get(created.BroadcastID)).toEqual({
      total: row.credits_used,
    });

    // Reading it back through the API shows the same totals.
    const master = await sandbox.as();
    const read = await master.request('GET', `/v1/broadcasts/${created.BroadcastID}`);
    if (read.status === 200) expect(broadcastSchema.parse(await read.json()).LivePersonTotal).toBe(countOf('Live Answer'));
  });

  it("keeps the running totals equal to the recipients' latest results at every moment", async () => {
    const sandbox = createSandboxHarness();
    const created = await createAnnouncement(sandbox, { Lists: [{ ListID: 36 }], CallThrottle: 6, RetryTimes: 2 });
    for (const minutes of [3, 7, 15, 40, 600]) {
      sandbox.advance(minutes);
      const row = broadcastRow(sandbox, created.BroadcastID!);
      const totals = totalsFromRecipients(sandbox.db, created.BroadcastID!);
      expect({ ...row, credits_used: Math.round(Number(row.credits_used) * 100) / 100 }).toMatchObject(totals);
    }
  });

  it('never has more calls on the line than the call throttle allows', async () => {
    const sandbox = createSandboxHarness();
    const created = await createAnnouncement(sandbox, { CallThrottle: 3 });
    let busiest = 0;
    for (let step = 0; step < 240 && broadcastRow(sandbox, created.BroadcastID!).broadcast_status !== 'Complete'; step += 1) {
      sandbox.advance(0.25);
      const { n } = sandbox.db
        .prepare("SELECT COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'In Progress'")
        .get(created.BroadcastID) as { n: number };
      busiest = Math.max(busiest, n);
    }
    expect(busiest).toBe(3);
  });

  it('calls only inside the calling window and expires what is left when it closes', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    // 7:58 PM Central on a future Wednesday; Luke's window closes at 8 PM and ContinueOnNextDay is off.
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', {
        BroadcastType: 'Announcement',
        Audio: tts,
        Lists: [{ ListID: 34 }],
        StartDate: '1/7/2099 7:58PM',
        CallThrottle: 2,
        ContinueOnNextDay: false,
      }),
    );
    expect(created.NotEnoughTimeToComplete).toBe(true);
    const start = parseStartDate('1/7/2099 7:58PM', 'America/Chicago')!;
    sandbox.clock.advance(start - sandbox.clock.now() + 3 * 86_400_000);
    sandbox.simulator.catchUp();

    const row = broadcastRow(sandbox, created.BroadcastID!);
    const recipients = recipientsOf(sandbox, created.BroadcastID!);
    const closing = start + 2 * 60_000;
    expect(row.broadcast_status).toBe('Expired');
    expect(recipients.some((recipient) => recipient.status === 'Expired')).toBe(true);
    expect(recipients.filter((recipient) => recipient.last_attempt_at !== null).every((recipient) => recipient.last_attempt_at! < closing)).toBe(true);
    expect(row.total_completed).toBe(recipients.filter((recipient) => recipient.status === 'Completed').length);
  });

  it('continues on the next day when told to, never calling outside the window', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', {
        BroadcastType: 'Announcement',
        Audio: tts,
        Lists: [{ ListID: 37 }],
        StartDate: '1/7/2099 7:58PM',
        CallThrottle: 2,
        ContinueOnNextDay: true,
      }),
    );
    const start = parseStartDate('1/7/2099 7:58PM', 'America/Chicago')!;
    sandbox.clock.advance(start - sandbox.clock.now() + 5 * 86_400_000);
    sandbox.simulator.catchUp();
    expect(broadcastRow(sandbox, created.BroadcastID!).broadcast_status).toBe('Complete');
    const hours = recipientsOf(sandbox, created.BroadcastID!).map((recipient) => {
      const local = new Date(recipient.last_attempt_at! - 6 * 3_600_000);
      return local.getUTCHours() * 60 + local.getUTCMinutes();
    });
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(7 * 60);
    expect(Math.max(...hours)).toBeLessThan(20 * 60);
  });

  it('stops starting calls while paused and carries on after resuming', async () => {
    const sandbox = createSandboxHarness();
    const created = await createAnnouncement(sandbox, { CallThrottle: 2 });
    sandbox.advance(2);
    const attemptsAt = () =>
      (sandbox.db.prepare('SELECT SUM(attempts) AS n FROM broadcast_recipients WHERE broadcast_id = ?').get(created.BroadcastID) as { n: number }).n;
    sandbox.db.prepare("UPDATE broadcasts SET broadcast_status = 'Paused' WHERE broadcast_id = ?").run(created.BroadcastID);
    sandbox.advance(1);
    const paused = attemptsAt();
    sandbox.advance(60);
    expect(attemptsAt()).toBe(paused);
    expect(
      sandbox.db.prepare("SELECT COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'In Progress'").get(created.BroadcastID),
    ).toEqual({ n: 0 });
    sandbox.db.prepare("UPDATE broadcasts SET broadcast_status = 'InProgress' WHERE broadcast_id = ?").run(created.BroadcastID);
    sandbox.advance(24 * 60);
    expect(broadcastRow(sandbox, created.BroadcastID!).broadcast_status).toBe('Complete');
  });

  it('cancels what has not started, and lets calls on the line finish', async () => {
    const sandbox = createSandboxHarness();
    const created = await createAnnouncement(sandbox, { CallThrottle: 2 });
    sandbox.advance(1);
    sandbox.db.prepare("UPDATE broadcasts SET broadcast_status = 'Canceled' WHERE broadcast_id = ?").run(created.BroadcastID);
    sandbox.advance(60);
    const statuses = new Set(recipientsOf(sandbox, created.BroadcastID!).map((recipient) => recipient.status));
    expect([...statuses].sort()).toEqual(['Canceled', 'Completed']);
    expect(broadcastRow(sandbox, created.BroadcastID!).broadcast_status).toBe('Canceled');
  });

  describe('across a restart', () => {
    const folder = mkdtempSync(join(tmpdir(), 'callboard-sim-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('resumes where it was without calling anyone twice', async () => {
      const path = join(folder, 'sandbox.db');
      const first = createSandboxHarness({ databasePath: path });
      const created = await createAnnouncement(first, { CallThrottle: 4, Lists: [{ ListID: 36 }] });
      first.advance(5);
      const midway = recipientsOf(first, created.BroadcastID!);
      expect(midway.some((recipient) => recipient.status === 'In Progress' || recipient.status === 'Pending')).toBe(true);
      first.db.close();

      const second = createSandboxHarness({ databasePath: path });
      second.advance(24 * 60);
      const finished = recipientsOf(second, created.BroadcastID!);
      // Each number ends exactly as one uninterrupted run would have it: no extra attempts, no second call.
      expect(finished.map((recipient) => [recipient.result_category, recipient.attempts])).toEqual(
        finished.map((recipient) => {
          const outcome = expectedCall(recipient.phone_number, created.BroadcastID!, 1, 6);
          return [outcome.result, outcome.attempts];
        }),
      );
      expect(broadcastRow(second, created.BroadcastID!).total_completed).toBe(finished.length);
      second.db.close();
    });
  });

  it('texts, files replies as conversations, and a STOP keeps the number out of the next broadcast', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', {
        BroadcastType: 'SMS',
        TextMessage: 'Hi {{FirstName}}, practice is moved to 5 PM.',
        Lists: [{ ListID: 34 }],
        CheckCallingWindow: false,
      }),
    );
    sandbox.advance(3 * 60);
    const row = broadcastRow(sandbox, created.BroadcastID!);
    const recipients = recipientsOf(sandbox, created.BroadcastID!);
    // Replies come from delivered texts only; keyword replies (not "stop please") opt the number out.
    const expected = recipients.map((recipient) =>
      recipient.result_category === 'Delivered'
        ? textOutcome(recipient.phone_number, created.BroadcastID!)
        : { result: recipient.result_category, reply: null },
    );
    const replies = expected.filter((outcome) => outcome.reply !== null);
    const stops = replies.filter((outcome) => isStopReply(outcome.reply!.body));
    expect(row).toMatchObject({ broadcast_status: 'Complete', text_replies: replies.length, text_opted_out: stops.length });
    expect(row.delivered_texts).toBe(recipients.filter((recipient) => recipient.result_category === 'Delivered').length);
    expect(stops.length).toBeGreaterThan(0);

    const stopped = recipients[expected.findIndex((outcome) => outcome === stops[0])]!.phone_number;
    const optOut = sandbox.db.prepare('SELECT do_not_text, source FROM opt_outs WHERE phone_number = ?').get(stopped);
    expect(optOut).toEqual({ do_not_text: 1, source: 'TextReply' });
    const next = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', { BroadcastType: 'SMS', TextMessage: 'Reminder', Lists: [{ ListID: 34 }], CheckCallingWindow: false }),
    );
    expect(
      sandbox.db.prepare('SELECT COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ? AND phone_number = ?').get(next.BroadcastID, stopped),
    ).toEqual({ n: 0 });
  });
});
