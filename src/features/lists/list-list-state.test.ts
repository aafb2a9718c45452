import { describe, expect, it } from 'vitest';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { prefetchListList } from './list-list-state.ts';

describe('the lists route', () => {
  it('asks at once for the page its URL shows', () => {
    const { requests } = askedAhead(prefetchListList, {}, ['http://localhost/lists', 'http://localhost/lists?q=bus&sort=-ListName&page=2']);
    expect(requests).toEqual(['/api/v1/lists?pagesize=25', '/api/v1/lists?search=bus&sortby=-ListName&pagesize=25&page=2']);
  });
});
