import { formatPhoneNumber } from '@contract/phone-format.ts';
import { queryOptions } from '@tanstack/react-query';
import { getAudio } from '@/api/resources/audio/audio-requests.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { broadcastDetailsPath, getBroadcast, getDraftBroadcast } from '@/api/resources/broadcasts/broadcast-requests.ts';
import { walkFeed } from '@/api/feed-pages.ts';
import type { Filter } from '@/api/list-params.ts';
import { broadcastDetailSchema } from '@contract/broadcast-detail.ts';
import { broadcastTypeSchema, type Broadcast, type BroadcastType } from '@contract/broadcast.ts';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import type { User } from '@contract/user.ts';
import { channelOf, resultFieldOf, statusFieldOf } from '../broadcast-display.ts';
import { draftLimits, newDraft, type AudioChoice, type BroadcastDraft } from './broadcast-draft.ts';
import { textOr } from '@/utils/missing.ts';

/** Where a new draft comes from: `?from=` (duplicate, or send again to a result group) or `?draft=` (an API draft). */
export interface PrefillRequest {
  from: number | null;
  resultCategory: string | null;
  status: string | null;
  draftId: number | null;
}

export function prefillRequestOf(params: URLSearchParams): PrefillRequest | null {
  const number = (name: string) => (/^\d+$/.test(params.get(name) ?? '') ? Number(params.get(name)) : null);
  const request = { from: number('from'), resultCategory: params.get('resultCategory'), status: params.get('status'), draftId: number('draft') };
  return request.from === null && request.draftId === null ? null : request;
}

const TYPE_CHOICES: Record<BroadcastType, Omit<BroadcastDraft['type'], 'name'>> = {
  Announcement: { channel: 'voice', callKind: 'announcement', combo: 'and' },
  Survey: { channel: 'voice', callKind: 'survey', combo: 'and' },
  SMS: { channel: 'text', callKind: 'announcement', combo: 'and' },
  SMSAndAnnouncement: { channel: 'both', callKind: 'announcement', combo: 'and' },
  SMSOrAnnouncement: { channel: 'both', callKind: 'announcement', combo: 'or' },
  SMSAndSurvey: { channel: 'both', callKind: 'survey', combo: 'and' },
  SMSOrSurvey: { channel: 'both', callKind: 'survey', combo: 'or' },
};

type Person = NonNullable<BroadcastDraft['recipients']['carried']>['people'][number];

/** Everyone in a broadcast's results (optionally one result group), with their names, page by page. */
async function peopleOf(broadcast: Broadcast, request: PrefillRequest, signal?: AbortSignal): Promise<Person[]> {
  const channel = channelOf(broadcast);
  const filters: Filter[] = [];
  if (request.resultCategory) filters.push({ field: resultFieldOf(channel), op: 'eq', value: request.resultCategory });
  if (request.status) filters.push({ field: statusFieldOf(channel), op: 'eq', value: request.status });
  const people: Person[] = [];
  for await (const page of walkFeed(broadcastDetailsPath(broadcast.BroadcastID!, { filters, pageSize: 1000 }), broadcastDetailSchema, { signal })) {
    for (const detail of page.items) {
      people.push({
        FirstName: detail.FirstName ?? '',
        LastName: detail.LastName ?? '',
        PrimaryPhone: detail.PhoneNumber,
        Notes: detail.Notes ?? '',
        IntegrationData: detail.IntegrationData ?? '',
      });
    }
  }
  return people;
}

async function audioChoice(stub: Broadcast['Audio'], signal?: AbortSignal): Promise<AudioChoice | null> {
  if (!stub) return null;
  try {
    const audio = await getAudio(stub.AudioID, signal);
    return { source: 'library', audioId: audio.AudioID, name: textOr(audio.Name) };
  } catch {
    // No longer in the library (or not visible to this user): the message must be chosen again.
    return null;
  }
}

/** A survey's question and answers as the API answered them (decision 155); the draft's defaults when it did not. */
function surveyOf(call: Broadcast | null): Partial<Pick<BroadcastDraft['message'], 'surveyQuestion' | 'surveyOptions'>> {
  const options = (call?.Survey?.Options ?? []).flatMap((option) =>
    option.Key && /^[0-9]$/.test(option.Key) && option.Label ? [{ key: option.Key, label: option.Label.slice(0, draftLimits.surveyLabel) }] : [],
  );
  if (options.length === 0) return {};
  return { surveyQuestion: (call?.Survey?.Question ?? '').slice(0, draftLimits.surveyQuestion), surveyOptions: options };
}

