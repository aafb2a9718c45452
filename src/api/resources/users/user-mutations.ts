import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserCreateInput, UserUpdateInput } from '@contract/user-settings.ts';
import { sessionQueries } from '../session/session-queries.ts';
import { userQueries } from './user-queries.ts';
import { createUser, updateUser } from './user-requests.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => createUser(input),
    // The form shows the error next to the field it concerns (a taken user name, say).
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: number; input: UserUpdateInput }) => updateUser(userId, input),
    meta: { handlesErrors: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.all() }),
        // The signed-in user may have changed their own settings (or a master their permissions).
        queryClient.invalidateQueries({ queryKey: sessionQueries.current().queryKey }),
      ]),
  });
}
