import { randomBytes } from 'node:crypto';
import type { BroadcastCreateInput, BroadcastType } from '../../../src/contract/broadcast.ts';
import { surveyInputSchema, type SkippedNumbers, type SurveyInput } from '../../../src/contract/broadcast-plan.ts';
import type { FailedContact } from '../../../src/contract/draft-broadcast.ts';
import { callCredits, maxCreditCost } from '../../../src/contract/credits.ts';
import { countSegments } from '../../../src/contract/sms-segments.ts';
import { hasMergeFields, isMergeField, mergeFieldNames, mergeFields, personalise } from '../../../src/contract/merge-fields.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { parseWith } from '../http/json-body.ts';
import type { UserRow } from '../model/users.ts';
import { USER_COLUMNS } from '../model/users.ts';
import { isLandline } from '../simulator/outcomes.ts';
import { parseStartDate } from '../time.ts';
import { finishTime, nextWindowOpening, type CallingWindow } from './calling-window.ts';
import { collectRecipients, type Recipient } from './recipients.ts';
import { estimateSpeechSeconds } from '../../../src/contract/audio.ts';

/** The sandbox's practical limit when CallThrottle is 0 ("no limit"). */
export const UNTHROTTLED_LINES = 50;
/** Minutes between a busy/no-answer call and its retry. */
export const RETRY_INTERVAL_MINUTES = 10;
/** Texts handed to the carrier per second. */
export const TEXTS_PER_SECOND = 20;

const VOICE_TYPES: ReadonlySet<BroadcastType> = new Set(['Announcement', 'Survey', 'SMSAndAnnouncement', 'SMSOrAnnouncement', 'SMSAndSurvey', 'SMSOrSurvey']);
const TEXT_TYPES: ReadonlySet<BroadcastType> = new Set(['SMS', 'SMSAndAnnouncement', 'SMSOrAnnouncement', 'SMSAndSurvey', 'SMSOrSurvey']);
const SURVEY_TYPES: ReadonlySet<BroadcastType> = new Set(['Survey', 'SMSAndSurvey', 'SMSOrSurvey']);

export interface PlannedAudio {
  /** An existing library item, or a text-to-speech message to add to the library. */
  audioId: string;
  create: { text: string; voice: string; name: string } | null;
  seconds: number;
}

export interface BroadcastPlanDetail {
  type: BroadcastType;
  name: string;
  startAt: number;
  startsOutsideWindow: boolean;
  window: CallingWindow;
  continueOnNextDay: boolean;
  callerId: string;
  retryTimes: number;
  callThrottle: number;
  maxMessageLength: number;
  audio: PlannedAudio | null;
  /** A voice broadcast created without Audio: it waits for its message to be recorded by phone (decision 0080). */
  recordByPhone: boolean;
  voicemailAudio: PlannedAudio | null;
  survey: SurveyInput | null;
  transfer: { TransferNumber: string; TransferDigit: string; TransferLines: number; TransferIntroduction?: string } | null;
  textMessage: string;
  textNumberId: number | null;
  hasCustomField: boolean;
  voice: Recipient[];
  text: Array<Recipient & { message: string }>;
  failedContacts: FailedContact[];
  skipped: SkippedNumbers;
  messageSeconds: number;
  textSegments: number;
  maxCreditCost: number;
  availableCredits: number;
  estimatedMinutes: number;
  estimatedCompletion: number | null;
  notEnoughTime: boolean;
  callingWindowIgnored: boolean;
  excludedDaysIgnored: boolean;
}

const bad = (message: string) => new SandboxError('ValidationFailed', message);

