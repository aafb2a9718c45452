import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error.ts';
import { createAppQueryClient } from './query-client.ts';

const defaults = createAppQueryClient(() => {}).getDefaultOptions();
const retry = defaults.queries!.retry as (failureCount: number, error: unknown) => boolean;
const retryDelay = defaults.queries!.retryDelay as (failureCount: number, error: unknown) => number;
const failure = (status: number, retryAfter: number | null = null) => new ApiError('x', { status, retryAfter });

describe('the app query client', () => {
  it('tries a failed read again twice when waiting may help: no server, 5xx, 408, 429', () => {
    for (const status of [0, 500, 502, 503, 504, 408, 429]) {
      expect(retry(0, failure(status)), `HTTP ${status}`).toBe(true);
      expect(retry(1, failure(status)), `HTTP ${status}`).toBe(true);
      expect(retry(2, failure(status)), `HTTP ${status}`).toBe(false);
    }
  });

  it('never tries again what the server refused on its merits', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415]) expect(retry(0, failure(status)), `HTTP ${status}`).toBe(false);
  });

  it('backs off 1 s then 3 s, unless the server says how long to wait (at most 30 s)', () => {
    expect(retryDelay(0, failure(503))).toBe(1000);
    expect(retryDelay(1, failure(503))).toBe(3000);
    expect(retryDelay(0, failure(429, 7))).toBe(7000);
    expect(retryDelay(1, failure(503, 0))).toBe(0);
    expect(retryDelay(0, failure(429, 3600))).toBe(30_000);
  });

  it('never retries a write', () => {
    expect(defaults.mutations!.retry).toBe(false);
  });
});
