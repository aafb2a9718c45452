import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { failureResponse } from './errors.ts';
import { UpstreamFailure } from './upstream.ts';

describe('failureResponse', () => {
  const answer = async (error: unknown) => {
    const app = new Hono().get('/', (c) => failureResponse(c, error));
    const response = await app.request('/');
    return { status: response.status, body: (await response.json()) as { ErrorName: string; ErrorCode: number } };
  };

  it('says 504 for a deadline and 502 for an API out of reach or answering too much', async () => {
    expect(await answer(new UpstreamFailure('timeout', 'slow'))).toMatchObject({ status: 504, body: { ErrorName: 'UpstreamTimeout' } });
    expect(await answer(new DOMException('slow', 'TimeoutError'))).toMatchObject({ status: 504 });
    expect(await answer(new UpstreamFailure('unreachable', 'down'))).toMatchObject({ status: 502, body: { ErrorName: 'UpstreamUnavailable' } });
    expect(await answer(new UpstreamFailure('too-large', 'big'))).toMatchObject({ status: 502, body: { ErrorName: 'UpstreamError' } });
  });

  it('answers a request the browser gave up on 499, not a failure of the API, and logs no error', async () => {
    const logged: unknown[] = [];
    const errors = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const app = new Hono().get('/', (c) => failureResponse(c, new DOMException('aborted', 'AbortError')));
      const controller = new AbortController();
      controller.abort();
      const response = await app.request(new Request('http://x/', { signal: controller.signal }));
      expect(response.status).toBe(499);
      expect(logged).toEqual([]);
    } finally {
      console.error = errors;
    }
  });

  it('answers our own faults 500 InternalError, never a 502 that reads as "the API is down"', async () => {
    const errors = console.error;
    console.error = () => {};
    try {
      expect(await answer(new TypeError('a bug of ours'))).toEqual({
        status: 500,
        body: { ErrorName: 'InternalError', ErrorCode: 9001, ErrorType: 'Server', Message: expect.any(String) },
      });
    } finally {
      console.error = errors;
    }
  });
});
