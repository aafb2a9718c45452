import autocannon from 'autocannon';
import { authorizationHeader } from '../../server/oauth1/oauth1.ts';
import { elapsedMs, percentile } from './stats.ts';

export interface Operation {
  method: 'GET' | 'POST';
  path: string;
  /** A body per request (creates need a new phone number each time). */
  body?: () => string;
  /** Extra headers per request: a fresh OAuth signature, a session cookie. */
  headers?: (method: string, path: string) => Record<string, string>;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

export interface SequentialResult {
  count: number;
  p50: number;
  p90: number;
  failures: number;
}

function headersOf(operation: Operation): Record<string, string> {
  return {
    ...(operation.body ? { 'content-type': 'application/json' } : {}),
    ...(operation.headers?.(operation.method, operation.path) ?? {}),
  };
}

/** One request, timed from the first byte sent to the last byte read. */
export async function timedRequest(base: string, operation: Operation): Promise<{ ms: number; status: number; text: string }> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${base}${operation.path}`, {
    method: operation.method,
    headers: headersOf(operation),
    body: operation.body?.(),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  return { ms: elapsedMs(started), status: response.status, text };
}

/**
 * One client, back to back: unloaded latency. At least `minRequests` and `minMs`; it gives up adding requests after
 * `maxMs` (json-server's slowest calls take seconds each).
 */
export async function sequential(
  base: string,
  operation: Operation,
  { minRequests = 5, minMs = 1000, maxMs = 15_000, maxRequests = 500 } = {},
): Promise<SequentialResult> {
  const samples: number[] = [];
  let failures = 0;
  const started = process.hrtime.bigint();
  while (samples.length + failures < maxRequests) {
    const spent = elapsedMs(started);
    if (samples.length + failures >= minRequests && spent >= minMs) break;
    if (samples.length + failures >= 1 && spent >= maxMs) break;
    const { ms, status } = await timedRequest(base, operation);
    if (status >= 200 && status < 300) samples.push(ms);
    else failures += 1;
    if (failures > 3 && samples.length === 0) break;
  }
  return { count: samples.length, p50: percentile(samples, 0.5), p90: percentile(samples, 0.9), failures };
}

/**
 * Two operations back to back in turn, one client, `pairs` times each: what drifts on a shared machine while they run
 * (a neighbour's load, the CPU's clock) reaches both alike, so their difference is the figure to read.
 */
export async function interleaved(
  first: { base: string; operation: Operation },
  second: { base: string; operation: Operation },
  pairs: number,
): Promise<[SequentialResult, SequentialResult]> {
  const samples: [number[], number[]] = [[], []];
  const failures = [0, 0];
  for (let pair = 0; pair < pairs; pair += 1) {
    for (const [side, { base, operation }] of [first, second].entries()) {
      const { ms, status } = await timedRequest(base, operation);
      if (status >= 200 && status < 300) samples[side]!.push(ms);
      else failures[side]! += 1;
    }
  }
  const result = (side: 0 | 1): SequentialResult => ({
    count: samples[side].length,
    p50: percentile(samples[side], 0.5),
    p90: percentile(samples[side], 0.9),
    failures: failures[side]!,
  });
  return [result(0), result(1)];
}

/** autocannon with `connections` clients for `seconds`; every request is built anew (new nonce, new body). */
export async function load(base: string, operation: Operation, { connections = 10, seconds = 3 } = {}): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: operation.method,
        path: operation.path,
        setupRequest: (request) => ({
          ...request,
          method: operation.method,
          path: operation.path,
          headers: { ...request.headers, ...headersOf(operation) },
          ...(operation.body ? { body: operation.body() } : {}),
        }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Signs sandbox requests as our server does (OAuth 1.0a, the user's AuthToken, a new nonce each time). */
export function sandboxSigner(baseUrl: string, keys: { appKey: string; secretKey: string }) {
  const sign = (token: string) => (method: string, path: string) => ({
    authorization: authorizationHeader({ method, url: `${baseUrl}${path}` }, { consumerKey: keys.appKey, consumerSecret: keys.secretKey, token }),
  });
  return {
    async logIn(userName: string, pinCode: string): Promise<(method: string, path: string) => Record<string, string>> {
      const path = '/v1/user/login';
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sign('00000000-0000-0000-0000-000000000000')('POST', path) },
        body: JSON.stringify({ UserName: userName, PinCode: pinCode }),
      });
      if (!response.ok) throw new Error(`Sandbox login failed: ${response.status} ${await response.text()}`);
      const { AuthToken } = (await response.json()) as { AuthToken: string };
      return sign(AuthToken);
    },
  };
}

/** Logs in to our server and returns the headers a signed-in browser sends (session cookie, CSRF header). */
export async function serverSession(baseUrl: string, userName: string, pinCode: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'callboard' },
    body: JSON.stringify({ UserName: userName, PinCode: pinCode }),
  });
  if (!response.ok) throw new Error(`Login to our server failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, 'x-requested-with': 'callboard' };
}

export const DEMO_LOGIN = { userName: 'apitest@cea', pinCode: 'notmypwd123!!!' } as const;
