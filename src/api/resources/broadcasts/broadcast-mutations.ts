import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Broadcast, BroadcastCreateInput } from '@contract/broadcast.ts';
import { accountQueries } from '../account/account-queries.ts';
import { broadcastQueries } from './broadcast-queries.ts';
import { cancelBroadcast, createBroadcast, deleteBroadcast, pauseBroadcast, resumeBroadcast } from './broadcast-requests.ts';

/** Acting on one half of a combo moves the other too, and stopping one frees its reserved credits: refresh all of them. */
function useBroadcastAction(action: (broadcastId: number) => Promise<Broadcast>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async (broadcast, broadcastId) => {
      queryClient.setQueryData(broadcastQueries.detail(broadcastId).queryKey, broadcast);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: broadcastQueries.all() }),
        queryClient.invalidateQueries({ queryKey: accountQueries.all() }),
      ]);
    },
  });
}

export const usePauseBroadcast = () => useBroadcastAction(pauseBroadcast);
export const useResumeBroadcast = () => useBroadcastAction(resumeBroadcast);
export const useCancelBroadcast = () => useBroadcastAction(cancelBroadcast);

export function useDeleteBroadcast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBroadcast,
    // The deleted broadcast's own entry is left alone: its page is being left, and a refetch would only answer 404.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: broadcastQueries.lists() }), queryClient.invalidateQueries({ queryKey: accountQueries.all() })]),
  });
}

/** Sends a broadcast once per idempotency key; the wizard shows its own errors beside the Send button. */
export function useCreateBroadcast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: BroadcastCreateInput; idempotencyKey: string }) => createBroadcast(input, idempotencyKey),
    meta: { handlesErrors: true },
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: broadcastQueries.lists() }), queryClient.invalidateQueries({ queryKey: accountQueries.all() })]),
  });
}
