import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { walkFeed } from '@/api/feed-pages.ts';
import { buildListQuery } from '@/api/list-params.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { broadcastDetailsPath } from '@/api/resources/broadcasts/broadcast-requests.ts';
import { walkContacts } from '@/api/resources/contacts/contact-requests.ts';
import { broadcastSchema, type Broadcast, type BroadcastStatus } from '@contract/broadcast.ts';
import { broadcastDetailSchema } from '@contract/broadcast-detail.ts';
import { timeZoneForState } from '@contract/common.ts';
import type { User } from '@contract/user.ts';
import { appNow } from '@/utils/app-clock.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import {
  isMostlyTheSame,
  knownAudienceOf,
  outgoingMessageOf,
  overlapOf,
  phoneDigits,
  reachedBy,
  senderOf,
  similarRecentBroadcasts,
  windowStartDay,
  type KnownAudience,
  type Likeness,
  type Overlap,
} from './double-send-rules.ts';

/** An earlier broadcast this one may repeat. */
export interface DoubleSendMatch {
  id: number;
  name: string;
  /** "you", a name, or "user 12". */
  sender: string;
  /** The API's StartDate (the user's zone). */
  startDate: string;
  status: BroadcastStatus | null;
  likeness: Likeness;
  /** Null when none of the new broadcast's numbers could be read here (only large files), so nothing was compared. */
  overlap: Overlap | null;
}

export interface DoubleSendCheck {
  matches: DoubleSendMatch[];
  /** The user sees only their own broadcasts (no CanSeeAllBroadcasts): others' were not checked. */
  ownOnly: boolean;
  /** People of large files not compared. */
  unread: number;
  /** More numbers than `MAX_NUMBERS_READ` on one side: the share is of those read. */
  partial: boolean;
}

/** Recent broadcasts read at most, 100 a page. */
const MAX_RECENT_PAGES = 10;
/** Numbers read at most for one side of a comparison (a list's members, an earlier broadcast's numbers). */
export const MAX_NUMBERS_READ = 20_000;

async function recentBroadcasts(now: number, timeZone: string, signal: AbortSignal): Promise<Broadcast[]> {
  const path = `/v1/broadcasts${buildListQuery({ filters: [{ field: 'StartDate', op: 'gte', value: windowStartDay(now, timeZone) }], pageSize: 100 })}`;
  const found: Broadcast[] = [];
  let pages = 0;
  for await (const page of walkFeed(path, broadcastSchema, { signal })) {
    found.push(...page.items);
    pages += 1;
    if (pages >= MAX_RECENT_PAGES) break;
  }
  return found;
}

/** Reads a feed's phone numbers until the cap; says whether it stopped early. */
async function readNumbers(
  pages: AsyncIterable<{ items: Array<Record<string, unknown>> }>,
  phonesOf: (item: Record<string, unknown>) => unknown[],
  into: Set<string>,
) {
  for await (const page of pages) {
    for (const item of page.items) {
      for (const phone of phonesOf(item)) {
        const digits = typeof phone === 'string' ? phoneDigits(phone) : null;
        if (digits) into.add(digits);
      }
    }
    if (into.size >= MAX_NUMBERS_READ) return true;
  }
  return false;
}

/** Every number the new broadcast reaches that can be known here: the chosen lists' members read from the API. */
async function ourNumbers(audience: KnownAudience, signal: AbortSignal): Promise<{ numbers: Set<string>; partial: boolean }> {
  const numbers = new Set(audience.numbers);
  let partial = false;
  for (const listId of audience.listIds) {
    const phonesOf = (contact: Record<string, unknown>) =>
      audience.primaryOnly ? [contact.PrimaryPhone] : [contact.PrimaryPhone, contact.SecondaryPhone, contact.TertiaryPhone];
    if (await readNumbers(walkContacts({ listId }, signal), phonesOf, numbers)) partial = true;
    if (partial) break;
  }
  for (const excluded of audience.excluded) numbers.delete(excluded);
  return { numbers, partial };
}

