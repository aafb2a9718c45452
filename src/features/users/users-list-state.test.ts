import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { prefetchUsersList } from './users-list-state.ts';

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
  for (const url of urls) prefetchUsersList(queryClient, url);
  return calls;
}

describe('the users route', () => {
  it('asks at once for the page its URL shows, for a master user only (no one else sees the list)', () => {
    expect(requestsFor({ IsMasterUser: true }, 'http://localhost/users?q=lee&sort=LastName&size=50')).toEqual([
      '/api/v1/account/users?search=lee&sortby=LastName&pagesize=50',
    ]);
    expect(requestsFor({ IsMasterUser: false }, 'http://localhost/users')).toEqual([]);
  });
});
