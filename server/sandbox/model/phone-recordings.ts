import { randomInt } from 'node:crypto';
import type { MessageRecordingInstruction } from '../../../src/contract/broadcast.ts';
import { callCredits } from '../../../src/contract/credits.ts';
import { formatPhoneNumber } from '../../../src/contract/phone-format.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { callingWindowOf, finishTime } from '../engine/calling-window.ts';
import { SandboxError } from '../http/errors.ts';
import { newAudioId } from './audio.ts';
import type { BroadcastRow } from './broadcasts.ts';

/*
 * A voice broadcast created without audio waits for its message to be recorded by phone
 * (docs/decisions/0080-record-by-phone.md): it stays Scheduled, does not call at its start time, and starts when a
 * person calls the recording line and keys in its code. The sandbox plays that person on request.
 */

/** The sandbox's recording line: a number of the 555-01xx range, which is never anyone's. */
export const RECORDING_LINE = '8665550100';

/** Longest message the line records, in seconds. */
export const MAX_RECORDING_SECONDS = 600;

/** What a broadcast waiting for its recording answers as MessageRecordingInstruction. */
export function recordingInstruction(code: string): MessageRecordingInstruction {
  return {
    PhoneNumber: RECORDING_LINE,
    RecordingCode: code,
    Instructions:
      `Call ${formatPhoneNumber(RECORDING_LINE)} from any phone, key in recording code ${code} followed by #, and record ` +
      'your message after the tone. The broadcast starts calling once the message is recorded.',
  };
}

/** A six-digit code no broadcast waiting for its recording has. */
export function newRecordingCode(db: SandboxDatabase): string {
  const taken = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM broadcasts WHERE recording_code = ?');
  for (;;) {
    const code = String(randomInt(100_000, 1_000_000));
    if (!taken.get(code)) return code;
  }
}

export interface Recorded {
  /** The broadcast the code belonged to (a combo's call half). */
  BroadcastID: number;
  AudioID: string;
  /** Seconds. */
  Length: number;
}

/**
 * Plays a person who calls the recording line, keys in `code` and records a message of `seconds`: the message goes
 * into the library, the broadcast (both halves of a combo) takes it and starts at its start time, or at once when
 * that has passed. Only the account's own codes are known.
 */
export function recordByPhone(db: SandboxDatabase, accountId: number, code: string, seconds: number, now: number): Recorded {
  return db.transaction(() => {
    const halves = db
      .prepare<[string, number], BroadcastRow>(
        `SELECT * FROM broadcasts WHERE recording_code = ? AND account_id = ? AND deleted_at IS NULL
           AND broadcast_status = 'AuthorizationApproved' ORDER BY channel`,
      )
      .all(code, accountId);
    const call = halves.find((half) => half.channel === 'Call');
    if (!call) throw new SandboxError('ResourceNotFound', `No broadcast is waiting for a recording with code ${code}.`);

    const audioId = newAudioId(db);
    db.prepare(
      `INSERT INTO audio (audio_id, account_id, owner_user_id, name, length_seconds, message_type, created_at, last_used)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      audioId,
      accountId,
      call.user_id,
      `${call.broadcast_name} (recorded by phone)`,
      seconds,
      call.survey_json ? 'SurveyLiveAnswer' : 'Announcement',
      now,
      now,
    );

    // A start that passed while it waited is now; the estimate moves with it.
    const startAt = Math.max(call.start_at, now);
    const completion = finishTime(callingWindowOf(call), startAt, call.estimated_minutes * 60_000, call.continue_on_next_day === 1);
    const messageSeconds = Math.min(seconds, call.max_message_length);
    db.prepare(
      `UPDATE broadcasts SET audio_id = ?, message_seconds = ?, max_credit_cost = ?, recording_code = NULL, start_at = ?,
         estimated_completion = ? WHERE broadcast_id = ?`,
    ).run(audioId, messageSeconds, call.phone_number_count * callCredits(messageSeconds, call.max_message_length), startAt, completion, call.broadcast_id);
    const update = db.prepare('UPDATE broadcasts SET recording_code = NULL, start_at = ?, estimated_completion = ? WHERE broadcast_id = ?');
    for (const half of halves) if (half.channel === 'Text') update.run(startAt, completion, half.broadcast_id);
    return { BroadcastID: call.broadcast_id, AudioID: audioId, Length: seconds };
  })();
}

/** Broadcasts of the account waiting for their recording, newest first (the sandbox menu offers them). */
export function waitingForRecording(db: SandboxDatabase, accountId: number): Array<{ BroadcastID: number; BroadcastName: string; RecordingCode: string }> {
  return db
    .prepare<[number], { BroadcastID: number; BroadcastName: string; RecordingCode: string }>(
      `SELECT broadcast_id AS BroadcastID, broadcast_name AS BroadcastName, recording_code AS RecordingCode FROM broadcasts
       WHERE account_id = ? AND channel = 'Call' AND recording_code IS NOT NULL AND deleted_at IS NULL
         AND broadcast_status = 'AuthorizationApproved'
       ORDER BY broadcast_id DESC LIMIT 50`,
    )
    .all(accountId);
}
