import { onlineManager, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '@/api/api-client.ts';
import { z } from '@contract/zod.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { createAppQueryClient } from './query-client.ts';

/** The server as the test wants it: down (fetch throws), or answering every request with `status`. */
function stubServer() {
  const server = { down: true, status: 200, requests: [] as string[] };
  vi.stubGlobal('fetch', async (url: string) => {
    server.requests.push(url);
    if (server.down) throw new TypeError('Failed to fetch');
    // Who-am-I answers "not logged in": an answer all the same, which is all the check needs.
    const [status, body] = url.endsWith('/session')
      ? [
          server.status === 200 ? 401 : server.status,
          { ErrorCode: 1010, ErrorName: 'NotLoggedIn', ErrorType: 'Authentication', Message: 'You are not logged in.' },
        ]
      : [server.status, { Size: 0, Items: [] }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return server;
}

const listsQuery = queryOptions({
  queryKey: ['lists-under-test'],
  queryFn: ({ signal }) => apiRequest('/v1/lists', { schema: z.unknown(), signal }),
  retry: false,
});

function Lists() {
  const lists = useQuery(listsQuery);
  return <p>{lists.isSuccess ? 'Lists loaded' : lists.isError ? 'Lists failed' : 'Loading lists'}</p>;
}

const renderBanner = () =>
  render(
    <QueryClientProvider client={createAppQueryClient(() => {})}>
      <ConnectionBanner />
      <Lists />
    </QueryClientProvider>,
  );

afterEach(() => {
  // React Query follows the browser's offline events too; the next test starts online.
  onlineManager.setOnline(true);
  vi.useRealTimers();
});

/**
 * The banner checks again 2 s after a failure: the tests move the clock there instead of waiting for it, so a slow
 * moment on a busy machine cannot eat into waitFor's time. The clock also runs on by itself, for React Query.
 */
const useMovableClock = () => vi.useFakeTimers({ shouldAdvanceTime: true });
const untilNextCheck = () => act(() => vi.advanceTimersByTimeAsync(2000));

describe('ConnectionBanner', () => {
  it('appears when a request cannot reach the server, and clears itself once a check gets through', async () => {
    useMovableClock();
    const server = stubServer();
    renderBanner();
    expect(await screen.findByRole('alert')).toHaveTextContent('The Callboard server cannot be reached.');
    expect(screen.getByText('Lists failed')).toBeInTheDocument();

    server.down = false;
    await untilNextCheck();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connected again.'));
    // What failed while the server was away is fetched again without anyone asking.
    expect(screen.getByText('Lists loaded')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the API, not our server, when our server answers that the API is unavailable', async () => {
    const server = stubServer();
    server.down = false;
    server.status = 503;
    renderBanner();
    expect(await screen.findByRole('alert')).toHaveTextContent('The Call-Em-All API is not answering.');
    server.status = 200;
    await act(async () => screen.getByRole('button', { name: 'Try now' }).click());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connected again.'));
  });

  it('stays on "offline" when the answer to a request sent before the browser went offline arrives after', async () => {
    let answer: () => void = () => {};
    vi.stubGlobal(
      'fetch',
      () =>
        new Promise<Response>((resolve) => {
          answer = () => resolve(new Response(JSON.stringify({ Size: 0, Items: [] }), { headers: { 'content-type': 'application/json' } }));
        }),
    );
    renderBanner();
    await waitFor(() => expect(screen.getByText('Loading lists')).toBeInTheDocument());
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    await act(async () => answer());
    await screen.findByText('Lists loaded');
    expect(screen.getByRole('alert')).toHaveTextContent('You are offline.');
  });

  it('follows the browser going offline and online', async () => {
    useMovableClock();
    const server = stubServer();
    server.down = false;
    renderBanner();
    await screen.findByText('Lists loaded');
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('You are offline.');
    expect(screen.queryByRole('button', { name: 'Try now' })).not.toBeInTheDocument();
    // Online again, but the server is still out of reach: the banner says so and keeps checking.
    server.down = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The Callboard server cannot be reached.'));
    server.down = false;
    await untilNextCheck();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connected again.'));
  });
});
