import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { readListState } from '@/hooks/use-list-search-params.ts';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { BROADCAST_LIST_STATE, broadcastListParams, prefetchBroadcastList } from './broadcast-list-state.ts';

/** The key the page itself reads a URL's broadcasts under. */
const pageKey = (url: string) => broadcastQueries.list(broadcastListParams(readListState(new URL(url).searchParams, BROADCAST_LIST_STATE))).queryKey;

describe('the broadcasts home route', () => {
  it("asks at once for the page its URL shows, under the page's own query key", async () => {
    const url = 'http://localhost/broadcasts?category=InProgress&type=SMS&from=2026-01-01&q=spring&sort=-StartDate&page=2';
    const { requests, queryClient } = askedAhead(prefetchBroadcastList, {}, [url]);

    expect(requests).toEqual([
      '/api/v1/broadcasts?BroadcastStatusCategory=InProgress&BroadcastType=SMS&StartDate~gte~2026-01-01&search=spring&sortby=-StartDate&pagesize=25&page=2',
    ]);
    // The page finds the answer instead of asking again.
    await vi.waitFor(() => expect(queryClient.getQueryData(pageKey(url))).toMatchObject({ Size: 0 }));
  });

  it('asks for nothing it already has fresh', async () => {
    const url = 'http://localhost/broadcasts';
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 20_000 } } });
    const { requests } = askedAhead(prefetchBroadcastList, {}, [url], queryClient);
    await vi.waitFor(() => expect(queryClient.getQueryState(pageKey(url))?.status).toBe('success'));

    prefetchBroadcastList(queryClient, url);

    expect(requests).toHaveLength(1);
  });
});
