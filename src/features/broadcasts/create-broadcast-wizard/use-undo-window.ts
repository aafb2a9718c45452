import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isCreatedUnread, type CreatedUnread } from '@/api/api-client.ts';
import { isApiError } from '@/api/api-error.ts';
import { cancelBroadcast } from '@/api/resources/broadcasts/broadcast-requests.ts';
import { isFeatureOffered, RouteNotOfferedError, useFeatureOffered } from '@/api/route-availability.ts';
import { sendingSettingsQueries, useSendingSettings } from '@/api/sending-settings.ts';
import type { BroadcastCreateInput, BroadcastCreateResult } from '@contract/broadcast.ts';
import { defaultSendingSettings } from '@contract/sending-settings.ts';
import { appNow } from '@/utils/app-clock.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { heldIds, heldStart, isHeld, keepHold, type CancelAvailability, type SendHold } from './send-hold.ts';

/**
 * Whether the API can cancel, asked before the first send (decision 0186): canceling broadcast 0, which never exists.
 * "No such broadcast" means the route is there; a missing-route answer means it is not (and the page learns it,
 * route-availability.ts); anything else leaves it unknown, and the send is not held.
 */
export async function probeCancel(): Promise<CancelAvailability> {
  if (!isFeatureOffered('broadcastCancel')) return 'not-offered';
  try {
    await cancelBroadcast(0);
    return 'offered';
  } catch (error) {
    if (error instanceof RouteNotOfferedError) return 'not-offered';
    if (isApiError(error) && [400, 404, 409].includes(error.status)) return 'offered';
    return 'unknown';
  }
}

export const cancelProbeQuery = () =>
  queryOptions({
    queryKey: ['broadcast-cancel-probe'],
    queryFn: probeCancel,
    // Once a page load, as what route-availability learns.
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

/** A send about to go out: held (with its start) or not. */
export interface PreparedSend {
  input: BroadcastCreateInput;
  hold: Omit<SendHold, 'broadcastIds'> | null;
}

/**
 * The undo window for the wizard: what to say near Send, the held start to send with, and the hold to keep once the
 * API took the broadcast.
 */
export function useUndoWindow(user: { UserID: number }, timeZone: string, asking: boolean) {
  const queryClient = useQueryClient();
  const { settings } = useSendingSettings();
  const probe = useQuery({ ...cancelProbeQuery(), enabled: asking && settings.UndoWindowSeconds > 0 });
  const cancelOffered = useFeatureOffered('broadcastCancel');
  const cancel: CancelAvailability = !cancelOffered ? 'not-offered' : (probe.data ?? 'unknown');

  /** The input with the held start, if this send is held: settings and the probe are read first (cached by then). */
  const prepare = useCallback(
    async (input: BroadcastCreateInput, draft: BroadcastDraft): Promise<PreparedSend> => {
      if (draft.schedule.startMode !== 'now') return { input, hold: null };
      // Unreadable settings count as the defaults: a window to undo rather than none.
      const { UndoWindowSeconds: windowSeconds } = await queryClient.fetchQuery(sendingSettingsQueries.current()).catch(() => defaultSendingSettings);
      if (windowSeconds === 0) return { input, hold: null };
      const availability = await queryClient.fetchQuery(cancelProbeQuery()).catch((): CancelAvailability => 'unknown');
      if (!isHeld({ startMode: draft.schedule.startMode, windowSeconds, cancel: isFeatureOffered('broadcastCancel') ? availability : 'not-offered' })) {
        return { input, hold: null };
      }
      const { startsAt, startDate } = heldStart(appNow(), windowSeconds, timeZone);
      return { input: { ...input, StartDate: startDate }, hold: { startsAt, name: draft.type.name, draft } };
    },
    [queryClient, timeZone],
  );

  /** Keeps the hold with the copy of the draft, once the API took the broadcast (by its ID, and its combo half). */
  const keep = useCallback(
    (hold: PreparedSend['hold'], created: BroadcastCreateResult | CreatedUnread): boolean => {
      if (hold === null) return false;
      const id = isCreatedUnread(created) ? created.id : created.BroadcastID;
      if (id === null) return false;
      keepHold(user.UserID, { ...hold, broadcastIds: heldIds(id, isCreatedUnread(created) ? {} : created) }, appNow());
      return true;
    },
    [user.UserID],
  );

  return { windowSeconds: settings.UndoWindowSeconds, cancel, prepare, keep };
}