function resolveAudio(
  db: SandboxDatabase,
  user: AuthUser,
  audio: BroadcastCreateInput['Audio'],
  field: 'Audio' | 'AudioVM',
  broadcastName: string,
): PlannedAudio | null {
  if (!audio) return null;
  if ('TextToSpeech' in audio) {
    const voice = audio.Voice ?? 'Joanna';
    return {
      audioId: randomBytes(3).toString('hex'),
      create: { text: audio.Text, voice, name: audio.Name?.trim() || `${broadcastName} (text to speech)` },
      seconds: estimateSpeechSeconds(audio.Text),
    };
  }
  const row = db
    .prepare<
      [string],
      { account_id: number; owner_user_id: number; shared: number; length_seconds: number | null; tts_text: string; deleted_at: number | null }
    >('SELECT account_id, owner_user_id, shared, length_seconds, tts_text, deleted_at FROM audio WHERE audio_id = ?')
    .get(audio.AudioID);
  const visible =
    row &&
    row.account_id === user.accountId &&
    row.deleted_at === null &&
    (row.owner_user_id === user.userId || user.canSeeAllAudio || (user.canSeeGroupAudio && row.shared === 1));
  if (!visible) throw bad(`${field}: audio ${audio.AudioID} was not found.`);
  return { audioId: audio.AudioID, create: null, seconds: row.length_seconds ?? estimateSpeechSeconds(row.tts_text) };
}

/** Credits the account may still spend: its balance minus what running and scheduled broadcasts may use. */
export function availableCreditsOf(db: SandboxDatabase, accountId: number): number {
  const row = db
    .prepare<[number], { available: number }>(
      `SELECT a.call_balance - COALESCE((SELECT SUM(MAX(b.max_credit_cost - b.credits_used, 0)) FROM broadcasts b
         WHERE b.account_id = a.account_id AND b.deleted_at IS NULL
           AND b.broadcast_status IN ('AuthorizationApproved', 'InProgress', 'Paused')), 0) AS available
       FROM accounts a WHERE a.account_id = ?`,
    )
    .get(accountId);
  return Math.round((row?.available ?? 0) * 100) / 100;
}

/** The text a recipient gets: merge fields filled in from their contact. */
export function personaliseFor(template: string, recipient: Pick<Recipient, 'firstName' | 'lastName' | 'notes' | 'integrationData'>): string {
  return personalise(template, {
    FirstName: recipient.firstName,
    LastName: recipient.lastName,
    Notes: recipient.notes,
    IntegrationData: recipient.integrationData,
  });
}

/** How long the calls and texts take, in milliseconds of open calling window. */
export function estimateWorkMs(options: { calls: number; texts: number; messageSeconds: number; lines: number; retries: number }): number {
  const { calls, texts, messageSeconds, lines, retries } = options;
  // Expected attempts with a 22% busy/no-answer rate retried `retries` times, and the average line time.
  const attemptsPerNumber = Array.from({ length: retries + 1 }, (_, retry) => 0.22 ** retry).reduce((sum, part) => sum + part, 0);
  const averageLineSeconds = 0.02 * 6 + 0.98 * (0.22 * 28 + 0.3 * (14 + messageSeconds) + 0.48 * (4 + messageSeconds));
  const callMs =
    calls === 0 ? 0 : Math.max((calls * attemptsPerNumber * averageLineSeconds * 1000) / lines, retries > 0 ? retries * RETRY_INTERVAL_MINUTES * 60_000 : 0);
  const textMs = (texts * 1000) / TEXTS_PER_SECOND;
  return Math.max(callMs, textMs);
}

/**
 * Everything POST /v1/broadcasts decides before it writes anything: checks the body against the type, resolves
 * the recipients and their channels, and estimates cost and duration. Throws the documented errors.
 */
