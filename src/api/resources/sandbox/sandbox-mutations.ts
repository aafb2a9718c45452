import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sandboxQueries } from './sandbox-queries.ts';
import { advanceSandboxClock, recordByPhone } from './sandbox-requests.ts';
import type { SandboxRecordingInput } from '@contract/sandbox-recording.ts';

/** Advancing the clock can change anything (broadcasts finish, replies arrive): every query is refetched. */
export function useAdvanceSandboxClock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (minutes: number) => advanceSandboxClock(minutes),
    onSuccess: async (clock) => {
      queryClient.setQueryData(sandboxQueries.clock().queryKey, clock);
      await queryClient.invalidateQueries();
    },
  });
}

/** A recorded message starts its broadcast: every query is refetched, as after moving the clock. */
export function useRecordByPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SandboxRecordingInput) => recordByPhone(input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
