import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@contract/user.ts';
import { sessionQueries } from './session-queries.ts';
import { logIn, logOut, logOutEverywhere } from './session-requests.ts';

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
  const forget = useForgetSession();
  return useMutation({ mutationFn: logOut, onSettled: forget });
}

/**
 * "Log out everywhere": every session of the user ends, this one too; the app then shows the login page. Only once
 * the server has done it: a failure leaves the user signed in to see why and try again.
 */
export function useLogOutEverywhere() {
  const forget = useForgetSession();
  return useMutation({ mutationFn: logOutEverywhere, onSuccess: forget });
}

function useForgetSession() {
  const queryClient = useQueryClient();
  return () => {
    // Nothing of the previous user may linger in the cache for the next one.
    queryClient.clear();
    queryClient.setQueryData(sessionQueries.current().queryKey, null);
  };
}
