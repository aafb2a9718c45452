import type { BroadcastDetail } from '../../../src/contract/broadcast-detail.ts';
import {
  statusCategoryOf,
  type Broadcast,
  type BroadcastAudio,
  type BroadcastSurvey,
  type BroadcastStatus,
  type BroadcastType,
  type BroadcastUser,
} from '../../../src/contract/broadcast.ts';
import type { AuthUser } from '../context.ts';
import { recordingInstruction } from './phone-recordings.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { prepareCached } from '../http/list-query.ts';
import { formatApiDate, formatApiDateOrNull } from '../time.ts';

/** One row of `broadcasts`: one channel of a broadcast (combo types have a 'Call' and a 'Text' row). */
export interface BroadcastRow {
  broadcast_id: number;
  account_id: number;
  user_id: number;
  broadcast_name: string;
  broadcast_type: BroadcastType;
  channel: 'Call' | 'Text';
  broadcast_status: BroadcastStatus;
  call_broadcast_id: number | null;
  text_broadcast_id: number | null;
  created_at: number;
  start_at: number;
  completed_at: number | null;
  caller_id: string;
  audio_id: string | null;
  audio_vm_id: string | null;
  retry_times: number;
  call_throttle: number;
  max_message_length: number;
  check_calling_window: number;
  continue_on_next_day: number;
  start_minute: number;
  stop_minute: number;
  calling_window_days: number;
  time_zone: string;
  text_message: string;
  text_number_id: number | null;
  has_custom_field: number;
  survey_json: string | null;
  transfer_json: string | null;
  credits_used: number;
  max_credit_cost: number;
  phone_number_count: number;
  estimated_minutes: number;
  estimated_completion: number | null;
  not_enough_time: number;
  calling_window_ignored: number;
  excluded_days_ignored: number;
  idempotency_key: string | null;
  parent_broadcast_id: number | null;
  paused_at: number | null;
  deleted_at: number | null;
  sim_cursor: number | null;
  message_seconds: number;
  text_segments: number;
  total_completed: number;
  live_person_total: number;
  answering_machine_total: number;
  busy_no_answer_total: number;
  invalid_number_total: number;
  survey_response_total: number;
  transfer_total: number;
  survey_responses_json: string | null;
  delivered_texts: number;
  not_delivered_texts: number;
  invalid_text_count: number;
  text_replies: number;
  text_opted_out: number;
  /** Set while the voice message waits to be recorded by phone (model/phone-recordings.ts). */
  recording_code: string | null;
}

/** Extra columns a broadcast query joins in for the response. */
export interface BroadcastRowWithJoins extends BroadcastRow {
  text_phone_number: string | null;
  user_first_name: string | null;
  user_last_name: string | null;
  user_name: string | null;
  user_is_master: number | null;
  audio_name: string | null;
  audio_vm_name: string | null;
}

/** The SELECT and FROM that produce BroadcastRowWithJoins (alias `b` for broadcasts). */
export const BROADCAST_SELECT = `b.*, tn.text_phone_number AS text_phone_number, u.first_name AS user_first_name,
  u.last_name AS user_last_name, u.user_name AS user_name, u.is_master AS user_is_master, au.name AS audio_name,
  avm.name AS audio_vm_name`;
export const BROADCAST_FROM = `broadcasts b LEFT JOIN text_numbers tn ON tn.text_number_id = b.text_number_id
  LEFT JOIN users u ON u.user_id = b.user_id LEFT JOIN audio au ON au.audio_id = b.audio_id
  LEFT JOIN audio avm ON avm.audio_id = b.audio_vm_id`;

/** Broadcasts a user may see: the account's, not deleted, and their own unless they may see all. */
export function broadcastScope(user: AuthUser, alias = 'b'): { sql: string; params: unknown[] } {
  return user.canSeeAllBroadcasts
    ? { sql: `${alias}.account_id = ? AND ${alias}.deleted_at IS NULL`, params: [user.accountId] }
    : { sql: `${alias}.account_id = ? AND ${alias}.user_id = ? AND ${alias}.deleted_at IS NULL`, params: [user.accountId, user.userId] };
}