async function checkDoubleSend(draft: BroadcastDraft, user: User, signal: AbortSignal): Promise<DoubleSendCheck> {
  const now = appNow();
  // Only when the API said so: without its user route the permissions are stand-ins (decision 0113).
  const ownOnly = user.IsMasterUser === false && !user.Permissions?.CanSeeAllBroadcasts;
  const similar = similarRecentBroadcasts(outgoingMessageOf(draft), await recentBroadcasts(now, timeZoneForState(user.State ?? ''), signal), now);
  const audience = knownAudienceOf(draft);
  if (similar.length === 0) return { matches: [], ownOnly, unread: audience.unread, partial: false };
  // Only for the few look-alikes: who we reach, and whom each of them reached.
  const ours = await ourNumbers(audience, signal);
  let partial = ours.partial;
  const matches: DoubleSendMatch[] = [];
  for (const { broadcast, id, likeness, halves } of similar) {
    let overlap: Overlap | null = null;
    if (ours.numbers.size > 0) {
      const theirs = new Set<string>();
      for (const half of [id, ...halves]) {
        const pages = walkFeed(broadcastDetailsPath(half, { pageSize: 1000 }), broadcastDetailSchema, { signal });
        if (await readNumbers(pages, (detail) => (reachedBy(detail) ? [detail.PhoneNumber] : []), theirs)) partial = true;
      }
      overlap = overlapOf(ours.numbers, theirs);
      if (!isMostlyTheSame(overlap)) continue;
    }
    matches.push({
      id,
      name: broadcast.BroadcastName ?? '',
      sender: senderOf(broadcast.User, user.UserID),
      startDate: broadcast.StartDate ?? '',
      status: broadcast.BroadcastStatus,
      likeness,
      overlap,
    });
  }
  return { matches, ownOnly, unread: audience.unread, partial };
}

/** What the check depends on: the name, the message and the recipients. */
const checkedFacts = (draft: BroadcastDraft) => ({ message: outgoingMessageOf(draft), recipients: draft.recipients });

export const doubleSendQuery = (draft: BroadcastDraft, user: User) =>
  queryOptions({
    queryKey: [...broadcastQueries.all(), 'double-send', user, checkedFacts(draft)],
    queryFn: ({ signal }) => checkDoubleSend(draft, user, signal),
    staleTime: 30_000,
    retry: false,
  });

// "Send it anyway", per draft (its idempotency key) and per set of matches: a new look-alike asks again.
const acknowledged = new Map<string, string>();
const listeners = new Set<() => void>();
const matchesKey = (matches: readonly DoubleSendMatch[]) => matches.map((match) => match.id).join(',');

export function setSendAnyway(draftKey: string, matches: readonly DoubleSendMatch[], value: boolean): void {
  if (value) acknowledged.set(draftKey, matchesKey(matches));
  else acknowledged.delete(draftKey);
  for (const listener of listeners) listener();
}

function useAcknowledged(draftKey: string): string | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => acknowledged.get(draftKey),
  );
}

/**
 * Whether Send waits: for the check while it runs, then for "Send it anyway" when it found a look-alike. A check that
 * failed, or is not asked (not the last step), holds nothing.
 */
export function sendIsHeld(state: { enabled: boolean; pending: boolean; fetching: boolean; matches: number; sendAnyway: boolean }): boolean {
  if (!state.enabled) return false;
  if (state.pending) return state.fetching;
  return state.matches > 0 && !state.sendAnyway;
}

/** The check for the review step, and whether the user chose to send anyway. */
export function useDoubleSendCheck(draft: BroadcastDraft, user: User, enabled = true) {
  const check = useQuery({ ...doubleSendQuery(draft, user), enabled: enabled && draft.sentBroadcastId === null });
  const acknowledgedKey = useAcknowledged(draft.idempotencyKey);
  const matches = check.data?.matches ?? [];
  const sendAnyway = matches.length > 0 && acknowledgedKey === matchesKey(matches);
  return {
    check,
    sendAnyway,
    holdsSend: sendIsHeld({ enabled, pending: check.isPending, fetching: check.fetchStatus !== 'idle', matches: matches.length, sendAnyway }),
  };
}
