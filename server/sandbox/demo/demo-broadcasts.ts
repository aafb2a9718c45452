import type { BroadcastStatus, BroadcastType } from '../../../src/contract/broadcast.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { totalsFromRecipients } from '../model/broadcasts.ts';
import { callCredits, textCredits } from '../../../src/contract/credits.ts';
import { hasMergeFields, personalise } from '../../../src/contract/merge-fields.ts';
import { receiveInboundText } from '../model/inbound-texts.ts';
import { zonedParts, zonedTimeToEpoch } from '../time.ts';
import { createRandom, type Random } from './random.ts';

/**
 * The demo account's broadcasts: months of finished ones of every type, and a few that are running, paused,
 * scheduled, canceled or expired right now. Results follow docs/decisions/0011-broadcast-results.md, each row's
 * totals are its recipients' aggregates, credits follow the credit rules, and the credit ledger has the spend.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const RETRY_MINUTES = 10;

interface DemoUser {
  user_id: number;
  account_id: number;
  caller_id: string;
  retries: number;
  call_throttle: number;
  continue_on_next_day: number;
  start_minute: number;
  stop_minute: number;
  calling_window_days: number;
  time_zone: string;
}

interface DemoContact {
  person_id: number;
  first_name: string;
  last_name: string;
  primary_phone: string;
  notes: string;
  integration_data: string;
  optin_primary: string;
}

/** The chance of each result on one call attempt (invalid numbers fail on the first attempt only). */
interface CallProfile {
  live: number;
  machine: number;
  busy: number;
  invalid: number;
}

interface SurveyPlan {
  /** Key pressed -> relative weight. */
  keys: Record<string, number>;
  /** What was asked and what each key means, as the wizard sends them (`Survey` on the broadcast). */
  question: string;
  labels: Record<string, string>;
  /** Share of live answers that press a key. */
  responseRate: number;
}

/** How a broadcast stands at the demo's `now`. */
type Outcome =
  | { status: 'Complete' }
  | { status: 'InProgress' }
  | { status: 'Paused'; afterMinutes: number }
  | { status: 'Canceled'; afterMinutes: number }
  | { status: 'Expired'; afterMinutes: number }
  | { status: 'AuthorizationApproved' };

interface DemoAudio {
  id: string;
  name: string;
  seconds: number;
  text: string;
  messageType: 'Announcement' | 'SurveyLiveAnswer' | 'SurveyVoiceMail' | 'AnnouncementVoiceMail';
}

interface DemoBroadcast {
  name: string;
  type: BroadcastType;
  owner: 'master' | 'leia' | 'han';
  list: string;
  /** Start, relative to now: whole days back (or ahead, negative) at a local wall-clock time, or minutes ago. */
  start: { daysAgo: number; hour: number; minute: number } | { minutesAgo: number };
  outcome: Outcome;
  audio?: DemoAudio;
  audioVm?: DemoAudio;
  textMessage?: string;
  textNumberId?: number;
  /** Simultaneous calls; 0 is no limit. Defaults to the owner's setting. */
  throttle?: number;
  calls?: CallProfile;
  survey?: SurveyPlan;
  /** Share of delivered texts answered, and of those the share that says STOP. */
  replyRate?: number;
  stopRate?: number;
  checkCallingWindow?: boolean;
  continueOnNextDay?: boolean;
  /** Hidden from every query (deleted by its owner). */
  deletedDaysAgo?: number;
}

