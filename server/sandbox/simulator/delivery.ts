import { callCredits, textCredits, transferCredits } from '../../../src/contract/credits.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { callingWindowOf, nextWindowOpening, windowClosing, type CallingWindow } from '../engine/calling-window.ts';
import { RETRY_INTERVAL_MINUTES, TEXTS_PER_SECOND, UNTHROTTLED_LINES } from '../engine/plan.ts';
import { RESULT_TOTALS, type BroadcastRow, type RecipientRow, type ResultTotal } from '../model/broadcasts.ts';
import type { InboundText } from '../model/inbound-texts.ts';
import { callOutcome, textOutcome, type CallContext } from './outcomes.ts';
import { scheduleEvent } from './scheduled-events.ts';

/**
 * The delivery simulator: plays each running broadcast forward on the sandbox clock, call by call and text by
 * text, honouring its call throttle, retries, calling window and ContinueOnNextDay, and pause and cancel. All of
 * its state is in the database (recipient statuses, the time of the call on each line, the broadcast's cursor), so
 * a restarted sandbox resumes exactly where it stopped, and nobody is called twice.
 */

/**
 * Events one broadcast may play per tick: a few milliseconds of work, so a huge broadcast never holds up the API's
 * requests for long. The simulator comes straight back for more (simulator.ts), between requests.
 */
const EVENTS_PER_BROADCAST = 200;
const RETRY_MS = RETRY_INTERVAL_MINUTES * 60_000;
const TEXT_SPACING_MS = 1000 / TEXTS_PER_SECOND;
const HOUR_MS = 3_600_000;

type Counter = ResultTotal | 'total_completed' | 'survey_response_total' | 'transfer_total';

/** A min-heap of calls in flight, by the time their line frees up. */
class CallsInFlight {
  private items: RecipientRow[] = [];
  get size() {
    return this.items.length;
  }
  peek(): RecipientRow | undefined {
    return this.items[0];
  }
  push(row: RecipientRow) {
    const items = this.items;
    items.push(row);
    for (let index = items.length - 1; index > 0;) {
      const parent = (index - 1) >> 1;
      if (items[parent]!.next_attempt_at! <= items[index]!.next_attempt_at!) break;
      [items[parent], items[index]] = [items[index]!, items[parent]!];
      index = parent;
    }
  }
  pop(): RecipientRow | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let index = 0; ;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && items[left]!.next_attempt_at! < items[smallest]!.next_attempt_at!) smallest = left;
        if (right < items.length && items[right]!.next_attempt_at! < items[smallest]!.next_attempt_at!) smallest = right;
        if (smallest === index) break;
        [items[smallest], items[index]] = [items[index]!, items[smallest]!];
        index = smallest;
      }
    }
    return top;
  }
}

/** What one pass over a broadcast changed, written back in one transaction. */
class Changes {
  readonly recipients = new Map<number, RecipientRow>();
  readonly counters = new Map<Counter, number>();
  readonly surveyAnswers = new Map<string, number>();
  /** Credits by kind and hour, for the account's usage. */
  readonly credits = new Map<string, { kind: string; at: number; credits: number }>();
  creditsTotal = 0;
  readonly replies: Array<{ at: number; payload: unknown }> = [];

  touch(row: RecipientRow) {
    this.recipients.set(row.seq, row);
  }
  count(counter: Counter, delta = 1) {
    this.counters.set(counter, (this.counters.get(counter) ?? 0) + delta);
  }
  /** A number's latest result changed: it moves from one total to the other. */
  result(previous: string | null, next: string) {
    if (previous === next) return;
    const from = previous === null ? undefined : RESULT_TOTALS[previous];
    const to = RESULT_TOTALS[next];
    if (from) this.count(from, -1);
    if (to) this.count(to);
  }
  spend(kind: string, at: number, credits: number) {
    if (credits <= 0) return;
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    const key = `${kind}:${hour}`;
    const entry = this.credits.get(key) ?? { kind, at: hour, credits: 0 };
    entry.credits += credits;
    this.credits.set(key, entry);
    this.creditsTotal += credits;
  }
}

