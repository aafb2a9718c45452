import { describe, expect, it } from 'vitest';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { prefetchContactList } from './contact-list-state.ts';

describe('the contacts route', () => {
  it('asks at once for the page its URL shows, most recently changed first unless it says otherwise', () => {
    const { requests } = askedAhead(prefetchContactList, {}, [
      'http://localhost/contacts',
      'http://localhost/contacts?q=mary%20lee&sort=FirstName&size=50&page=3',
    ]);
    expect(requests).toEqual(['/api/v1/contacts?sortby=-LastUpdated&pagesize=25', '/api/v1/contacts?search=mary%20lee&sortby=FirstName&pagesize=50&page=3']);
  });
});
