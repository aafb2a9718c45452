import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@contract/user.ts';
import { sessionQueries } from './session-queries.ts';
import { logIn, logOut } from './session-requests.ts';

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginInput) => logIn(credentials),
    meta: { handlesErrors: true },
    onSuccess: (user) => {
      queryClient.setQueryData(sessionQueries.current().queryKey, user);
    },
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      // Nothing of the previous user may linger in the cache for the next one.
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, null);
    },
  });
}
