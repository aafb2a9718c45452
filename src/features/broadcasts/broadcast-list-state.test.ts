import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { readListState } from '@/hooks/use-list-search-params.ts';
import { BROADCAST_LIST_STATE, broadcastListParams, prefetchBroadcastList } from './broadcast-list-state.ts';

function stubFetch() {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    const feed = { Size: 0, Items: [], Previous: null, Next: null };
    return Promise.resolve(new Response(JSON.stringify(feed), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

/** A query client for a signed-in user: routes ask ahead for signed-in users only. */
function signedInClient(options?: ConstructorParameters<typeof QueryClient>[0]) {
  const queryClient = new QueryClient(options);
  queryClient.setQueryData(sessionQueries.current().queryKey, { UserID: 7, UserName: 'apitest@cea' } as User);
  return queryClient;
}

describe('the broadcasts home route', () => {
  it("asks at once for the page its URL shows, under the page's own query key", async () => {
    const calls = stubFetch();
    const queryClient = signedInClient();
    const url = 'http://localhost/broadcasts?category=InProgress&type=SMS&from=2026-01-01&q=spring&sort=-StartDate&page=2';

    expect(prefetchBroadcastList(queryClient, url)).toBeNull();

    expect(calls).toEqual([
      '/api/v1/broadcasts?BroadcastStatusCategory=InProgress&BroadcastType=SMS&StartDate~gte~2026-01-01&search=spring&sortby=-StartDate&pagesize=25&page=2',
    ]);
    // The page reads the same URL into the same key, so it finds the answer instead of asking again.
    const pageParams = broadcastListParams(readListState(new URL(url).searchParams, BROADCAST_LIST_STATE));
    await vi.waitFor(() => expect(queryClient.getQueryData(broadcastQueries.list(pageParams).queryKey)).toMatchObject({ Size: 0 }));
  });

  it('asks for nothing it already has fresh', async () => {
    const calls = stubFetch();
    const queryClient = signedInClient({ defaultOptions: { queries: { staleTime: 20_000 } } });
    const url = 'http://localhost/broadcasts';
    const key = broadcastQueries.list(broadcastListParams(readListState(new URLSearchParams(), BROADCAST_LIST_STATE))).queryKey;
    prefetchBroadcastList(queryClient, url);
    await vi.waitFor(() => expect(queryClient.getQueryState(key)?.status).toBe('success'));

    prefetchBroadcastList(queryClient, url);

    expect(calls).toHaveLength(1);
  });
});