/** Reads of broadcasts as BroadcastRowWithJoins, prepared once per database. */
export function broadcastQueries(db: SandboxDatabase) {
  const byId = db.prepare<[number], BroadcastRowWithJoins>(`SELECT ${BROADCAST_SELECT} FROM ${BROADCAST_FROM} WHERE b.broadcast_id = ?`);
  return {
    /** Any broadcast, whoever may see it: for one the caller has just created. */
    byId: (broadcastId: number): BroadcastRowWithJoins | undefined => byId.get(broadcastId),
    /** The broadcast if `user` may see it (broadcastScope). */
    visibleById(user: AuthUser, broadcastId: number): BroadcastRowWithJoins | undefined {
      const scope = broadcastScope(user);
      return prepareCached(db, `SELECT ${BROADCAST_SELECT} FROM ${BROADCAST_FROM} WHERE b.broadcast_id = ? AND ${scope.sql}`).get(
        broadcastId,
        ...scope.params,
      ) as BroadcastRowWithJoins | undefined;
    },
    /** The broadcast and, for a combo, its other half (when not deleted): acting on one acts on both. */
    halvesOf(row: BroadcastRowWithJoins): BroadcastRowWithJoins[] {
      const ids = [row.call_broadcast_id, row.text_broadcast_id].filter((id): id is number => !!id && id !== row.broadcast_id);
      if (ids.length === 0) return [row];
      const others = prepareCached(
        db,
        `SELECT ${BROADCAST_SELECT} FROM ${BROADCAST_FROM} WHERE b.broadcast_id IN (${ids.map(() => '?').join(',')})
           AND b.account_id = ? AND b.deleted_at IS NULL`,
      ).all(...ids, row.account_id) as BroadcastRowWithJoins[];
      return [row, ...others];
    },
  };
}

/** A broadcast waiting for its start (the status the API calls AuthorizationApproved). */
export const SCHEDULED: BroadcastStatus = 'AuthorizationApproved';

/**
 * Pausing, resuming, canceling and deleting broadcasts (docs/decisions/0010-broadcast-lifecycle.md,
 * 0023-stopping-broadcasts.md). Each changes every half it is given in one transaction; the caller has checked that
 * each half may take the change.
 */
export function broadcastStatusChanges(db: SandboxDatabase) {
  const setStatus = db.prepare<[BroadcastStatus, number | null, number]>('UPDATE broadcasts SET broadcast_status = ?, paused_at = ? WHERE broadcast_id = ?');
  const shiftEstimate = db.prepare<[number, number]>(
    'UPDATE broadcasts SET estimated_completion = estimated_completion + ? WHERE broadcast_id = ? AND estimated_completion IS NOT NULL',
  );
  const cancelRow = db.prepare<[number, number]>(
    `UPDATE broadcasts SET broadcast_status = 'Canceled', paused_at = NULL, completed_at = ?, estimated_completion = NULL
     WHERE broadcast_id = ?`,
  );
  const cancelRecipients = db.prepare<[number]>(
    `UPDATE broadcast_recipients SET status = 'Canceled', next_attempt_at = NULL
     WHERE broadcast_id = ? AND status IN ('Pending', 'In Progress', 'Retry Pending')`,
  );
  const markDeleted = db.prepare<[number, number]>('UPDATE broadcasts SET deleted_at = ? WHERE broadcast_id = ?');

  const cancel = (half: BroadcastRow, now: number) => {
    cancelRow.run(now, half.broadcast_id);
    cancelRecipients.run(half.broadcast_id);
  };

  return {
    pause: db.transaction((halves: readonly BroadcastRow[], now: number) => {
      for (const half of halves) setStatus.run('Paused', now, half.broadcast_id);
    }),
    resume: db.transaction((halves: readonly BroadcastRow[], now: number) => {
      for (const half of halves) {
        // A broadcast paused before its start waits for it again.
        setStatus.run(half.start_at > now ? SCHEDULED : 'InProgress', null, half.broadcast_id);
        if (half.paused_at !== null) shiftEstimate.run(now - half.paused_at, half.broadcast_id);
      }
    }),
    cancel: db.transaction((halves: readonly BroadcastRow[], now: number) => {
      for (const half of halves) cancel(half, now);
    }),
    delete: db.transaction((halves: readonly BroadcastRow[], now: number) => {
      for (const half of halves) {
        if (half.broadcast_status === SCHEDULED) cancel(half, now);
        markDeleted.run(now, half.broadcast_id);
      }
    }),
  };
}

const credits = (value: number) => Math.round(value * 100) / 100;

/**
 * The audio model as the service nests it in a broadcast: mostly null (docs/decisions/0081-broadcast-answer-models.md).
 * Ours names the message so the report can show it without reading the library.
 */
function broadcastAudio(audioId: string | null, name: string | null): BroadcastAudio | null {
  if (!audioId) return null;
  return {
    Uri: `/v1/audio/${audioId}`,
    AudioID: audioId,
    Name: name,
    Description: null,
    Favorite: null,
    Shared: null,
    Length: null,
    MessageType: null,
    ReadOnly: null,
    Created: null,
    LastUsed: null,
    TextToSpeech: null,
  };
}

/** The user model as the service nests it in a broadcast: no Uri, secrets never, the rest null but who it is. */
function broadcastUser(row: BroadcastRowWithJoins): BroadcastUser {
  return {
    PinCode: null,
    UserID: row.user_id,
    UserName: row.user_name,
    FirstName: row.user_first_name,
    LastName: row.user_last_name,
    Email: null,
    Phone: null,
    CallerID: null,
    IsMasterUser: row.user_is_master === null ? null : row.user_is_master === 1,
    AuthToken: null,
    State: null,
    Permissions: null,
  };
}

