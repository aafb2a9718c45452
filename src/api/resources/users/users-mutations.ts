import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserCreateInput, UserUpdateInput } from '@contract/user-settings.ts';
import { sessionQueries } from '../session/session-queries.ts';
import { usersQueries } from './users-queries.ts';
import { createUser, updateUser } from './users-requests.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => createUser(input),
    // The form shows the error next to the field it concerns (a taken user name, say).
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueries.all() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: number; input: UserUpdateInput }) => updateUser(userId, input),
    meta: { handlesErrors: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQueries.all() }),
        // The signed-in user may have changed their own settings (or a master their permissions).
        queryClient.invalidateQueries({ queryKey: sessionQueries.current().queryKey }),
      ]),
  });
}