export function planBroadcast(
  db: SandboxDatabase,
  user: AuthUser,
  input: BroadcastCreateInput,
  now: number,
  /** A preview answers "who and how much" before the message is written: missing message parts are not errors. */
  mode: 'create' | 'preview' = 'create',
): BroadcastPlanDetail {
  const settings = db.prepare<[number], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_id = ?`).get(user.userId);
  if (!settings) throw new SandboxError('InvalidAuthToken', 'The user of this AuthToken no longer exists.');
  const type = input.BroadcastType;
  const hasVoice = VOICE_TYPES.has(type);
  const hasText = TEXT_TYPES.has(type);
  const name = input.BroadcastName?.trim() || `${type} ${new Date(now).toISOString().slice(0, 10)}`;

  // What each type needs.
  const audio = hasVoice ? resolveAudio(db, user, input.Audio, 'Audio', name) : null;
  // Without Audio the service accepts a voice broadcast and answers how to record the message by phone.
  const recordByPhone = hasVoice && !audio && mode === 'create';
  const voicemailAudio = hasVoice ? resolveAudio(db, user, input.AudioVM, 'AudioVM', `${name} voicemail`) : null;
  const survey = SURVEY_TYPES.has(type)
    ? input.Survey === undefined || input.Survey === null
      ? {
          Question: null,
          Options: [
            { Key: '1', Label: 'Yes' },
            { Key: '2', Label: 'No' },
          ],
        }
      : parseWith(surveyInputSchema, input.Survey)
    : null;
  const transferInput = hasVoice && input.TransferAndConnect?.IsTransfer !== false ? input.TransferAndConnect : null;
  if (transferInput && !transferInput.TransferNumber) throw bad('TransferAndConnect: TransferNumber is required.');
  const transfer = transferInput
    ? {
        TransferNumber: transferInput.TransferNumber!,
        TransferDigit: String(transferInput.TransferDigit ?? '0'),
        TransferLines: 1,
        ...(transferInput.TransferIntroduction ? { TransferIntroduction: transferInput.TransferIntroduction } : {}),
      }
    : null;
  if (transfer && !/^[0-9]$/.test(transfer.TransferDigit)) throw bad('TransferAndConnect: TransferDigit is one digit, 0 to 9.');
  if (transfer && survey?.Options.some((option) => option.Key === transfer.TransferDigit)) {
    throw bad(`TransferAndConnect: key ${transfer.TransferDigit} is already a survey answer.`);
  }

  const textMessage = input.TextMessage?.trim() ?? '';
  if (hasText && !textMessage && mode === 'create') throw bad(`TextMessage: a ${type} broadcast needs a TextMessage.`);
  const unknownFields = mergeFieldNames(textMessage).filter((field) => !isMergeField(field));
  if (unknownFields.length > 0) {
    throw bad(`TextMessage: unknown merge field {{${unknownFields[0]}}}. Use ${mergeFields.map((f) => `{{${f}}}`).join(', ')}.`);
  }
  let textNumberId: number | null = null;
  if (hasText) {
    const textNumber = input.TextNumberID
      ? db
          .prepare<[number, number], { text_number_id: number }>('SELECT text_number_id FROM text_numbers WHERE text_number_id = ? AND account_id = ?')
          .get(input.TextNumberID, user.accountId)
      : db
          .prepare<[number], { text_number_id: number }>(
            'SELECT text_number_id FROM text_numbers WHERE account_id = ? ORDER BY is_default DESC, text_number_id LIMIT 1',
          )
          .get(user.accountId);
    if (!textNumber)
      throw bad(input.TextNumberID ? `TextNumberID: text number ${input.TextNumberID} was not found.` : 'The account has no text number to send from.');
    textNumberId = textNumber.text_number_id;
  }

  // When, and inside which window.
  let startAt = now;
  if (input.StartDate) {
    const parsed = parseStartDate(input.StartDate, user.timeZone);
    if (parsed === null) throw bad(`StartDate: ${input.StartDate} is not a date like 2/1/2020 1:15PM.`);
    // A start in the past means "now", as a late scheduled send would.
    startAt = Math.max(parsed, now);
  }
  const checkWindow = input.CheckCallingWindow ?? true;
  const continueOnNextDay = input.ContinueOnNextDay ?? settings.continue_on_next_day === 1;
  const window: CallingWindow = {
    timeZone: user.timeZone,
    startMinute: settings.start_minute,
    stopMinute: settings.stop_minute,
    daysMask: settings.calling_window_days,
    enforced: checkWindow,
  };
  const retryTimes = input.RetryTimes ?? settings.retries;
  const callThrottle = input.CallThrottle ?? settings.call_throttle;
  const maxMessageLength = input.MaxMessageLength || settings.max_message_length;

  // Who gets what.
  const pool = collectRecipients(db, user, input);
  const optOuts = new Map(
    db
      .prepare<[number], { phone_number: string; do_not_call: number; do_not_text: number }>(
        'SELECT phone_number, do_not_call, do_not_text FROM opt_outs WHERE account_id = ?',
      )
      .all(user.accountId)
      .map((row) => [row.phone_number, row] as const),
  );
  const skipped: SkippedNumbers = { ...pool.skipped, OptedOut: 0, DoNotCall: 0, NotTextable: 0 };
  const voice: Recipient[] = [];
  const text: Recipient[] = [];
  for (const recipient of pool.recipients) {
    const optOut = optOuts.get(recipient.phoneNumber);
    const callable = !optOut?.do_not_call && !recipient.doNotCall;
    const textOptedOut = Boolean(optOut?.do_not_text);
    const mobile = !recipient.notTextable && !isLandline(recipient.phoneNumber);
    const wantsVoice = hasVoice && (!hasText || type.includes('And') || !mobile || textOptedOut);
    const wantsText = hasText && (!hasVoice || mobile);
    if (wantsVoice) {
      if (callable) voice.push(recipient);
      else if (optOut?.do_not_call) skipped.OptedOut += 1;
      else skipped.DoNotCall += 1;
    }
    if (wantsText) {
      if (textOptedOut) {
        if (!wantsVoice) skipped.OptedOut += 1;
      } else {
        text.push(recipient);
        if (!mobile && !hasVoice) skipped.NotTextable += 1;
      }
    }
  }
  const reachable = voice.length + text.filter((recipient) => !recipient.notTextable && !isLandline(recipient.phoneNumber)).length;
  if (reachable === 0) {
    throw new SandboxError(
      'NoValidBroadcastContacts',
      hasText && !hasVoice
        ? 'Unable to create broadcast. None of the contacts are able to receive text messages.'
        : 'Unable to create broadcast. None of the contacts can be called or texted.',
    );
  }

  // Texts with merge fields are personalised; the longest one sets the cost.
  const hasCustomField = hasMergeFields(textMessage);
  const texts = text.map((recipient) => ({ ...recipient, message: hasCustomField ? personaliseFor(textMessage, recipient) : textMessage }));
  // Without merge fields every recipient gets the same text: it is counted once, not once a recipient.
  const templateSegments = hasText ? countSegments(textMessage).segments : 0;
  const textSegments = Math.max(
    hasCustomField ? texts.reduce((most, recipient) => Math.max(most, countSegments(recipient.message).segments), templateSegments) : templateSegments,
    hasText ? 1 : 0,
  );
  // Until the message is chosen or recorded, a typical 30-second one is priced.
  const messageSeconds = audio ? Math.min(audio.seconds, maxMessageLength) : hasVoice ? Math.min(30, maxMessageLength) : 0;
  const cost = maxCreditCost(voice.length, callCredits(messageSeconds, maxMessageLength), texts.length, textSegments);
  const availableCredits = availableCreditsOf(db, user.accountId);

  // When it will be done.
  const workMs = estimateWorkMs({
    calls: voice.length,
    texts: texts.length,
    messageSeconds,
    lines: callThrottle > 0 ? Math.min(callThrottle, UNTHROTTLED_LINES) : UNTHROTTLED_LINES,
    retries: retryTimes,
  });
  const opening = nextWindowOpening(window, startAt);
  const finishSameWindow = finishTime(window, startAt, workMs, false);
  const completion = finishTime(window, startAt, workMs, continueOnNextDay);
  const allDays = (settings.calling_window_days & 0b1111111) === 0b1111111;

  return {
    type,
    name,
    startAt,
    startsOutsideWindow: opening !== startAt,
    window,
    continueOnNextDay,
    callerId: input.CallerID?.trim() || settings.caller_id,
    retryTimes,
    callThrottle,
    maxMessageLength,
    audio,
    recordByPhone,
    voicemailAudio,
    survey,
    transfer,
    textMessage,
    textNumberId,
    hasCustomField,
    voice,
    text: texts,
    failedContacts: pool.failedContacts,
    skipped,
    messageSeconds,
    textSegments,
    maxCreditCost: Math.round(cost * 100) / 100,
    availableCredits,
    estimatedMinutes: Math.max(1, Math.ceil(workMs / 60_000)),
    estimatedCompletion: completion,
    notEnoughTime: checkWindow && finishSameWindow === null,
    callingWindowIgnored: !checkWindow,
    excludedDaysIgnored: !checkWindow && !allDays,
  };
}