/** Credits are null until a broadcast starts, as the service answers; a started one counts from 0. */
const NOT_STARTED: ReadonlySet<BroadcastStatus> = new Set(['AuthorizationApproved']);

/** A survey's settings as created (decision 155): what was asked and what each key means. */
function surveyOf(json: string | null): BroadcastSurvey | null {
  const survey = parseJson<{ Question?: string | null; Options: Array<{ Key: string; Label: string }> }>(json);
  return survey ? { Question: survey.Question ?? null, Options: survey.Options.map(({ Key, Label }) => ({ Key, Label })) } : null;
}

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * A broadcast in the API's shape: the seed's call example for a call row, its text example for a text row.
 * Dates are written in the reading user's time zone.
 */
export function toApiBroadcast(row: BroadcastRowWithJoins, timeZone: string): Broadcast {
  const common = {
    Uri: `/v1/broadcasts/${row.broadcast_id}`,
    UriBroadcastDetails: `/v1/broadcasts/${row.broadcast_id}/details`,
    BroadcastID: row.broadcast_id,
    BroadcastName: row.broadcast_name,
    BroadcastType: row.broadcast_type,
    BroadcastStatus: row.broadcast_status,
    BroadcastStatusCategory: statusCategoryOf(row.broadcast_status),
    CreatedDate: formatApiDate(row.created_at, timeZone),
    StartDate: formatApiDate(row.start_at, timeZone),
    CompletedDate: formatApiDateOrNull(row.completed_at, timeZone),
    CallerID: row.caller_id,
    CreditsUsed: NOT_STARTED.has(row.broadcast_status) ? null : credits(row.credits_used),
    MaxCreditCost: credits(row.max_credit_cost),
    PhoneNumberCount: row.phone_number_count,
    TotalCompleted: row.total_completed,
    // Named, so a report can say who sent it to users who may not read other users.
    User: broadcastUser(row),
    EstimatedDuration: row.estimated_minutes,
    EstimatedCompletion: formatApiDateOrNull(row.estimated_completion, timeZone),
    CallBroadcastID: row.call_broadcast_id ?? 0,
    TextBroadcastID: row.text_broadcast_id ?? 0,
  };
  if (row.channel === 'Text') {
    return {
      ...common,
      TextMessage: row.text_message,
      TextNumberID: row.text_number_id,
      TextPhoneNumber: row.text_phone_number,
      HasCustomField: row.has_custom_field === 1,
      DeliveredTexts: row.delivered_texts,
      NotDeliveredTexts: row.not_delivered_texts,
      InvalidTextCount: row.invalid_text_count,
      TextReplies: row.text_replies,
      TextOptedOut: row.text_opted_out,
    };
  }
  const transfer = parseJson<{ TransferNumber?: string; TransferLines?: number }>(row.transfer_json);
  return {
    ...common,
    TransferAndConnect: transfer
      ? {
          IsTransfer: true,
          TransferLines: transfer.TransferLines ?? 1,
          TransferNumber: transfer.TransferNumber ?? '',
          TransferCreditsUsed: null,
        }
      : null,
    Audio: broadcastAudio(row.audio_id, row.audio_name),
    AudioVM: broadcastAudio(row.audio_vm_id, row.audio_vm_name),
    RetryTimes: row.retry_times,
    CallThrottle: row.call_throttle,
    MaxMessageLength: row.max_message_length,
    LivePersonTotal: row.live_person_total,
    AnsweringMachineTotal: row.answering_machine_total,
    BusyNoAnswerTotal: row.busy_no_answer_total,
    InvalidNumberTotal: row.invalid_number_total,
    SurveyResponseTotal: row.survey_response_total,
    TransferTotal: row.transfer_total,
    SurveyResponses: parseJson<Record<string, number>>(row.survey_responses_json),
    // Ours (decision 155), so only surveys have it: every other call broadcast keeps the seed's shape.
    ...(row.survey_json ? { Survey: surveyOf(row.survey_json) } : {}),
    ExcludedDaysIgnored: row.excluded_days_ignored === 1,
    CallingWindowIgnored: row.calling_window_ignored === 1,
    NotEnoughTimeToComplete: row.not_enough_time === 1,
    MessageRecordingInstruction:
      row.recording_code !== null && row.broadcast_status === 'AuthorizationApproved' ? recordingInstruction(row.recording_code) : null,
  };
}

/** One row of `broadcast_recipients`. */
export interface RecipientRow {
  broadcast_id: number;
  seq: number;
  phone_number: string;
  person_id: number | null;
  first_name: string;
  last_name: string;
  notes: string;
  integration_data: string;
  status: string;
  result_category: string | null;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  survey_result: string | null;
  is_transfer_initiated: number;
  transfer_duration: number;
  transfer_credits: number;
  credits: number;
  message_text: string | null;
}

