import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { prefetchOptOutList } from './opt-out-list-state.ts';

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
  for (const url of urls) prefetchOptOutList(queryClient, url);
  return calls;
}

describe('the opt-outs route', () => {
  it('asks at once for the page its URL shows, newest first, and leaves out a start day that is not a whole one', () => {
    expect(requestsFor({}, 'http://localhost/opt-outs', 'http://localhost/opt-outs?channel=text&from=2026-01-01&q=214', 'http://localhost/opt-outs?from=2026-1-1')).toEqual([
      '/api/v1/optouts?sortby=-OptOutDate&pagesize=25',
      '/api/v1/optouts?DoNotText=true&date-from=2026-01-01&search=214&sortby=-OptOutDate&pagesize=25',
    ]);
  });
});
