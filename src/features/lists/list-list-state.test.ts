import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { prefetchListList } from './list-list-state.ts';

afterEach(() => vi.unstubAllGlobals());

/** The requests a route asks ahead for a user, for each URL in turn. */
function requestsFor(user: Partial<User>, ...urls: string[]): string[] {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return new Promise<Response>(() => {});
  });
  const queryClient = new QueryClient();
  queryClient.setQueryData(sessionQueries.current().queryKey, { UserID: 7, ...user } as User);
  for (const url of urls) prefetchListList(queryClient, url);
  return calls;
}

describe('the lists route', () => {
  it('asks at once for the page its URL shows', () => {
    expect(requestsFor({}, 'http://localhost/lists', 'http://localhost/lists?q=bus&sort=-ListName&page=2')).toEqual([
      '/api/v1/lists?pagesize=25',
      '/api/v1/lists?search=bus&sortby=-ListName&pagesize=25&page=2',
    ]);
  });
});
