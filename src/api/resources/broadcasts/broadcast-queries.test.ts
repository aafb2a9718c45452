import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { broadcastQueries } from './broadcast-queries.ts';

const feed = (size: number) => ({ Size: size, Items: [], Previous: null, Next: null });

function stubFetch(answer: (url: string) => unknown) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return Promise.resolve(new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  return calls;
}

describe('broadcastQueries', () => {
  it("keeps a broadcast's results under its own key, so refreshing the broadcast refreshes them", () => {
    const detail = broadcastQueries.detail(39609).queryKey;
    const results = broadcastQueries.results(39609, { page: 2 }).queryKey;
    expect(results.slice(0, detail.length)).toEqual([...detail]);
    expect(broadcastQueries.list({}).queryKey.slice(0, 2)).toEqual([...broadcastQueries.lists()]);
  });

  it('asks for results in the API filter language', async () => {
    const calls = stubFetch(() => feed(0));
    await new QueryClient().fetchQuery(
      broadcastQueries.results(39609, {
        pageSize: 50,
        filters: [
          { field: 'CallResultCategory', op: 'eq', value: 'Busy/No Answer' },
          { field: 'CallStatus', op: 'eq', value: 'Completed' },
        ],
        search: '214',
        sort: [{ field: 'LastCallTime', desc: true }],
      }),
    );
    expect(calls).toEqual([
      '/api/v1/broadcasts/39609/details?CallResultCategory=Busy%2FNo%20Answer&CallStatus=Completed&search=214&sortby=-LastCallTime&pagesize=50',
    ]);
  });
});