/** A per-number result in the seed's call or text detail shape. */
export function toApiBroadcastDetail(row: RecipientRow, channel: 'Call' | 'Text', timeZone: string): BroadcastDetail {
  const contact = {
    UriCallBroadcast: `/v1/broadcasts/${row.broadcast_id}`,
    PhoneNumber: row.phone_number,
    FirstName: row.first_name,
    LastName: row.last_name,
    Notes: row.notes === '' ? null : row.notes,
    IntegrationData: row.integration_data,
  };
  if (channel === 'Text') {
    return {
      ...contact,
      TextResultCategory: row.result_category ?? '',
      TextStatus: row.status,
      ...(row.message_text !== null ? { MessageText: row.message_text } : {}),
    };
  }
  return {
    ...contact,
    NumberOfAttempts: row.attempts,
    LastCallTime: formatApiDateOrNull(row.last_attempt_at, timeZone),
    SurveyResult: row.survey_result,
    CallResultCategory: row.result_category ?? '',
    CallStatus: row.status,
    TransferDuration: row.transfer_duration,
    TransferCredits: credits(row.transfer_credits),
    IsTransferInitiated: row.is_transfer_initiated === 1,
  };
}

/** The running totals of a broadcast row, as columns of `broadcasts`. */
export type RecipientTotals = Pick<
  BroadcastRow,
  | 'total_completed'
  | 'live_person_total'
  | 'answering_machine_total'
  | 'busy_no_answer_total'
  | 'invalid_number_total'
  | 'survey_response_total'
  | 'transfer_total'
  | 'survey_responses_json'
  | 'delivered_texts'
  | 'not_delivered_texts'
  | 'invalid_text_count'
  | 'credits_used'
>;

export type ResultTotal =
  | 'live_person_total'
  | 'answering_machine_total'
  | 'busy_no_answer_total'
  | 'invalid_number_total'
  | 'delivered_texts'
  | 'not_delivered_texts'
  | 'invalid_text_count';

/**
 * The running total each per-number result counts in. A number counts under its latest result whatever its status,
 * so a busy number waiting for its retry shows as Busy/No Answer, exactly as the details feed filters it.
 */
export const RESULT_TOTALS: Readonly<Record<string, ResultTotal>> = {
  'Live Answer': 'live_person_total',
  'Answering Machine': 'answering_machine_total',
  'Busy/No Answer': 'busy_no_answer_total',
  'Invalid Number': 'invalid_number_total',
  Delivered: 'delivered_texts',
  'Not Delivered': 'not_delivered_texts',
  Invalid: 'invalid_text_count',
  // 'Opted Out' has no total of its own: it is what TotalCompleted leaves (docs/decisions/0011-broadcast-results.md).
};

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
const resultTotalsSql = [...new Set(Object.values(RESULT_TOTALS))]
  .map((total) => {
    const results = Object.keys(RESULT_TOTALS).filter((result) => RESULT_TOTALS[result] === total);
    return `COUNT(*) FILTER (WHERE result_category IN (${results.map(sqlText).join(', ')})) AS ${total}`;
  })
  .join(',\n         ');

/**
 * The totals a broadcast row must carry, counted from its recipients (RESULT_TOTALS for the results,
 * `total_completed` the numbers with a final result, credits what every number cost). Replies and opt-outs after a
 * text are counted as they arrive (inbound-texts.ts), not here.
 */
export function totalsFromRecipients(db: SandboxDatabase, broadcastId: number): RecipientTotals {
  const totals = db
    .prepare<[number], Omit<RecipientTotals, 'survey_responses_json'>>(
      `SELECT
         COUNT(*) FILTER (WHERE status = 'Completed') AS total_completed,
         ${resultTotalsSql},
         COUNT(survey_result) AS survey_response_total,
         COUNT(*) FILTER (WHERE is_transfer_initiated = 1) AS transfer_total,
         ROUND(COALESCE(SUM(credits + transfer_credits), 0), 2) AS credits_used
       FROM broadcast_recipients WHERE broadcast_id = ?`,
    )
    .get(broadcastId)!;
  const answers = db
    .prepare<[number], { survey_result: string; n: number }>(
      `SELECT survey_result, COUNT(*) AS n FROM broadcast_recipients
       WHERE broadcast_id = ? AND survey_result IS NOT NULL GROUP BY survey_result ORDER BY survey_result`,
    )
    .all(broadcastId);
  const surveyResponses = answers.length > 0 ? JSON.stringify(Object.fromEntries(answers.map((a) => [a.survey_result, a.n]))) : null;
  return { ...totals, survey_responses_json: surveyResponses };
}
