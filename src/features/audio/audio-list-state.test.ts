import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { User } from '@/api/schemas/user.ts';
import { prefetchAudioList } from './audio-list-state.ts';

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
  for (const url of urls) prefetchAudioList(queryClient, url);
  return calls;
}

describe('the audio library route', () => {
  it('asks at once for the page its URL shows', () => {
    expect(requestsFor({}, 'http://localhost/audio', 'http://localhost/audio?type=tts&favorites=yes&q=storm&sort=Name')).toEqual([
      '/api/v1/audio?pagesize=25',
      '/api/v1/audio?TextToSpeech=true&Favorite=true&search=storm&sortby=Name&pagesize=25',
    ]);
  });
});
