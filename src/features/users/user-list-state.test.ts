import { describe, expect, it } from 'vitest';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { prefetchUserList } from './user-list-state.ts';

describe('the users route', () => {
  it('asks at once for the page its URL shows, for a master user only (no one else sees the list)', () => {
    const url = 'http://localhost/users?q=lee&sort=LastName&size=50';
    expect(askedAhead(prefetchUserList, { IsMasterUser: true }, [url]).requests).toEqual(['/api/v1/account/users?search=lee&sortby=LastName&pagesize=50']);
    expect(askedAhead(prefetchUserList, { IsMasterUser: false }, [url]).requests).toEqual([]);
  });
});