const audio = {
  welcome: {
    id: 'c41a07',
    name: 'Welcome back',
    seconds: 48,
    messageType: 'Announcement',
    text: 'Welcome back to Lincoln Elementary! School starts Monday at 7:55. Buses run their usual routes.',
  },
  pictureDay: {
    id: 'c41a12',
    name: 'Picture day',
    seconds: 32,
    messageType: 'Announcement',
    text: 'Fall picture day is this Thursday. Order forms went home in backpacks.',
  },
  rsvp: {
    id: 'c41a19',
    name: 'Volunteer RSVP question',
    seconds: 41,
    messageType: 'SurveyLiveAnswer',
    text: 'Will you attend volunteer orientation on the 14th? Press 1 for yes, 2 for no, or 3 to be called back.',
  },
  rsvpVoicemail: {
    id: 'c41a1a',
    name: 'Volunteer RSVP voicemail',
    seconds: 24,
    messageType: 'SurveyVoiceMail',
    text: 'Please call the front office to RSVP for volunteer orientation on the 14th.',
  },
  stormDelay: {
    id: 'c41a23',
    name: 'Two-hour delay',
    seconds: 27,
    messageType: 'Announcement',
    text: 'Because of icy roads, all schools open two hours late today. Morning pre-K is canceled.',
  },
  board: {
    id: 'c41a2f',
    name: 'Board meeting notice',
    seconds: 63,
    messageType: 'Announcement',
    text: 'The board meets Tuesday at 6 PM in the district office. The agenda is posted online.',
  },
  busDetour: {
    id: 'c41a35',
    name: 'Route 12 detour',
    seconds: 29,
    messageType: 'Announcement',
    text: 'Route 12 will detour around Elm Street this week. Pickup times move ten minutes earlier.',
  },
  subSurvey: {
    id: 'c41a3c',
    name: 'Substitute availability',
    seconds: 37,
    messageType: 'SurveyLiveAnswer',
    text: 'Can you sub next week? Press 1 for all week, 2 for some days, 3 for none.',
  },
  staffMeeting: {
    id: 'c41a44',
    name: 'Staff meeting moved',
    seconds: 22,
    messageType: 'Announcement',
    text: 'Thursday staff meeting moves to the library at 3:45.',
  },
  safety: {
    id: 'c41a4b',
    name: 'Field safety check-in',
    seconds: 35,
    messageType: 'SurveyLiveAnswer',
    text: 'Safety check-in. Press 1 if your site is clear, 2 if you need help.',
  },
  concert: {
    id: 'c41a52',
    name: 'Spring concert',
    seconds: 31,
    messageType: 'Announcement',
    text: 'The spring concert starts tonight at 7 in the gym. Performers arrive by 6:15.',
  },
  afterSchool: {
    id: 'c41a58',
    name: 'After-school program survey',
    seconds: 46,
    messageType: 'SurveyLiveAnswer',
    text: 'Would your child join an after-school program? Press 1 for yes, 2 for maybe, 3 for no.',
  },
  snowDay: {
    id: 'c41a5f',
    name: 'Snow day closure',
    seconds: 26,
    messageType: 'Announcement',
    text: 'All schools are closed today because of snow. Stay safe and warm.',
  },
  waterMain: {
    id: 'c41a61',
    name: 'Early dismissal',
    seconds: 34,
    messageType: 'Announcement',
    text: 'A water main break at Lincoln means early dismissal at 11:30 today. Buses leave at 11:45.',
  },
  yearbook: {
    id: 'c41a67',
    name: 'Yearbook orders',
    seconds: 28,
    messageType: 'Announcement',
    text: 'Yearbook orders close Friday. Order online or at the front office.',
  },
  graduation: {
    id: 'c41a6d',
    name: 'Graduation rehearsal',
    seconds: 39,
    messageType: 'Announcement',
    text: 'Graduation rehearsal is Thursday at 9 in the stadium. Staff please arrive by 8:30.',
  },
} satisfies Record<string, DemoAudio>;

const typical: CallProfile = { live: 0.44, machine: 0.25, busy: 0.31, invalid: 0.04 };
const daytime: CallProfile = { live: 0.34, machine: 0.33, busy: 0.33, invalid: 0.03 };
const urgent: CallProfile = { live: 0.55, machine: 0.2, busy: 0.25, invalid: 0.02 };

