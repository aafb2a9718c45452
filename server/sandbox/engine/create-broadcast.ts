import { callCredits } from '../../../src/contract/credits.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { newRecordingCode } from '../model/phone-recordings.ts';
import { daysToMask } from '../model/users.ts';
import type { BroadcastPlanDetail, PlannedAudio } from './plan.ts';
import type { Recipient } from './recipients.ts';

export interface CreatedBroadcast {
  /** The broadcast the create answers with: the call half of a combo, else the only one. */
  primaryId: number;
  callBroadcastId: number | null;
  textBroadcastId: number | null;
}

const MESSAGE_TYPES = { voice: 'Announcement', survey: 'SurveyLiveAnswer', voicemail: 'AnnouncementVoiceMail', surveyVoicemail: 'SurveyVoiceMail' } as const;

function storeAudio(db: SandboxDatabase, user: AuthUser, audio: PlannedAudio | null, messageType: string, now: number) {
  if (!audio) return;
  if (audio.create) {
    db.prepare(
      `INSERT INTO audio (audio_id, account_id, owner_user_id, name, length_seconds, message_type, text_to_speech, tts_text,
         voice, created_at, last_used)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ).run(audio.audioId, user.accountId, user.userId, audio.create.name, audio.seconds, messageType, audio.create.text, audio.create.voice, now, now);
  } else {
    db.prepare(
      `UPDATE audio SET last_used = ?, message_type = CASE WHEN message_type = 'NeverUsed' THEN ? ELSE message_type END
       WHERE audio_id = ?`,
    ).run(now, messageType, audio.audioId);
  }
}

/**
 * Writes a planned broadcast in one transaction: its library audio, one broadcast row per channel (a combo's two
 * halves point at each other) and one recipient row per number. Nothing is written if any part fails.
 */
export function createBroadcast(
  db: SandboxDatabase,
  user: AuthUser,
  plan: BroadcastPlanDetail,
  now: number,
  extra: { idempotencyKey?: string | null; parentBroadcastId?: number | null } = {},
): CreatedBroadcast {
  return db.transaction(() => {
    const survey = plan.survey !== null;
    storeAudio(db, user, plan.audio, survey ? MESSAGE_TYPES.survey : MESSAGE_TYPES.voice, now);
    storeAudio(db, user, plan.voicemailAudio, survey ? MESSAGE_TYPES.surveyVoicemail : MESSAGE_TYPES.voicemail, now);

    const insertBroadcast = db.prepare(`
      INSERT INTO broadcasts (account_id, user_id, broadcast_name, broadcast_type, channel, broadcast_status, created_at,
        start_at, caller_id, audio_id, audio_vm_id, retry_times, call_throttle, max_message_length, check_calling_window,
        continue_on_next_day, start_minute, stop_minute, calling_window_days, time_zone, text_message, text_number_id,
        has_custom_field, survey_json, transfer_json, max_credit_cost, phone_number_count, estimated_minutes,
        estimated_completion, not_enough_time, calling_window_ignored, excluded_days_ignored, idempotency_key,
        parent_broadcast_id, message_seconds, text_segments, recording_code)
      VALUES (@accountId, @userId, @name, @type, @channel, 'AuthorizationApproved', @now, @startAt, @callerId, @audioId,
        @audioVmId, @retryTimes, @callThrottle, @maxMessageLength, @checkWindow, @continueNextDay, @startMinute,
        @stopMinute, @days, @timeZone, @textMessage, @textNumberId, @hasCustomField, @survey, @transfer, @maxCost,
        @count, @estimatedMinutes, @estimatedCompletion, @notEnoughTime, @windowIgnored, @daysIgnored, @idempotencyKey,
        @parentId, @messageSeconds, @textSegments, @recordingCode)`);
    // Both halves of a combo wait for the recording and carry its code.
    const recordingCode = plan.recordByPhone ? newRecordingCode(db) : null;
    const common = {
      accountId: user.accountId,
      userId: user.userId,
      name: plan.name,
      type: plan.type,
      now,
      startAt: plan.startAt,
      callerId: plan.callerId,
      retryTimes: plan.retryTimes,
      callThrottle: plan.callThrottle,
      maxMessageLength: plan.maxMessageLength,
      checkWindow: plan.window.enforced ? 1 : 0,
      continueNextDay: plan.continueOnNextDay ? 1 : 0,
      startMinute: plan.window.startMinute,
      stopMinute: plan.window.stopMinute,
      days: plan.window.daysMask || daysToMask([]),
      timeZone: plan.window.timeZone,
      estimatedMinutes: plan.estimatedMinutes,
      estimatedCompletion: plan.estimatedCompletion,
      notEnoughTime: plan.notEnoughTime ? 1 : 0,
      windowIgnored: plan.callingWindowIgnored ? 1 : 0,
      daysIgnored: plan.excludedDaysIgnored ? 1 : 0,
      idempotencyKey: extra.idempotencyKey ?? null,
      parentId: extra.parentBroadcastId ?? null,
      messageSeconds: plan.messageSeconds,
      textSegments: plan.textSegments,
      recordingCode,
    };
    const voiceCost = plan.voice.length * callCredits(plan.messageSeconds, plan.maxMessageLength);
    const hasVoice = plan.audio !== null || plan.recordByPhone;
    const hasText = plan.textNumberId !== null;

    const callId = hasVoice
      ? Number(
          insertBroadcast.run({
            ...common,
            channel: 'Call',
            audioId: plan.audio?.audioId ?? null,
            audioVmId: plan.voicemailAudio?.audioId ?? null,
            textMessage: '',
            textNumberId: null,
            hasCustomField: 0,
            survey: plan.survey ? JSON.stringify(plan.survey) : null,
            transfer: plan.transfer ? JSON.stringify(plan.transfer) : null,
            maxCost: voiceCost,
            count: plan.voice.length,
          }).lastInsertRowid,
        )
      : null;
    const textId = hasText
      ? Number(
          insertBroadcast.run({
            ...common,
            channel: 'Text',
            audioId: null,
            audioVmId: null,
            textMessage: plan.textMessage,
            textNumberId: plan.textNumberId,
            hasCustomField: plan.hasCustomField ? 1 : 0,
            survey: null,
            transfer: null,
            maxCost: plan.text.length * plan.textSegments * 0.5,
            count: plan.text.length,
          }).lastInsertRowid,
        )
      : null;
    if (callId !== null && textId !== null) {
      db.prepare('UPDATE broadcasts SET call_broadcast_id = ?, text_broadcast_id = ? WHERE broadcast_id IN (?, ?)').run(callId, textId, callId, textId);
    }

    const insertRecipient = db.prepare(`
      INSERT INTO broadcast_recipients (broadcast_id, seq, phone_number, person_id, first_name, last_name, notes,
        integration_data, message_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertAll = (broadcastId: number, recipients: Array<Recipient & { message?: string }>, personalised: boolean) => {
      recipients.forEach((recipient, index) => {
        insertRecipient.run(
          broadcastId,
          index + 1,
          recipient.phoneNumber,
          recipient.personId,
          recipient.firstName,
          recipient.lastName,
          recipient.notes,
          recipient.integrationData,
          personalised ? (recipient.message ?? null) : null,
        );
      });
    };
    if (callId !== null) insertAll(callId, plan.voice, false);
    if (textId !== null) insertAll(textId, plan.text, plan.hasCustomField);

    return { primaryId: (callId ?? textId)!, callBroadcastId: callId, textBroadcastId: textId };
  })();
}
