import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sandboxQueries } from './sandbox-queries.ts';
import { advanceSandboxClock } from './sandbox-requests.ts';

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
