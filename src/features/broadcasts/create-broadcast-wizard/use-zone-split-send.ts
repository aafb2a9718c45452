import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/api/api-error.ts';
import { isCreatedUnread } from '@/api/api-client.ts';
import { broadcastGroupQueries, putBroadcastGroup } from '@/api/broadcast-groups.ts';
import { useCreateBroadcast } from '@/api/resources/broadcasts/broadcast-mutations.ts';
import { appNow } from '@/utils/app-clock.ts';
import { formatCount } from '@/utils/format-number.ts';
import { SENT_ID_UNKNOWN, toCreateInput, type BroadcastDraft, type ZoneSplit } from './broadcast-draft.ts';
import type { SendingHours } from './recipient-zones.ts';
import { canSplit, listPeopleCount, peopleOfDraft } from './zone-split-people.ts';
import { clockOf, partDraftOf, partKey, partsDay, splitByZone, SPLIT_LEAD_MS, SPLIT_LIMIT, startDayOf } from './zone-split.ts';

/** Our server takes JSON bodies up to 4 MiB: a part's request must stay well under it. */
const PART_REQUEST_LIMIT = 3.5 * 1024 * 1024;

export interface ZoneSplitProgress {
  /** Reading the lists' people, then sending the parts. */
  phase: 'reading' | 'sending';
  done: number;
  of: number;
}

/** The service made it, or made it and our server no longer keeps its answer (decision 0122): not to be made again. */
const madeAnyway = (error: unknown) => isApiError(error) && error.errorName === 'AnswerNotKept';

/**
 * Sends a draft as one broadcast a time zone (decision 0198): reads everyone it reaches, splits them by clock, and
 * creates each part scheduled for the local start there. Each part's key comes from the group, its clock and its
 * refusals, and each made part is recorded in the stored draft at once: a second Send, a reload or another tab makes
 * only the missing parts. The group is written to our server after each part, so the made parts stay linked.
 */
export function useZoneSplitSend({
  draft,
  recordSplit,
  userZone,
  durationMinutes,
  hours,
}: {
  draft: BroadcastDraft;
  recordSplit: (change: (split: ZoneSplit) => ZoneSplit) => void;
  userZone: string;
  durationMinutes: number;
  hours: SendingHours;
}) {
  const create = useCreateBroadcast();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ZoneSplitProgress | null>(null);

  const send = useMutation({
    meta: { handlesErrors: true },
    mutationFn: async (): Promise<{ parts: number; unreachable: string[]; firstId: number; linked: boolean }> => {
      const split = draft.zoneSplit;
      if (!split) throw new Error('This draft is not split by time zone.');
      if (!canSplit(draft))
        throw new Error('A large uploaded file’s people are not kept in this browser, so they cannot be split by time zone. Send it as one broadcast.');

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
      const now = appNow();
      const options = { localStart: split.localStart, userZone, durationMinutes, hours };
      // Split again only when the start day has passed somewhere: splitting thousands of people is not free.
      const startDay = split.fixedDay ?? startDayOf(draft.schedule, userZone, now);
      let parts = splitByZone(people, { ...options, day: startDay });
      const day = partsDay(
        draft,
        parts.map((part) => part.zone),
        userZone,
        now,
      );
      if (day !== startDay) parts = splitByZone(people, { ...options, day });
      const late = parts.find((part) => split.sent[clockOf(part)] === undefined && part.startsAt <= now + SPLIT_LEAD_MS);
      if (late)
        throw new Error(`The ${late.zoneName} part’s start has passed. The parts already made stay scheduled; send the rest as a broadcast of its own.`);
      const inputs = parts.map((part) => toCreateInput(partDraftOf(draft, part, userZone)));
      const oversized = inputs.findIndex((input) => JSON.stringify(input).length > PART_REQUEST_LIMIT);
      if (oversized !== -1) throw new Error(`The ${parts[oversized]!.zoneName} part is too large for one request. Send it as one broadcast.`);
      // From here the day and the clocks no longer move: every later Send finds the same parts.
      if (split.fixedDay === null) recordSplit((current) => ({ ...current, fixedDay: current.fixedDay ?? day }));

      const sent = { ...split.sent };
      const attempts = { ...split.attempts };
      const unreachable: string[] = [];
      let linked = true;
      for (const [index, part] of parts.entries()) {
        setProgress({ phase: 'sending', done: index, of: parts.length });
        const clock = clockOf(part);
        if (sent[clock] === undefined) {
          try {
            const created = await create.mutateAsync({ input: inputs[index]!, idempotencyKey: partKey(split.groupId, part, attempts[clock] ?? 0) });
            const id = (isCreatedUnread(created) ? created.id : created.BroadcastID) ?? SENT_ID_UNKNOWN;
            sent[clock] = { id, zone: part.zone, zoneName: part.zoneName, recipients: part.people.length };
          } catch (error) {
            if (madeAnyway(error)) {
              sent[clock] = { id: SENT_ID_UNKNOWN, zone: part.zone, zoneName: part.zoneName, recipients: part.people.length };
            } else {
              // A refusal made nothing and is replayed for the same key: the next try needs a key of its own.
              const refused = isApiError(error) && error.status >= 400 && error.status < 500 ? error : null;
              if (refused) {
                attempts[clock] = (attempts[clock] ?? 0) + 1;
                recordSplit((current) => ({
                  ...current,
                  attempts: { ...current.attempts, [clock]: Math.max(current.attempts[clock] ?? 0, attempts[clock]!) },
                }));
              }
              // A part whose people can none of them be reached (all landlines for a text) is left out, as the one
              // broadcast would have skipped them; the others go on.
              if (refused?.errorName === 'NoValidBroadcastContacts' && parts.length > 1) {
                unreachable.push(part.zoneName);
                continue;
              }
              const reason = error instanceof Error ? error.message : 'It could not be sent.';
              const made = Object.keys(sent).length;
              throw new Error(
                `The ${part.zoneName} part was not sent: ${reason} ${made > 0 ? `${made} of ${parts.length} parts are scheduled; Send again sends only the rest.` : 'Nothing was sent.'}`,
                { cause: error },
              );
            }
          }
          const made = sent[clock]!;
          recordSplit((current) => ({ ...current, sent: { ...current.sent, [clock]: current.sent[clock] ?? made } }));
        }
        // Every part made so far, from this Send or an earlier one: the group is whole even if the tab closes now.
        const grouped = Object.values(sent).filter((entry) => entry.id !== SENT_ID_UNKNOWN);
        if (grouped.length > 0) {
          linked = await putBroadcastGroup(split.groupId, {
            Name: draft.type.name.trim(),
            LocalStart: split.localStart,
            Parts: grouped.map((entry) => ({ BroadcastID: entry.id, TimeZone: entry.zone, TimeZoneName: entry.zoneName, Recipients: entry.recipients })),
          }).then(
            () => true,
            () => false,
          );
        }
      }
      setProgress({ phase: 'sending', done: parts.length, of: parts.length });
      if (Object.keys(sent).length === 0) throw new Error('None of the recipients can be reached by this broadcast: nothing was sent.');
      const firstId = parts.map((part) => sent[clockOf(part)]?.id).find((id) => id !== undefined && id !== SENT_ID_UNKNOWN) ?? SENT_ID_UNKNOWN;
      return { parts: Object.keys(sent).length, unreachable, firstId, linked };
    },
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: broadcastGroupQueries.all() });
    },
  });

  return { send, progress };
}
