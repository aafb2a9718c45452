import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';

/** How many times a failed read is tried again: never for a 4xx but 408/429, twice for the rest. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return false;
  }
  return failureCount < 2;
}

/** Backoff: 1 s, then 3 s; a server's Retry-After wins when it sends one. */
function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfter !== null) return Math.min(error.retryAfter, 30) * 1000;
  return failureCount === 0 ? 1000 : 3000;
}

export function createAppQueryClient(onError: (error: unknown) => void): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          // The session ended on the server: the route guard sends the user to the login page.
          queryClient.setQueryData(sessionQueries.current().queryKey, null);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.status === 401) {
          queryClient.setQueryData(sessionQueries.current().queryKey, null);
          return;
        }
        if (!mutation.meta?.handlesErrors) onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        // Lists change under other staff's hands; 20 s keeps navigation instant without going stale for long.
        staleTime: 20_000,
        retry: shouldRetry,
        retryDelay,
      },
      // Writes are never retried blindly: a retry could send a broadcast twice.
      mutations: { retry: false },
    },
  });
  return queryClient;
}