/** The demo broadcasts, oldest first (later ones leave out numbers that opted out from earlier replies). */
const demoBroadcasts: DemoBroadcast[] = [
  {
    name: 'Welcome back: first day of school',
    type: 'Announcement',
    owner: 'master',
    list: 'Parents — Lincoln Elementary',
    start: { daysAgo: 152, hour: 17, minute: 30 },
    outcome: { status: 'Complete' },
    audio: audio.welcome,
    throttle: 40,
    calls: typical,
  },
  {
    name: 'Open house Thursday',
    type: 'SMS',
    owner: 'master',
    list: 'Parents — Roosevelt Middle',
    start: { daysAgo: 141, hour: 16, minute: 0 },
    outcome: { status: 'Complete' },
    textMessage: 'Roosevelt Middle open house is Thursday 6-8 PM. Meet the teachers and tour the new science wing!',
    replyRate: 0.012,
    stopRate: 0.2,
  },
  {
    name: 'Fall picture day',
    type: 'SMSAndAnnouncement',
    owner: 'leia',
    list: 'Parents — Lincoln Elementary',
    start: { daysAgo: 121, hour: 18, minute: 0 },
    outcome: { status: 'Complete' },
    audio: audio.pictureDay,
    textMessage: 'Fall picture day is Thursday. Order forms went home today; retakes are Oct 30.',
    throttle: 30,
    calls: typical,
    replyRate: 0.008,
    stopRate: 0.25,
  },
  {
    name: 'Volunteer orientation RSVP',
    type: 'Survey',
    owner: 'leia',
    list: 'Volunteers',
    start: { daysAgo: 110, hour: 10, minute: 15 },
    outcome: { status: 'Complete' },
    audio: audio.rsvp,
    audioVm: audio.rsvpVoicemail,
    throttle: 10,
    calls: daytime,
    survey: {
      keys: { 1: 6, 2: 2, 3: 1 },
      question: 'Attending volunteer orientation on the 14th?',
      labels: { 1: 'Yes', 2: 'No', 3: 'Call me back' },
      responseRate: 0.82,
    },
  },
  {
    name: 'Storm delay: 2-hour late start',
    type: 'Announcement',
    owner: 'master',
    list: 'Weather Alerts',
    start: { daysAgo: 96, hour: 5, minute: 45 },
    outcome: { status: 'Complete' },
    audio: audio.stormDelay,
    throttle: 0,
    calls: urgent,
    checkCallingWindow: false,
  },
  {
    name: 'Crew schedule change',
    type: 'SMS',
    owner: 'han',
    list: 'Field Team',
    start: { daysAgo: 90, hour: 7, minute: 0 },
    outcome: { status: 'Complete' },
    textMessage: 'Crew update: this week we start at 6:30 AM at the north depot. Bring your badge.',
    textNumberId: 98616,
    replyRate: 0.05,
    stopRate: 0,
  },
  {
    name: 'Conference sign-up',
    type: 'SMS',
    owner: 'master',
    list: 'Parents — Roosevelt Middle',
    start: { daysAgo: 80, hour: 15, minute: 30 },
    outcome: { status: 'Complete' },
    textMessage:
      'Hi {{FirstName}}, parent-teacher conferences are Oct 12-13. Reply with a time that works for the {{LastName}} family, or sign up at the front office.',
    replyRate: 0.02,
    stopRate: 0.1,
  },
  {
    name: 'Board meeting agenda',
    type: 'Announcement',
    owner: 'master',
    list: 'Board Members',
    start: { daysAgo: 70, hour: 12, minute: 0 },
    outcome: { status: 'Complete' },
    audio: audio.board,
    throttle: 5,
    calls: daytime,
  },
  {
    name: 'Bus Route 12 detour',
    type: 'SMSOrAnnouncement',
    owner: 'leia',
    list: 'Bus Route 12',
    start: { daysAgo: 61, hour: 17, minute: 0 },
    outcome: { status: 'Complete' },
    audio: audio.busDetour,
    textMessage: 'Route 12 detours around Elm St. this week: pickups are 10 minutes earlier.',
    textNumberId: 98616,
    throttle: 10,
    calls: typical,
    replyRate: 0.03,
    stopRate: 0,
  },
  {
    name: 'Substitute availability survey',
    type: 'Survey',
    owner: 'leia',
    list: 'Substitute Teachers',
    start: { daysAgo: 50, hour: 19, minute: 8 },
    outcome: { status: 'Expired', afterMinutes: 22 },
    audio: audio.subSurvey,
    audioVm: audio.rsvpVoicemail,
    throttle: 1,
    calls: daytime,
    survey: { keys: { 1: 3, 2: 4, 3: 2 }, question: 'Can you sub next week?', labels: { 1: 'All week', 2: 'Some days', 3: 'None' }, responseRate: 0.9 },
    continueOnNextDay: false,
  },
  {
    name: 'Band trip payment reminder',
    type: 'SMS',
    owner: 'master',
    list: 'Band Parents',
    start: { daysAgo: 41, hour: 16, minute: 45 },
    outcome: { status: 'Complete' },
    textMessage: 'Band trip payments are due Friday. Pay online or bring a check to the band room. Questions? Reply here.',
    replyRate: 0.04,
    stopRate: 0.1,
  },
  {
    name: 'Test message',
    type: 'SMS',
    owner: 'master',
    list: 'Board Members',
    start: { daysAgo: 35, hour: 9, minute: 0 },
    outcome: { status: 'Complete' },
    textMessage: 'Testing, please ignore.',
    deletedDaysAgo: 35,
  },
  {
    name: 'Staff meeting moved',
    type: 'Announcement',
    owner: 'master',
    list: 'Staff',
    start: { daysAgo: 30, hour: 13, minute: 0 },
    outcome: { status: 'Canceled', afterMinutes: 6 },
    audio: audio.staffMeeting,
    throttle: 10,
    calls: daytime,
  },
  {
    name: 'Field safety check-in',
    type: 'Survey',
    owner: 'han',
    list: 'Field Team',
    start: { daysAgo: 21, hour: 14, minute: 0 },
    outcome: { status: 'Complete' },
    audio: audio.safety,
    throttle: 5,
    calls: urgent,
    survey: { keys: { 1: 9, 2: 1 }, question: 'Is your site clear?', labels: { 1: 'Site clear', 2: 'Needs help' }, responseRate: 0.95 },
  },
  {
    name: 'Spring concert tonight',
    type: 'SMSAndAnnouncement',
    owner: 'master',
    list: 'Band Parents',
    start: { daysAgo: 14, hour: 11, minute: 0 },
    outcome: { status: 'Complete' },
    audio: audio.concert,
    textMessage: 'The spring concert is tonight at 7 in the gym. Performers arrive by 6:15 in black and white.',
    throttle: 10,
    calls: daytime,
    replyRate: 0.03,
    stopRate: 0.1,
  },
  {
    name: 'Lunch account balances',
    type: 'SMS',
    owner: 'leia',
    list: 'Parents — Lincoln Elementary',
    start: { daysAgo: 7, hour: 16, minute: 30 },
    outcome: { status: 'Complete' },
    textMessage: 'Lincoln cafeteria: please check your lunch account balance online before Friday. Accounts below $5 get a reminder slip.',
    replyRate: 0.01,
    stopRate: 0.2,
  },
  {
    name: 'After-school program survey',
    type: 'Survey',
    owner: 'master',
    list: 'Parents — Roosevelt Middle',
    start: { daysAgo: 3, hour: 17, minute: 30 },
    outcome: { status: 'Complete' },
    audio: audio.afterSchool,
    audioVm: audio.rsvpVoicemail,
    throttle: 40,
    calls: typical,
    survey: {
      keys: { 1: 5, 2: 3, 3: 2 },
      question: 'Would your child join an after-school program?',
      labels: { 1: 'Yes', 2: 'Maybe', 3: 'No' },
      responseRate: 0.7,
    },
  },
  {
    name: 'Snow day closure',
    type: 'Announcement',
    owner: 'master',
    list: 'Weather Alerts',
    start: { daysAgo: 1, hour: 5, minute: 30 },
    outcome: { status: 'Complete' },
    audio: audio.snowDay,
    throttle: 0,
    calls: urgent,
    checkCallingWindow: false,
  },
  {
    name: 'Early dismissal: water main break',
    type: 'SMSAndAnnouncement',
    owner: 'master',
    list: 'Parents — Lincoln Elementary',
    start: { minutesAgo: 35 },
    outcome: { status: 'InProgress' },
    audio: audio.waterMain,
    textMessage: 'Lincoln Elementary: a water main break means early dismissal at 11:30 today. Buses leave at 11:45.',
    throttle: 10,
    calls: urgent,
    replyRate: 0.015,
    stopRate: 0,
    checkCallingWindow: false,
    continueOnNextDay: true,
  },
  {
    name: 'Report cards are ready',
    type: 'SMS',
    owner: 'leia',
    list: 'Parents — Roosevelt Middle',
    start: { minutesAgo: 4 },
    outcome: { status: 'InProgress' },
    textMessage: 'Report cards are ready in the parent portal. Conferences can be booked from the same page.',
    replyRate: 0.01,
    stopRate: 0,
    checkCallingWindow: false,
    continueOnNextDay: true,
  },
  {
    name: 'Yearbook orders closing',
    type: 'Announcement',
    owner: 'leia',
    list: 'Volunteers',
    start: { minutesAgo: 150 },
    outcome: { status: 'Paused', afterMinutes: 12 },
    audio: audio.yearbook,
    throttle: 5,
    calls: daytime,
    continueOnNextDay: true,
  },
  {
    name: 'Generator maintenance notice',
    type: 'SMS',
    owner: 'han',
    list: 'Field Team',
    start: { daysAgo: -1, hour: 7, minute: 30 },
    outcome: { status: 'AuthorizationApproved' },
    textMessage: 'Heads up: generator maintenance at the north depot tomorrow 8-11 AM. Power to bay 3 will be off.',
    textNumberId: 98616,
  },
  {
    name: 'Graduation rehearsal schedule',
    type: 'Announcement',
    owner: 'master',
    list: 'Staff',
    start: { daysAgo: -3, hour: 9, minute: 0 },
    outcome: { status: 'AuthorizationApproved' },
    audio: audio.graduation,
    throttle: 10,
    calls: daytime,
  },
];

