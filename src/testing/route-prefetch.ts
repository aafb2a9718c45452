import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@contract/user.ts';

type RoutePrefetch = (queryClient: QueryClient, url: string) => unknown;

/**
 * What a route's loader asks for ahead of its page, for a signed-in user, visiting each URL in turn: the requests'
 * paths, and the query client they went through. `fetch` is stubbed for the test (the test config puts it back); answers
 * are empty Feeds.
 */
export function askedAhead(prefetch: RoutePrefetch, user: Partial<User>, urls: string[], queryClient = new QueryClient()) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    requests.push(url);
    const feed = { Size: 0, Items: [], Previous: null, Next: null };
    return Promise.resolve(new Response(JSON.stringify(feed), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  queryClient.setQueryData(sessionQueries.current().queryKey, { UserID: 7, UserName: 'apitest@cea', ...user } as User);
  for (const url of urls) prefetch(queryClient, url);
  return { requests, queryClient };
}