interface BroadcastState {
  row: BroadcastRow;
  window: CallingWindow;
  /** Calls and texts may only start before this (the first window's close, unless ContinueOnNextDay). */
  deadline: number;
}

export function createDeliveryStep(db: SandboxDatabase) {
  const startDue = db.prepare<[number]>(
    `UPDATE broadcasts SET broadcast_status = 'InProgress', sim_cursor = start_at
     WHERE broadcast_status = 'AuthorizationApproved' AND start_at <= ? AND deleted_at IS NULL
       -- one waiting for its message to be recorded by phone starts once recorded (docs/decisions/0080-record-by-phone.md)
       AND recording_code IS NULL`,
  );
  const active = db.prepare<[], BroadcastRow>(
    `SELECT * FROM broadcasts b WHERE b.broadcast_status IN ('InProgress', 'Paused')
       OR (b.broadcast_status IN ('Canceled', 'Expired') AND EXISTS (
         SELECT 1 FROM broadcast_recipients r WHERE r.broadcast_id = b.broadcast_id AND r.status IN ('Pending', 'In Progress', 'Retry Pending')))
     ORDER BY b.broadcast_id`,
  );
  const byStatus = db.prepare<[number, string], RecipientRow>('SELECT * FROM broadcast_recipients WHERE broadcast_id = ? AND status = ? ORDER BY seq');
  const pendingAfter = db.prepare<[number, number, number], RecipientRow>(
    `SELECT * FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'Pending' AND seq > ? ORDER BY seq LIMIT ?`,
  );
  /** Recipients not yet tried, in order, read from the database a page at a time. */
  class PendingQueue {
    private page: RecipientRow[] = [];
    private lastSeq = 0;
    private exhausted = false;
    constructor(private readonly broadcastId: number) {}
    peek(): RecipientRow | undefined {
      if (this.page.length === 0 && !this.exhausted) {
        this.page = pendingAfter.all(this.broadcastId, this.lastSeq, 500);
        this.exhausted = this.page.length === 0;
        if (!this.exhausted) this.lastSeq = this.page[this.page.length - 1]!.seq;
      }
      return this.page[0];
    }
    take(): RecipientRow | undefined {
      const next = this.peek();
      this.page.shift();
      return next;
    }
    drain(): RecipientRow[] {
      const all: RecipientRow[] = [];
      for (let next = this.take(); next !== undefined; next = this.take()) all.push(next);
      return all;
    }
  }

  const optedOutOfTexts = db.prepare<[number, string], { do_not_text: number }>('SELECT do_not_text FROM opt_outs WHERE account_id = ? AND phone_number = ?');
  const notTextable = db.prepare<[number, string, string, string], { found: number }>(
    `SELECT 1 AS found FROM contacts WHERE person_id = ? AND ((primary_phone = ? AND optin_primary = 'NotTextable')
       OR (secondary_phone = ? AND optin_secondary = 'NotTextable') OR (tertiary_phone = ? AND optin_tertiary = 'NotTextable'))`,
  );
  const updateRecipient = db.prepare(
    `UPDATE broadcast_recipients SET status = @status, result_category = @result_category, attempts = @attempts,
       next_attempt_at = @next_attempt_at, last_attempt_at = @last_attempt_at, survey_result = @survey_result,
       is_transfer_initiated = @is_transfer_initiated, transfer_duration = @transfer_duration,
       transfer_credits = @transfer_credits, credits = @credits
     WHERE broadcast_id = @broadcast_id AND seq = @seq`,
  );

  function stateOf(row: BroadcastRow): BroadcastState {
    const window = callingWindowOf(row);
    let deadline = Number.POSITIVE_INFINITY;
    if (window.enforced && row.continue_on_next_day !== 1) {
      const opening = nextWindowOpening(window, row.start_at);
      deadline = opening === null ? row.start_at : windowClosing(window, opening);
    }
    return { row, window, deadline };
  }

  /** The earliest time at or after `at` inside the calling window and before the deadline, or null. */
  function startTime({ window, deadline }: BroadcastState, at: number): number | null {
    const opening = nextWindowOpening(window, at);
    return opening === null || opening >= deadline ? null : opening;
  }

  function finishCall(state: BroadcastState, changes: Changes, call: RecipientRow, context: CallContext, noRetry: boolean): 'retry' | 'done' {
    const end = call.next_attempt_at!;
    const outcome = callOutcome(call.phone_number, { ...context, attempt: call.attempts });
    changes.result(call.result_category, outcome.result);
    call.result_category = outcome.result;
    if (outcome.result === 'Busy/No Answer' && call.attempts <= state.row.retry_times && !noRetry) {
      call.status = 'Retry Pending';
      call.next_attempt_at = end + RETRY_MS;
      changes.touch(call);
      return 'retry';
    }
    call.status = 'Completed';
    call.next_attempt_at = null;
    changes.count('total_completed');
    if (outcome.result === 'Live Answer' || outcome.result === 'Answering Machine') {
      const credits = callCredits(outcome.playedSeconds, state.row.max_message_length);
      call.credits = credits;
      changes.spend('Call', end, credits);
    }
    if (outcome.surveyKey !== null) {
      call.survey_result = outcome.surveyKey;
      changes.count('survey_response_total');
      changes.surveyAnswers.set(outcome.surveyKey, (changes.surveyAnswers.get(outcome.surveyKey) ?? 0) + 1);
    }
    if (outcome.transferSeconds > 0) {
      const credits = transferCredits(outcome.transferSeconds);
      call.is_transfer_initiated = 1;
      call.transfer_duration = outcome.transferSeconds;
      call.transfer_credits = credits;
      changes.count('transfer_total');
      changes.spend('Transfer', end, credits);
    }
    changes.touch(call);
    return 'done';
  }

  /** Plays a call broadcast forward to `now`; returns the time reached and whether work is left for later. */
  function playCalls(state: BroadcastState, now: number, changes: Changes): { cursor: number; finished: number | null; more: boolean } {
    const { row } = state;
    const survey = row.survey_json ? (JSON.parse(row.survey_json) as { Options: Array<{ Key: string }> }) : null;
    const transfer = row.transfer_json ? (JSON.parse(row.transfer_json) as { TransferDigit?: string }) : null;
    const context: CallContext = {
      broadcastId: row.broadcast_id,
      attempt: 0,
      messageSeconds: row.message_seconds || Math.min(row.max_message_length, 30),
      surveyKeys: survey?.Options.map((option) => option.Key) ?? [],
      transferDigit: transfer ? (transfer.TransferDigit ?? '0') : null,
    };
    const lines = row.call_throttle > 0 ? Math.min(row.call_throttle, UNTHROTTLED_LINES) : UNTHROTTLED_LINES;
    const startsAllowed = row.broadcast_status === 'InProgress';

    const inFlight = new CallsInFlight();
    for (const call of byStatus.all(row.broadcast_id, 'In Progress')) inFlight.push(call);
    const retries = byStatus.all(row.broadcast_id, 'Retry Pending').sort((a, b) => a.next_attempt_at! - b.next_attempt_at! || a.seq - b.seq);
    const pending = new PendingQueue(row.broadcast_id);

    let cursor = row.sim_cursor ?? row.start_at;
    let lastEvent: number | null = null;
    let events = 0;
    while (events < EVENTS_PER_BROADCAST) {
      const completionAt = inFlight.peek()?.next_attempt_at ?? Number.POSITIVE_INFINITY;
      let startAt = Number.POSITIVE_INFINITY;
      let candidate: 'retry' | 'pending' | null = null;
      if (startsAllowed && inFlight.size < lines) {
        const retryDue = retries[0]?.next_attempt_at ?? Number.POSITIVE_INFINITY;
        const hasPending = pending.peek() !== undefined;
        const readyAt = retryDue <= cursor ? retryDue : hasPending ? cursor : retryDue;
        if (readyAt !== Number.POSITIVE_INFINITY) {
          const opening = startTime(state, Math.max(readyAt, cursor));
          if (opening !== null) {
            startAt = opening;
            candidate = retryDue <= startAt ? 'retry' : hasPending ? 'pending' : 'retry';
          } else if (inFlight.size === 0 && state.deadline <= now) {
            // The window closed for good: whatever waits expires.
            for (const call of [...retries.splice(0), ...pending.drain()]) expire(call, changes);
            cursor = Math.max(cursor, state.deadline);
            lastEvent = cursor;
            break;
          }
        }
      }
      const at = Math.min(completionAt, startAt);
      if (at === Number.POSITIVE_INFINITY || at > now) break;
      events += 1;
      cursor = at;
      lastEvent = at;
      if (completionAt <= startAt) {
        const call = inFlight.pop()!;
        if (finishCall(state, changes, call, context, !startsAllowed && row.broadcast_status !== 'Paused') === 'retry') {
          const index = retries.findIndex((waiting) => waiting.next_attempt_at! > call.next_attempt_at!);
          retries.splice(index === -1 ? retries.length : index, 0, call);
        }
        continue;
      }
      const call = candidate === 'retry' ? retries.shift()! : pending.take()!;
      call.attempts += 1;
      call.status = 'In Progress';
      call.last_attempt_at = at;
      call.next_attempt_at = at + callOutcome(call.phone_number, { ...context, attempt: call.attempts }).lineSeconds * 1000;
      changes.touch(call);
      inFlight.push(call);
    }

    const more = events >= EVENTS_PER_BROADCAST;
    const idle = inFlight.size === 0 && retries.length === 0 && pending.peek() === undefined;
    return { cursor: startsAllowed || more ? cursor : Math.max(cursor, now), finished: idle ? (lastEvent ?? cursor) : null, more };
  }

  function expire(recipient: RecipientRow, changes: Changes) {
    recipient.status = 'Expired';
    recipient.next_attempt_at = null;
    changes.touch(recipient);
  }

  /** Plays a text broadcast forward to `now`. */
  function playTexts(state: BroadcastState, now: number, changes: Changes): { cursor: number; finished: number | null; more: boolean } {
    const { row } = state;
    let cursor = row.sim_cursor ?? row.start_at;
    if (row.broadcast_status !== 'InProgress') return { cursor: Math.max(cursor, now), finished: null, more: false };
    let lastSeq = 0;
    let events = 0;
    for (;;) {
      const batch = pendingAfter.all(row.broadcast_id, lastSeq, 500);
      if (batch.length === 0) return { cursor, finished: cursor, more: false };
      for (const text of batch) {
        const sendAt = startTime(state, cursor);
        if (sendAt === null) {
          if (state.deadline > now) return { cursor, finished: null, more: false };
          // The window closed for good: the rest expire.
          for (const rest of [text, ...pendingAfter.all(row.broadcast_id, text.seq, 1_000_000)]) {
            rest.status = 'Expired';
            changes.touch(rest);
          }
          return { cursor: state.deadline, finished: state.deadline, more: false };
        }
        if (sendAt > now || events >= EVENTS_PER_BROADCAST) return { cursor, finished: null, more: events >= EVENTS_PER_BROADCAST };
        events += 1;
        lastSeq = text.seq;
        text.attempts = 1;
        text.last_attempt_at = sendAt;
        text.status = 'Completed';
        changes.count('total_completed');
        if (optedOutOfTexts.get(row.account_id, text.phone_number)?.do_not_text) {
          text.result_category = 'Opted Out';
        } else {
          const known = text.person_id !== null && notTextable.get(text.person_id, text.phone_number, text.phone_number, text.phone_number) !== undefined;
          const outcome = textOutcome(text.phone_number, row.broadcast_id, known);
          text.result_category = outcome.result;
          if (outcome.result !== 'Invalid') {
            const credits = textCredits(text.message_text ?? row.text_message);
            text.credits = credits;
            changes.spend('Text', sendAt, credits);
          }
          if (outcome.reply && row.text_number_id !== null) {
            const receivedAt = sendAt + outcome.reply.afterMinutes * 60_000;
            changes.replies.push({
              at: receivedAt,
              payload: {
                accountId: row.account_id,
                textNumberId: row.text_number_id,
                phoneNumber: text.phone_number,
                body: outcome.reply.body,
                receivedAt,
                broadcastId: row.broadcast_id,
              } satisfies InboundText,
            });
          }
        }
        changes.result(null, text.result_category);
        changes.touch(text);
        cursor = sendAt + TEXT_SPACING_MS;
      }
    }
  }

  /** Canceled broadcasts: whatever has not started is canceled; calls on the line finish (playCalls). */
  function cancelQueued(row: BroadcastRow, changes: Changes) {
    for (const status of ['Pending', 'Retry Pending']) {
      for (const recipient of byStatus.all(row.broadcast_id, status)) {
        recipient.status = 'Canceled';
        recipient.next_attempt_at = null;
        changes.touch(recipient);
      }
    }
  }

  function save(row: BroadcastRow, changes: Changes, cursor: number, status: string | null, completedAt: number | null) {
    db.transaction(() => {
      for (const recipient of changes.recipients.values()) updateRecipient.run(recipient);
      const sets = [...changes.counters.entries()].map(([counter]) => `${counter} = ${counter} + @${counter}`);
      let surveyJson = row.survey_responses_json;
      if (changes.surveyAnswers.size > 0) {
        const answers = surveyJson ? (JSON.parse(surveyJson) as Record<string, number>) : {};
        for (const [key, count] of changes.surveyAnswers) answers[key] = (answers[key] ?? 0) + count;
        surveyJson = JSON.stringify(Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b))));
      }
      db.prepare(
        `UPDATE broadcasts SET ${[
          ...sets,
          'credits_used = credits_used + @credits',
          'sim_cursor = @cursor',
          'survey_responses_json = @surveyJson',
          'broadcast_status = COALESCE(@status, broadcast_status)',
          'completed_at = COALESCE(completed_at, @completedAt)',
        ].join(', ')}
         WHERE broadcast_id = @id`,
      ).run({
        ...Object.fromEntries(changes.counters),
        credits: changes.creditsTotal,
        cursor,
        surveyJson,
        status,
        completedAt,
        id: row.broadcast_id,
      });
      if (changes.creditsTotal > 0) {
        db.prepare('UPDATE accounts SET call_balance = call_balance - ? WHERE account_id = ?').run(changes.creditsTotal, row.account_id);
        const ledger = db.prepare('INSERT INTO credit_ledger (account_id, broadcast_id, kind, credits, created_at) VALUES (?, ?, ?, ?, ?)');
        for (const entry of changes.credits.values()) ledger.run(row.account_id, row.broadcast_id, entry.kind, entry.credits, entry.at);
      }
      for (const reply of changes.replies) scheduleEvent(db, reply.at, 'inbound-text', reply.payload);
    })();
  }

  /** One tick: start what is due, play every active broadcast up to `now`. True when work is left over. */
  return (now: number): boolean => {
    startDue.run(now);
    let more = false;
    for (const row of active.all()) {
      const state = stateOf(row);
      const changes = new Changes();
      if (row.broadcast_status === 'Canceled' || row.broadcast_status === 'Expired') cancelQueued(row, changes);
      const played = row.channel === 'Call' ? playCalls(state, now, changes) : playTexts(state, now, changes);
      more ||= played.more;
      let status: string | null = null;
      let completedAt: number | null = null;
      if (played.finished !== null && row.broadcast_status === 'InProgress') {
        const expired = [...changes.recipients.values()].some((recipient) => recipient.status === 'Expired');
        status = expired ? 'Expired' : 'Complete';
        completedAt = played.finished;
      }
      if (changes.recipients.size > 0 || status !== null || played.cursor !== row.sim_cursor) {
        save(row, changes, played.cursor, status, completedAt);
      }
    }
    return more;
  };
}