const replyTexts = [
  'Thank you!',
  'Got it, thanks',
  'Will the buses run on time?',
  'Which entrance should we use?',
  'Can someone call me back?',
  'Thanks for letting us know',
  'Is aftercare still open?',
  'Ok',
  'We will be there',
  'Who do I talk to about this?',
  'Perfect, thank you',
  'Can you send this in Spanish?',
  'What time exactly?',
  'Appreciate the reminder',
];

/**
 * The messages the demo broadcasts play: a library item of the same name when the library has one, else a
 * text-to-speech item added for them (shared, so every demo user can replay what their broadcasts played).
 */
function libraryAudio(db: SandboxDatabase, accountId: number, ownerId: number, now: number): Map<DemoAudio, { id: string; seconds: number }> {
  const byName = db.prepare<[number, string], { audio_id: string; length_seconds: number | null }>(
    'SELECT audio_id, length_seconds FROM audio WHERE account_id = ? AND name = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO audio (audio_id, account_id, owner_user_id, name, description, shared, length_seconds, message_type,
       text_to_speech, tts_text, voice, created_at)
     VALUES (?, ?, ?, ?, 'Used by a demo broadcast', 1, ?, ?, 1, ?, 'Joanna', ?)`,
  );
  const resolved = new Map<DemoAudio, { id: string; seconds: number }>();
  for (const item of Object.values(audio) as DemoAudio[]) {
    const existing = byName.get(accountId, item.name);
    if (existing) {
      resolved.set(item, { id: existing.audio_id, seconds: existing.length_seconds ?? item.seconds });
      continue;
    }
    insert.run(item.id, accountId, ownerId, item.name, item.seconds, item.messageType, item.text, now - 160 * DAY);
    resolved.set(item, { id: item.id, seconds: item.seconds });
  }
  return resolved;
}

/** A wall-clock time `daysAgo` days before now in a zone (negative: ahead), moved away from now to a calling day of `daysMask`. */
function localTime(now: number, timeZone: string, daysAgo: number, hour: number, minute: number, daysMask: number): number {
  const away = daysAgo < 0 ? -1 : 1;
  let day = zonedParts(now - daysAgo * DAY, timeZone);
  for (let shift = 1; shift < 7 && (daysMask & (1 << day.weekday)) === 0; shift += 1) {
    day = zonedParts(now - (daysAgo + away * shift) * DAY, timeZone);
  }
  return zonedTimeToEpoch({ year: day.year, month: day.month, day: day.day, hour, minute }, timeZone);
}

/** Merge fields as the API names them (REFERENCE.md §6: `{{FirstName}}`). */
const personaliseFor = (template: string, contact: DemoContact) =>
  personalise(template, { FirstName: contact.first_name, LastName: contact.last_name, Notes: contact.notes, IntegrationData: contact.integration_data });

interface RecipientResult {
  status: string;
  result: string | null;
  attempts: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  surveyResult: string | null;
  credits: number;
  messageText: string | null;
}

/** Calls per minute at a throttle: a call lasts about 30 seconds; no limit runs about 120 a minute. */
const callsPerMinute = (throttle: number) => (throttle === 0 ? 120 : throttle * 2);
const TEXTS_PER_MINUTE = 240;

function pickWeighted(random: Random, weights: Record<string, number>): string {
  const entries = Object.entries(weights);
  let roll = random.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** Where unreached numbers stand when the broadcast stopped (or has not reached them yet). */
function unreachedStatus(outcome: Outcome): string {
  if (outcome.status === 'Canceled' || outcome.status === 'Expired') return outcome.status;
  return 'Pending';
}

function simulateCall(
  random: Random,
  index: number,
  plan: {
    start: number;
    stopAt: number;
    throttle: number;
    retries: number;
    profile: CallProfile;
    survey?: SurveyPlan;
    creditsPerCall: number;
    outcome: Outcome;
  },
): RecipientResult {
  let at = plan.start + (index / callsPerMinute(plan.throttle)) * MINUTE + random.int(0, 40_000);
  const result: RecipientResult = {
    status: unreachedStatus(plan.outcome),
    result: null,
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: null,
    surveyResult: null,
    credits: 0,
    messageText: null,
  };
  const { live, machine, busy } = plan.profile;
  for (let attempt = 0; attempt <= plan.retries; attempt += 1) {
    if (at > plan.stopAt) {
      // The retry was due after the broadcast stopped (or is still ahead): the busy result stands for now.
      if (attempt > 0 && plan.outcome.status !== 'Canceled' && plan.outcome.status !== 'Expired') {
        result.status = 'Retry Pending';
        result.nextAttemptAt = at;
      }
      return result;
    }
    result.attempts += 1;
    result.lastAttemptAt = at;
    const roll = random.next();
    if (attempt === 0 && roll < plan.profile.invalid) {
      return { ...result, status: 'Completed', result: 'Invalid Number' };
    }
    const answer = random.next() * (live + machine + busy);
    if (answer < live + machine) {
      result.status = 'Completed';
      result.result = answer < live ? 'Live Answer' : 'Answering Machine';
      result.credits = plan.creditsPerCall;
      if (result.result === 'Live Answer' && plan.survey && random.chance(plan.survey.responseRate)) {
        result.surveyResult = pickWeighted(random, plan.survey.keys);
      }
      return result;
    }
    result.result = 'Busy/No Answer';
    at += RETRY_MINUTES * MINUTE + random.int(0, 60_000);
  }
  result.status = 'Completed';
  return result;
}

function simulateText(
  random: Random,
  index: number,
  contact: DemoContact,
  plan: { start: number; stopAt: number; template: string; personalised: boolean; outcome: Outcome },
): RecipientResult {
  const at = plan.start + (index / TEXTS_PER_MINUTE) * MINUTE + random.int(0, 5_000);
  const text = plan.personalised ? personaliseFor(plan.template, contact) : plan.template;
  const unsent: RecipientResult = {
    status: unreachedStatus(plan.outcome),
    result: null,
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: null,
    surveyResult: null,
    credits: 0,
    messageText: null,
  };
  if (at > plan.stopAt) return unsent;
  const tried = { ...unsent, status: 'Completed', attempts: 1, lastAttemptAt: at };
  // Landlines cannot take texts (docs/decisions/0009-text-opt-in-statuses.md): nothing is sent to them.
  if (contact.optin_primary === 'NotTextable' || random.chance(0.006)) return { ...tried, result: 'Invalid' };
  // What the carrier was handed: the personal text, when the message has merge fields.
  const sent = { ...tried, credits: textCredits(text), messageText: plan.personalised ? text : null };
  return random.chance(0.035) ? { ...sent, result: 'Not Delivered' } : { ...sent, result: 'Delivered' };
}

/** Seeds the demo broadcasts into a sandbox that already has the demo account, users, lists and opt-outs. */
export function seedDemoBroadcasts(db: SandboxDatabase, now: number): void {
  const random = createRandom(39_609);
  const users = Object.fromEntries(
    (['master', 'leia', 'han'] as const).map((key) => {
      const userName = { master: 'apitest@cea', leia: 'leia@cea', han: 'han@cea' }[key];
      const row = db
        .prepare<[string], DemoUser & { state: string }>(
          `SELECT user_id, account_id, caller_id, retries, call_throttle, continue_on_next_day, start_minute, stop_minute,
             calling_window_days, state, '' AS time_zone FROM users WHERE user_name = ?`,
        )
        .get(userName);
      if (!row) throw new Error(`The demo broadcasts need the demo user ${userName}.`);
      const timeZone = { TX: 'America/Chicago', NY: 'America/New_York', CA: 'America/Los_Angeles' }[row.state] ?? 'America/Chicago';
      return [key, { ...row, time_zone: timeZone }];
    }),
  ) as unknown as Record<DemoBroadcast['owner'], DemoUser>;
  const accountId = users.master.account_id;
  const messages = libraryAudio(db, accountId, users.master.user_id, now);

  // Who was on the list, and who could not be called or texted, when the broadcast was created.
  const listMembers = db.prepare<[number, number, number, number, string], DemoContact & { no_calls: number; no_texts: number }>(`
    SELECT c.person_id, c.first_name, c.last_name, c.primary_phone, c.notes, c.integration_data, c.optin_primary,
      c.dnc_primary OR EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = l.account_id AND o.phone_number = c.primary_phone
        AND o.do_not_call = 1 AND o.opt_out_date < ?) AS no_calls,
      EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = l.account_id AND o.phone_number = c.primary_phone
        AND o.do_not_text = 1 AND o.opt_out_date < ?) AS no_texts
    FROM lists l JOIN list_members m ON m.list_id = l.list_id JOIN contacts c ON c.person_id = m.person_id
    WHERE (c.deleted_at IS NULL OR c.deleted_at > ?) AND l.account_id = ? AND l.list_name = ?
    ORDER BY c.person_id`);
  const insertBroadcast = db.prepare(`
    INSERT INTO broadcasts (broadcast_id, account_id, user_id, broadcast_name, broadcast_type, channel, broadcast_status,
      call_broadcast_id, text_broadcast_id, created_at, start_at, completed_at, caller_id, audio_id, audio_vm_id, retry_times,
      call_throttle, max_message_length, check_calling_window, continue_on_next_day, start_minute, stop_minute,
      calling_window_days, time_zone, text_message, text_number_id, has_custom_field, max_credit_cost, phone_number_count,
      estimated_minutes, estimated_completion, calling_window_ignored, paused_at, deleted_at, sim_cursor, message_seconds, survey_json)
    VALUES (@id, @accountId, @userId, @name, @type, @channel, @status, @callId, @textId, @created, @start, @completed,
      @callerId, @audioId, @audioVmId, @retries, @throttle, @maxLength, @checkWindow, @continueNextDay, @startMinute,
      @stopMinute, @days, @timeZone, @textMessage, @textNumberId, @custom, @maxCost, @count, @estimatedMinutes,
      @estimatedCompletion, @windowIgnored, @pausedAt, @deletedAt, @simCursor, @messageSeconds, @survey)`);
  const insertRecipient = db.prepare(`
    INSERT INTO broadcast_recipients (broadcast_id, seq, phone_number, person_id, first_name, last_name, notes,
      integration_data, status, result_category, attempts, next_attempt_at, last_attempt_at, survey_result, credits, message_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateTotals = db.prepare(`
    UPDATE broadcasts SET total_completed = @total_completed, live_person_total = @live_person_total,
      answering_machine_total = @answering_machine_total, busy_no_answer_total = @busy_no_answer_total,
      invalid_number_total = @invalid_number_total, survey_response_total = @survey_response_total,
      transfer_total = @transfer_total, survey_responses_json = @survey_responses_json, delivered_texts = @delivered_texts,
      not_delivered_texts = @not_delivered_texts, invalid_text_count = @invalid_text_count, credits_used = @credits_used
    WHERE broadcast_id = @id`);
  const insertLedger = db.prepare('INSERT INTO credit_ledger (account_id, broadcast_id, kind, credits, created_at) VALUES (?, ?, ?, ?, ?)');
  const audioLastUsed = db.prepare('UPDATE audio SET last_used = MAX(COALESCE(last_used, 0), ?) WHERE audio_id = ?');

  let nextId = 39_581;
  for (const plan of demoBroadcasts) {
    const user = users[plan.owner];
    const start =
      'minutesAgo' in plan.start
        ? now - plan.start.minutesAgo * MINUTE
        : localTime(now, user.time_zone, plan.start.daysAgo, plan.start.hour, plan.start.minute, user.calling_window_days);
    const created = Math.min(start, now) - random.int(2, 50) * MINUTE;
    const outcome = plan.outcome;
    const stopAt =
      outcome.status === 'Complete' || outcome.status === 'InProgress'
        ? now
        : outcome.status === 'AuthorizationApproved'
          ? start - 1
          : start + outcome.afterMinutes * MINUTE;
    const contacts = listMembers.all(created, created, created, accountId, plan.list);
    const hasCalls = plan.type !== 'SMS';
    const hasTexts = plan.type.startsWith('SMS');
    const callable = contacts.filter((contact) => !contact.no_calls);
    const textable = contacts.filter((contact) => !contact.no_texts);
    const mobile = (contact: DemoContact) => contact.optin_primary !== 'NotTextable';
    // "And" combos call everyone and text the mobiles; "Or" combos text the mobiles and call the rest.
    const callContacts = !hasCalls ? [] : plan.type.startsWith('SMSOr') ? callable.filter((c) => !mobile(c)) : callable;
    const textContacts = !hasTexts ? [] : plan.type === 'SMS' ? textable : textable.filter(mobile);
    const callId = hasCalls ? nextId++ : null;
    const textId = hasTexts ? nextId++ : null;
    const combo = callId !== null && textId !== null;

    const channels = [
      ...(callId !== null ? [{ id: callId, channel: 'Call' as const, recipients: callContacts }] : []),
      ...(textId !== null ? [{ id: textId, channel: 'Text' as const, recipients: textContacts }] : []),
    ];
    for (const { id, channel, recipients } of channels) {
      const maxLength = 120;
      const played = plan.audio ? messages.get(plan.audio) : undefined;
      const voicemail = plan.audioVm ? messages.get(plan.audioVm) : undefined;
      const creditsPerCall = played ? callCredits(played.seconds, maxLength) : 1;
      const personalised = channel === 'Text' && hasMergeFields(plan.textMessage ?? '');
      const throttle = plan.throttle ?? user.call_throttle;
      const perMinute = channel === 'Call' ? callsPerMinute(throttle) : TEXTS_PER_MINUTE;
      const estimatedMinutes = Math.ceil(recipients.length / perMinute) + (channel === 'Call' ? user.retries * RETRY_MINUTES : 0) + 1;

      const results = recipients.map((contact, index) =>
        channel === 'Call'
          ? simulateCall(random, index, {
              start,
              stopAt,
              throttle,
              retries: user.retries,
              profile: plan.calls ?? typical,
              survey: plan.survey,
              creditsPerCall,
              outcome,
            })
          : simulateText(random, index, contact, { start, stopAt, template: plan.textMessage ?? '', personalised, outcome }),
      );
      const lastAttempt = Math.max(start, ...results.map((r) => r.lastAttemptAt ?? 0));
      // A finished broadcast completes a moment after its last attempt; a stopped one when it was stopped.
      const completed =
        outcome.status === 'Complete' ? lastAttempt + random.int(20, 90) * 1000 : outcome.status === 'Canceled' || outcome.status === 'Expired' ? stopAt : null;
      // A combo's text half is done long before its calls: it is complete even while the calls run.
      const status: BroadcastStatus = outcome.status === 'InProgress' && results.every((r) => r.status === 'Completed') ? 'Complete' : outcome.status;
      const maxCost =
        channel === 'Call'
          ? recipients.length * creditsPerCall
          : recipients.reduce(
              (sum, contact) => sum + textCredits(personalised ? personaliseFor(plan.textMessage ?? '', contact) : (plan.textMessage ?? '')),
              0,
            );

      insertBroadcast.run({
        id,
        accountId,
        userId: user.user_id,
        name: plan.name,
        type: plan.type,
        channel,
        status,
        callId: combo ? callId : null,
        textId: combo ? textId : null,
        created,
        start,
        completed: status === 'Complete' && completed === null ? lastAttempt + 30_000 : completed,
        callerId: user.caller_id,
        audioId: channel === 'Call' ? (played?.id ?? null) : null,
        audioVmId: channel === 'Call' ? (voicemail?.id ?? null) : null,
        retries: user.retries,
        throttle,
        maxLength,
        checkWindow: plan.checkCallingWindow === false ? 0 : 1,
        continueNextDay: plan.continueOnNextDay === undefined ? user.continue_on_next_day : Number(plan.continueOnNextDay),
        startMinute: user.start_minute,
        stopMinute: user.stop_minute,
        days: user.calling_window_days,
        timeZone: user.time_zone,
        textMessage: channel === 'Text' ? (plan.textMessage ?? '') : '',
        textNumberId: channel === 'Text' ? (plan.textNumberId ?? 98615) : null,
        custom: personalised ? 1 : 0,
        maxCost: Math.round(maxCost * 100) / 100,
        count: recipients.length,
        estimatedMinutes,
        estimatedCompletion: outcome.status === 'Canceled' ? null : start + estimatedMinutes * MINUTE,
        windowIgnored: plan.checkCallingWindow === false ? 1 : 0,
        pausedAt: outcome.status === 'Paused' ? stopAt : null,
        deletedAt: plan.deletedDaysAgo === undefined ? null : now - plan.deletedDaysAgo * DAY,
        // The simulator carries on from where the seeded results stop.
        simCursor: status === 'InProgress' || status === 'Paused' ? stopAt : null,
        messageSeconds: channel === 'Call' ? Math.min(played?.seconds ?? 30, maxLength) : 0,
        survey:
          channel === 'Call' && plan.survey
            ? JSON.stringify({ Question: plan.survey.question, Options: Object.entries(plan.survey.labels).map(([Key, Label]) => ({ Key, Label })) })
            : null,
      });
      results.forEach((result, index) => {
        const contact = recipients[index]!;
        insertRecipient.run(
          id,
          index + 1,
          contact.primary_phone,
          contact.person_id,
          contact.first_name,
          contact.last_name,
          contact.notes,
          contact.integration_data,
          result.status,
          result.result,
          result.attempts,
          result.nextAttemptAt,
          result.lastAttemptAt,
          result.surveyResult,
          result.credits,
          result.messageText,
        );
      });
      updateTotals.run({ id, ...totalsFromRecipients(db, id) });
      if (played && channel === 'Call') audioLastUsed.run(start, played.id);
      if (voicemail && channel === 'Call') audioLastUsed.run(start, voicemail.id);

      // The spend, one ledger entry per broadcast and day, so a usage chart has history.
      const spendByDay = new Map<string, { credits: number; at: number }>();
      for (const result of results) {
        if (result.credits === 0 || result.lastAttemptAt === null) continue;
        const day = zonedParts(result.lastAttemptAt, user.time_zone);
        const key = `${day.year}-${day.month}-${day.day}`;
        const entry = spendByDay.get(key) ?? { credits: 0, at: 0 };
        spendByDay.set(key, { credits: entry.credits + result.credits, at: Math.max(entry.at, result.lastAttemptAt) });
      }
      for (const entry of spendByDay.values()) insertLedger.run(accountId, id, channel, Math.round(entry.credits * 100) / 100, entry.at);

      // Replies open conversations (and a STOP opts the number out) through the same path a live reply takes.
      if (channel === 'Text' && plan.replyRate && plan.deletedDaysAgo === undefined) {
        results.forEach((result, index) => {
          if (result.result !== 'Delivered' || !random.chance(plan.replyRate!)) return;
          const receivedAt = result.lastAttemptAt! + random.int(1, 180) * MINUTE;
          if (receivedAt >= now) return;
          receiveInboundText(db, {
            accountId,
            textNumberId: plan.textNumberId ?? 98615,
            phoneNumber: recipients[index]!.primary_phone,
            body: random.chance(plan.stopRate ?? 0) ? 'STOP' : random.pick(replyTexts),
            receivedAt,
            broadcastId: id,
          });
        });
      }
    }
  }
}
