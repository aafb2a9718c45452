import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isApiError } from '@/api/api-error.ts';
import { isCreatedUnread } from '@/api/api-client.ts';
import { broadcastGroupQueries, putBroadcastGroup } from '@/api/broadcast-groups.ts';
import { useCreateBroadcast } from '@/api/resources/broadcasts/broadcast-mutations.ts';
import { appNow } from '@/utils/app-clock.ts';
import { formatCount } from '@/utils/format-number.ts';
import { SENT_ID_UNKNOWN, toCreateInput, type BroadcastDraft } from './broadcast-draft.ts';
import type { SendingHours } from './recipient-zones.ts';
import { listPeopleCount, peopleOfDraft } from './zone-split-people.ts';
import { partDraftOf, splitByZone, splitDay, SPLIT_LEAD_MS, SPLIT_LIMIT, type ZonePart } from './zone-split.ts';

export interface ZoneSplitProgress {
  /** Reading the lists' people, then sending the parts. */
  phase: 'reading' | 'sending';
  done: number;
  of: number;
}

const withoutKey = (keys: Record<string, string>, zone: string) => Object.fromEntries(Object.entries(keys).filter(([key]) => key !== zone));

/** The parts for a day, moved to the next day when the local start has passed (or is about to) in any zone. */
function partsToSend(people: Parameters<typeof splitByZone>[0], options: Parameters<typeof splitByZone>[1]): ZonePart[] {
  const parts = splitByZone(people, options);
  const day = splitDay(
    options.day,
    options.localStart,
    parts.map((part) => part.zone),
    appNow() + SPLIT_LEAD_MS,
  );
  return day === options.day ? parts : splitByZone(people, { ...options, day });
}

/**
 * Sends a draft as one broadcast a time zone (decision 0198): reads everyone it reaches, splits them by clock,
 * creates each part (scheduled for the local start there) with a key of its own kept in the draft, and records the
 * group on our server after each part, so a closed tab or a failure leaves the made parts linked and a second Send
 * makes only the missing ones.
 */
export function useZoneSplitSend({
  draft,
  update,
  userZone,
  durationMinutes,
  hours,
}: {
  draft: BroadcastDraft;
  update: (change: (current: BroadcastDraft) => BroadcastDraft) => void;
  userZone: string;
  durationMinutes: number;
  hours: SendingHours;
}) {
  const create = useCreateBroadcast();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ZoneSplitProgress | null>(null);
  // The keys and made parts of this send, as the draft will hold them once saved.
  const made = useRef<{ keys: Record<string, string>; sent: Record<string, number> }>({ keys: {}, sent: {} });

  const send = useMutation({
    meta: { handlesErrors: true },
    mutationFn: async (): Promise<{ parts: number; unreachable: string[]; firstId: number; linked: boolean }> => {
      const split = draft.zoneSplit;
      if (!split) throw new Error('This draft is not split by time zone.');
      made.current = { keys: { ...split.keys }, sent: { ...split.sent } };
      const remember = () => update((current) => (current.zoneSplit ? { ...current, zoneSplit: { ...current.zoneSplit, ...made.current } } : current));

      setProgress({ phase: 'reading', done: 0, of: listPeopleCount(draft) });
      const people = await peopleOfDraft(draft, new AbortController().signal, (read) =>
        setProgress({ phase: 'reading', done: read, of: listPeopleCount(draft) }),
      );
      if (people.length === 0) throw new Error('Nobody is left to send to once the excluded numbers are left out.');
      if (people.length > SPLIT_LIMIT) {
        throw new Error(
          `${formatCount(people.length)} people are too many to send one broadcast a time zone (at most ${formatCount(SPLIT_LIMIT)}). Send it as one broadcast.`,
        );
      }
      const parts = partsToSend(people, { day: split.day, localStart: split.localStart, userZone, durationMinutes, hours });

      const grouped: Array<{ part: ZonePart; id: number }> = [];
      let linked = true;
      const unreachable: string[] = [];
      for (const [index, part] of parts.entries()) {
        setProgress({ phase: 'sending', done: index, of: parts.length });
        let id = made.current.sent[part.zone];
        if (id === undefined) {
          const key = made.current.keys[part.zone] ?? crypto.randomUUID();
          made.current.keys[part.zone] = key;
          remember();
          try {
            const created = await create.mutateAsync({ input: toCreateInput(partDraftOf(draft, part, userZone)), idempotencyKey: key });
            id = (isCreatedUnread(created) ? created.id : created.BroadcastID) ?? SENT_ID_UNKNOWN;
          } catch (error) {
            // A refusal made nothing and is replayed for the same key: the next try needs a key of its own.
            if (isApiError(error) && error.status >= 400 && error.status < 500) made.current.keys = withoutKey(made.current.keys, part.zone);
            remember();
            // A part whose people can none of them be reached (all landlines for a text) is left out, as the one
            // broadcast would have skipped them; the others go on.
            if (isApiError(error) && error.errorName === 'NoValidBroadcastContacts' && parts.length > 1) {
              unreachable.push(part.zoneName);
              continue;
            }
            const reason = error instanceof Error ? error.message : 'It could not be sent.';
            const sentSoFar = Object.keys(made.current.sent).length;
            throw new Error(
              `The ${part.zoneName} part was not sent: ${reason} ${sentSoFar > 0 ? `${sentSoFar} of ${parts.length} parts are sent; Send again sends only the rest.` : 'Nothing was sent.'}`,
              { cause: error },
            );
          }
          made.current.sent[part.zone] = id;
          remember();
        }
        if (id !== SENT_ID_UNKNOWN) grouped.push({ part, id });
        // Linked after each part: the parts made so far are a group even if the tab closes now.
        linked = await putBroadcastGroup(split.groupId, {
          Name: draft.type.name.trim(),
          LocalStart: split.localStart,
          Parts: grouped.map((entry) => ({
            BroadcastID: entry.id,
            TimeZone: entry.part.zone,
            TimeZoneName: entry.part.zoneName,
            Recipients: entry.part.people.length,
          })),
        }).then(
          () => true,
          () => false,
        );
      }
      setProgress({ phase: 'sending', done: parts.length, of: parts.length });
      if (grouped.length === 0 && unreachable.length === parts.length)
        throw new Error('None of the recipients can be reached by this broadcast: nothing was sent.');
      return { parts: parts.length - unreachable.length, unreachable, firstId: grouped[0]?.id ?? SENT_ID_UNKNOWN, linked };
    },
    onSuccess: ({ firstId }) => update((current) => ({ ...current, sentBroadcastId: firstId })),
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: broadcastGroupQueries.all() });
    },
  });

  return { send, progress };
}
