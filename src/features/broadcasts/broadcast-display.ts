import { statusCategoryOf, type Broadcast, type BroadcastStatusCategory, type BroadcastType } from '@contract/broadcast.ts';
import { callStatuses, textStatuses } from '@contract/broadcast-detail.ts';

/** Which channel one broadcast row carries: combos are two broadcasts, a call half and a text half. */
export type Channel = 'Call' | 'Text';

export const isCombo = (broadcast: Broadcast) => !!broadcast.CallBroadcastID && !!broadcast.TextBroadcastID;

export function channelOf(broadcast: Broadcast): Channel {
  if (isCombo(broadcast)) return broadcast.BroadcastID === broadcast.TextBroadcastID ? 'Text' : 'Call';
  return broadcast.BroadcastType === 'SMS' ? 'Text' : 'Call';
}

export const typeLabels: Record<BroadcastType, string> = {
  Announcement: 'Voice',
  SMS: 'Text',
  Survey: 'Voice survey',
  SMSAndAnnouncement: 'Voice and text',
  SMSOrAnnouncement: 'Voice or text',
  SMSAndSurvey: 'Survey and text',
  SMSOrSurvey: 'Survey or text',
};

export const channelLabels: Record<Channel, string> = { Call: 'Calls', Text: 'Texts' };

export const categoryLabels: Record<BroadcastStatusCategory, string> = {
  Scheduled: 'Scheduled',
  InProgress: 'In progress',
  Paused: 'Paused',
  Completed: 'Complete',
  Canceled: 'Canceled',
  Expired: 'Expired',
};

export const categoryOf = (broadcast: Broadcast): BroadcastStatusCategory | null =>
  broadcast.BroadcastStatusCategory ?? (broadcast.BroadcastStatus ? statusCategoryOf(broadcast.BroadcastStatus) : null);

/** Polling while a broadcast can change by itself: often while it runs, now and then while it waits to start. */
export function liveRefreshInterval(broadcasts: readonly Broadcast[]): number | false {
  if (broadcasts.some((broadcast) => broadcast.BroadcastStatus === 'InProgress')) return 5_000;
  if (broadcasts.some((broadcast) => broadcast.BroadcastStatus === 'AuthorizationApproved')) return 30_000;
  return false;
}

/** Share of numbers finished, 0 to 100. */
export const completedPercent = (broadcast: Broadcast) =>
  broadcast.PhoneNumberCount === 0 ? 0 : Math.min(100, (broadcast.TotalCompleted / broadcast.PhoneNumberCount) * 100);

/** The report's result groups (docs/decisions/0021-report-figures-and-progress.md): the API's results, plus "" for none yet. */
export interface ResultGroup {
  /** The API value (`Live Answer`, ...), or '' for no result yet. */
  value: string;
  label: string;
  /** A theme colour (CSS variable), the same in the chart, its legend and the grid. */
  color: string;
  count: number;
}

const palette = {
  good: 'var(--mui-palette-success-main)',
  machine: 'var(--mui-palette-info-main)',
  retry: 'var(--mui-palette-warning-main)',
  bad: 'var(--mui-palette-error-main)',
  optedOut: 'var(--mui-palette-secondary-main)',
  none: 'var(--mui-palette-text-disabled)',
};

export function resultGroupsOf(broadcast: Broadcast): ResultGroup[] {
  if (channelOf(broadcast) === 'Call') {
    const groups = [
      { value: 'Live Answer', label: 'Live answer', color: palette.good, count: broadcast.LivePersonTotal ?? 0 },
      { value: 'Answering Machine', label: 'Answering machine', color: palette.machine, count: broadcast.AnsweringMachineTotal ?? 0 },
      { value: 'Busy/No Answer', label: 'Busy / no answer', color: palette.retry, count: broadcast.BusyNoAnswerTotal ?? 0 },
      { value: 'Invalid Number', label: 'Invalid number', color: palette.bad, count: broadcast.InvalidNumberTotal ?? 0 },
    ];
    const tried = groups.reduce((sum, group) => sum + group.count, 0);
    return [...groups, { value: '', label: 'Not called', color: palette.none, count: Math.max(0, broadcast.PhoneNumberCount - tried) }];
  }
  const delivered = broadcast.DeliveredTexts ?? 0;
  const notDelivered = broadcast.NotDeliveredTexts ?? 0;
  const invalid = broadcast.InvalidTextCount ?? 0;
  // Every finished text has one of the four results; the totals have no field for "Opted Out", so it is the rest.
  const optedOut = Math.max(0, broadcast.TotalCompleted - delivered - notDelivered - invalid);
  return [
    { value: 'Delivered', label: 'Delivered', color: palette.good, count: delivered },
    { value: 'Not Delivered', label: 'Not delivered', color: palette.retry, count: notDelivered },
    { value: 'Invalid', label: 'Invalid', color: palette.bad, count: invalid },
    { value: 'Opted Out', label: 'Opted out before sending', color: palette.optedOut, count: optedOut },
    { value: '', label: 'Not sent', color: palette.none, count: Math.max(0, broadcast.PhoneNumberCount - broadcast.TotalCompleted) },
  ];
}

export const resultFieldOf = (channel: Channel) => (channel === 'Call' ? 'CallResultCategory' : 'TextResultCategory');
export const statusFieldOf = (channel: Channel) => (channel === 'Call' ? 'CallStatus' : 'TextStatus');
export const statusesOf = (channel: Channel): readonly string[] => (channel === 'Call' ? callStatuses : textStatuses);

/** In the URL, "no result yet" is `result=none` (an empty value would read as no filter). */
export const NO_RESULT = 'none';

/** The list's filters in the URL (`?category=InProgress&type=SMS&from=2026-01-01&to=2026-01-31`). */
export const broadcastListFilters = ['category', 'type', 'from', 'to'] as const;
export type BroadcastListFilter = (typeof broadcastListFilters)[number];

/** The report's filters on its numbers, in the URL (`?result=Busy/No Answer&status=Completed&answer=1`). */
export const resultFilters = ['result', 'status', 'answer'] as const;
export type ResultFilter = (typeof resultFilters)[number];

/**
 * What each survey key means, from the broadcast's `Survey` (docs/decisions/0155-survey-answer-labels.md); empty when
 * the API did not say, and then a key reads as "Pressed 1".
 */
export function surveyLabelsOf(broadcast: Pick<Broadcast, 'Survey'>): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const option of broadcast.Survey?.Options ?? []) {
    const label = option.Label?.trim();
    if (option.Key && label) labels.set(option.Key, label);
  }
  return labels;
}

/** A key pressed in words: "Yes (pressed 1)", or "Pressed 1" when its meaning is not known. */
export function surveyAnswerText(key: string, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(key);
  return label ? `${label} (pressed ${key})` : `Pressed ${key}`;
}

/**
 * The keys a survey report lists, in key order: every key the survey offered (a label with no answers still counts
 * as 0) and any other key that was answered.
 */
export function surveyKeysOf(responses: Readonly<Record<string, number | null>>, labels: ReadonlyMap<string, string>): string[] {
  return [...new Set([...labels.keys(), ...Object.keys(responses)])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
