import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { prefetchContactList } from './contact-list-state.ts';

afterEach(() => vi.unstubAllGlobals());

/** A query client for a signed-in user: routes ask ahead for signed-in users only. */
function signedInClient(options?: ConstructorParameters<typeof QueryClient>[0]) {
  const queryClient = new QueryClient(options);
  queryClient.setQueryData(sessionQueries.current().queryKey, { UserID: 7, UserName: 'apitest@cea' } as User);
  return queryClient;
}

describe('the contacts route', () => {
  it('asks at once for the page its URL shows, most recently changed first unless it says otherwise', () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      calls.push(url);
      return new Promise<Response>(() => {});
    });
    const queryClient = signedInClient();

    prefetchContactList(queryClient, 'http://localhost/contacts');
    prefetchContactList(queryClient, 'http://localhost/contacts?q=mary%20lee&sort=FirstName&size=50&page=3');

    expect(calls).toEqual([
      '/api/v1/contacts?sortby=-LastUpdated&pagesize=25',
      '/api/v1/contacts?search=mary%20lee&sortby=FirstName&pagesize=50&page=3',
    ]);
  });
});
