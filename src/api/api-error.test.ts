import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe("reading our server's errors (decision 3)", () => {
  it('reads 500 InternalError as our fault with its message, not as "the API is down"', async () => {
    const error = await ApiError.fromResponse(
      answer(500, { ErrorCode: 9001, ErrorName: 'InternalError', ErrorType: 'Server', Message: 'Something went wrong on our server.' }),
    );
    expect(error).toMatchObject({ status: 500, errorName: 'InternalError', message: 'Something went wrong on our server.' });
    expect(error.isUnavailable).toBe(false);
  });

  it('reads 504 UpstreamTimeout and 502 UpstreamError as the API not answering, keeping Retry-After', async () => {
    const timeout = await ApiError.fromResponse(answer(504, { ErrorCode: 9003, ErrorName: 'UpstreamTimeout', ErrorType: 'Server', Message: 'Too slow.' }));
    expect(timeout).toMatchObject({ errorName: 'UpstreamTimeout', isUnavailable: true });
    const foreign = await ApiError.fromResponse(
      answer(503, { ErrorCode: 9004, ErrorName: 'UpstreamError', ErrorType: 'Server', Message: 'No reason given.' }, { 'retry-after': '5' }),
    );
    expect(foreign).toMatchObject({ errorName: 'UpstreamError', retryAfter: 5, isUnavailable: true });
  });
});
