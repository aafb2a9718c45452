import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OptOutInput } from '@contract/opt-out.ts';
import { conversationQueries } from '../conversations/conversation-queries.ts';
import { optOutQueries } from './opt-out-queries.ts';
import { addOptOut, removeOptOut, type OptOutRemoval } from './opt-out-requests.ts';

/** An opt-out changes what conversations may send, so their cache goes too. */
function useInvalidateOptOuts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: optOutQueries.all() }), queryClient.invalidateQueries({ queryKey: conversationQueries.all() })]);
}

export function useAddOptOut() {
  const invalidate = useInvalidateOptOuts();
  return useMutation({
    mutationFn: (input: OptOutInput) => addOptOut(input),
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}

export function useRemoveOptOut() {
  const invalidate = useInvalidateOptOuts();
  return useMutation({
    mutationFn: (removal: OptOutRemoval) => removeOptOut(removal),
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}