/** A new draft built from an earlier broadcast: its settings and message, and its people (or one group of them). */
async function draftFromBroadcast(user: User, request: PrefillRequest, signal?: AbortSignal): Promise<BroadcastDraft> {
  const first = await getBroadcast(request.from!, signal);
  // A combo's two halves: the call half carries the audio, the text half the text.
  const other =
    first.CallBroadcastID && first.TextBroadcastID
      ? await getBroadcast(first.BroadcastID === first.CallBroadcastID ? first.TextBroadcastID : first.CallBroadcastID, signal)
      : null;
  const call = [first, other].find((half) => half && channelOf(half) === 'Call') ?? null;
  const text = [first, other].find((half) => half && channelOf(half) === 'Text') ?? null;
  const draft = newDraft(user);
  const group = request.resultCategory || request.status ? [request.resultCategory, request.status].filter(Boolean).join(', ') : null;

  // "Send again" reaches the group on the half it was chosen on; a duplicate reaches everyone on both halves.
  const sources = group ? [first] : [first, other].filter((half): half is Broadcast => half !== null);
  const byPhone = new Map<string, Person>();
  for (const half of sources)
    for (const person of await peopleOf(half, request, signal)) if (!byPhone.has(person.PrimaryPhone)) byPhone.set(person.PrimaryPhone, person);

  return {
    ...draft,
    // Open on the recipients, so the people carried over are the first thing seen.
    step: 1,
    type: {
      name: group ? `${textOr(first.BroadcastName)}: ${group}` : `Copy of ${textOr(first.BroadcastName)}`,
      ...TYPE_CHOICES[first.BroadcastType ?? 'Announcement'],
    },
    recipients: {
      ...draft.recipients,
      carried: {
        label: group ? `${group} from “${textOr(first.BroadcastName)}”` : `Everyone from “${textOr(first.BroadcastName)}”`,
        people: [...byPhone.values()],
      },
    },
    message: {
      ...draft.message,
      audio: await audioChoice(call?.Audio ?? null, signal),
      voicemailAudio: await audioChoice(call?.AudioVM ?? null, signal),
      transfer: call?.TransferAndConnect?.TransferNumber
        ? { ...draft.message.transfer, enabled: true, number: call.TransferAndConnect.TransferNumber }
        : draft.message.transfer,
      callerId: call?.CallerID ? formatPhoneNumber(call.CallerID) : draft.message.callerId,
      ...surveyOf(call),
      textMessage: text?.TextMessage ?? '',
      textNumberId: text?.TextNumberID ?? null,
    },
    schedule: {
      ...draft.schedule,
      retries: call?.RetryTimes ?? draft.schedule.retries,
      callThrottle: call?.CallThrottle ?? draft.schedule.callThrottle,
      maxMessageLength: call?.MaxMessageLength || draft.schedule.maxMessageLength,
    },
  };
}

/** A new draft from one staged with POST /v1/draftbroadcasts: its contacts and whatever fields it carried. */
async function draftFromApiDraft(user: User, draftId: number, signal?: AbortSignal): Promise<BroadcastDraft> {
  const staged = await getDraftBroadcast(draftId, signal);
  const draft = newDraft(user);
  const type = broadcastTypeSchema.safeParse(staged.BroadcastType);
  const people = (staged.Contacts ?? []).flatMap((contact) => {
    const phone = normalizePhoneNumber(contact.PrimaryPhone);
    return phone.ok
      ? [
          {
            FirstName: contact.FirstName ?? '',
            LastName: contact.LastName ?? '',
            PrimaryPhone: phone.digits,
            Notes: contact.Notes ?? '',
            IntegrationData: contact.IntegrationData ?? '',
          },
        ]
      : [];
  });
  return {
    ...draft,
    step: 1,
    type: {
      ...draft.type,
      ...(type.success ? TYPE_CHOICES[type.data] : {}),
      name: typeof staged.BroadcastName === 'string' ? staged.BroadcastName : `Draft ${draftId}`,
    },
    recipients: { ...draft.recipients, carried: people.length > 0 ? { label: `Contacts of draft ${draftId}`, people } : null },
    message: { ...draft.message, textMessage: typeof staged.TextMessage === 'string' ? staged.TextMessage : '' },
  };
}

/** The draft a prefill request stands for, loaded once per request. */
export const prefillQuery = (user: User, request: PrefillRequest) =>
  queryOptions({
    queryKey: [...broadcastQueries.all(), 'wizard-prefill', user, request],
    queryFn: ({ signal }) => (request.from !== null ? draftFromBroadcast(user, request, signal) : draftFromApiDraft(user, request.draftId!, signal)),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
