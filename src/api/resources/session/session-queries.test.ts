import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@contract/user.ts';
import { prefetchWhenSignedIn, seedSessionFromPage, sessionQueries } from './session-queries.ts';

const user: User = {
  UserID: 7,
  UserName: 'apitest@cea',
  FirstName: 'Luke',
  LastName: 'Skywalker',
  Email: 'luke@example.com',
  Phone: '2145550100',
  CallerID: '2145550100',
  Retries: 1,
  MaxMessageLength: 60,
  CallThrottle: 0,
  ContinueOnNextDay: false,
  StartTimeOfDay: { Hour: 8, Minute: 0 },
  StopTimeOfDay: { Hour: 20, Minute: 0 },
  CallingWindowDays: ['Monday', 'Tuesday'],
  State: 'TX',
  Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: true, CanSeeGroupAudio: true },
};

/** The page as our server writes it, with `text` inside the session element. */
function pageSays(text: string) {
  document.head.innerHTML = `<script type="application/json" id="callboard-session">${text}</script>`;
}

const seeded = (client: QueryClient) => client.getQueryState(sessionQueries.current().queryKey);

describe('seedSessionFromPage', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it('takes the user the page names as the current session, fresh', () => {
    pageSays(JSON.stringify(user));
    const client = new QueryClient();
    seedSessionFromPage(client);
    expect(seeded(client)?.data).toEqual(user);
    expect(seeded(client)?.status).toBe('success');
  });

  it('takes null as nobody signed in', () => {
    pageSays('null');
    const client = new QueryClient();
    seedSessionFromPage(client);
    expect(seeded(client)?.status).toBe('success');
    expect(seeded(client)?.data).toBeNull();
  });

  it('leaves the question to /api/session when the page says nothing, nothing readable, or no user', () => {
    for (const text of ['', '__SESSION__', '{not json', JSON.stringify({ UserID: 'seven' })]) {
      pageSays(text);
      const client = new QueryClient();
      seedSessionFromPage(client);
      expect(seeded(client), text).toBeUndefined();
    }
  });
});

describe('prefetchWhenSignedIn', () => {
  it('asks for a page’s query for a signed-in user, and for nothing while signed out', () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      calls.push(url);
      return new Promise<Response>(() => {});
    });
    const page = { queryKey: ['things'], queryFn: () => fetch('/api/v1/things') };
    const client = new QueryClient();

    client.setQueryData(sessionQueries.current().queryKey, null);
    prefetchWhenSignedIn(client, page);
    expect(calls).toEqual([]);

    client.setQueryData(sessionQueries.current().queryKey, user);
    prefetchWhenSignedIn(client, page);
    expect(calls).toEqual(['/api/v1/things']);
  });
});
