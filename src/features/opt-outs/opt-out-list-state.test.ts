import { describe, expect, it } from 'vitest';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { prefetchOptOutList } from './opt-out-list-state.ts';

describe('the opt-outs route', () => {
  it('asks at once for the page its URL shows, newest first, and leaves out a start day that is not a whole one', () => {
    const { requests } = askedAhead(prefetchOptOutList, {}, [
      'http://localhost/opt-outs',
      'http://localhost/opt-outs?channel=text&from=2026-01-01&q=214',
      'http://localhost/opt-outs?from=2026-1-1',
    ]);
    // The third URL asks what the first did: nothing new is sent.
    expect(requests).toEqual([
      '/api/v1/optouts?sortby=-OptOutDate&pagesize=25',
      '/api/v1/optouts?DoNotText=true&date-from=2026-01-01&search=214&sortby=-OptOutDate&pagesize=25',
    ]);
  });
});
