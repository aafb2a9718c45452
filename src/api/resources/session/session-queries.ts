import { queryOptions, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { pageSaysSandbox, pageSession } from '@/utils/page-meta.ts';
import { sessionUserSchema, type SessionUser } from '@contract/user.ts';
import { getServerConfig, getSession } from './session-requests.ts';

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'],
      queryFn: ({ signal }) => getSession(signal),
      // The session changes only through login, logout and 401s, which update this entry themselves.
      staleTime: 5 * 60_000,
    }),
  serverConfig: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'server-config'],
      queryFn: ({ signal }) => getServerConfig(signal),
      // The page itself says it when our server sent it: no request, and the first paint already knows.
      initialData: () => {
        const sandbox = pageSaysSandbox();
        return sandbox === undefined ? undefined : { Sandbox: sandbox };
      },
      staleTime: Infinity,
    }),
};

/**
 * Takes the session our server wrote into the page as the current session, so a signed-in first load draws its page
 * at once instead of asking /api/session first. Anything the page does not say plainly is left to that request.
 */
export function seedSessionFromPage(queryClient: QueryClient): void {
  const said = pageSession();
  if (said === undefined) return;
  const user = said === null ? null : sessionUserSchema.safeParse(said);
  if (user === null || user.success) queryClient.setQueryData(sessionQueries.current().queryKey, user?.data ?? null);
}

/**
 * Starts a page's query as navigation to it begins, for a signed-in user only (and only one the page asks it for):
 * a signed-out visit goes to the login page instead, and its request would only be refused.
 */
export function prefetchWhenSignedIn<Data, Key extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<Data, Error, Data, Key>,
  asksFor: (user: SessionUser) => boolean = () => true,
): void {
  const user = queryClient.getQueryData(sessionQueries.current().queryKey);
  if (user && asksFor(user)) void queryClient.prefetchQuery(options);
}
