import type { Context } from 'hono';
import type { ApiErrorBody } from '../../src/contract/error.ts';

/** Our server's own errors, in the API's error body so the SPA reads every failure the same way. */
const bffErrors = {
  NotLoggedIn: { status: 401, code: 1010, type: 'Authentication' },
  LoginFailed: { status: 401, code: 1008, type: 'Authentication' },
  TooManyLoginAttempts: { status: 429, code: 2302, type: 'RateLimit' },
  MissingCsrfHeader: { status: 403, code: 1102, type: 'Authorization' },
  InvalidRequest: { status: 400, code: 2102, type: 'Validation' },
  InvalidPath: { status: 400, code: 2106, type: 'Validation' },
  NotFound: { status: 404, code: 2002, type: 'NotFound' },
  UpstreamUnavailable: { status: 502, code: 9002, type: 'Server' },
  UpstreamTimeout: { status: 504, code: 9003, type: 'Server' },
} as const;

export type BffErrorName = keyof typeof bffErrors;

export function errorBody(name: BffErrorName, message: string): ApiErrorBody {
  const { code, type } = bffErrors[name];
  return { ErrorCode: code, ErrorName: name, ErrorType: type, Message: message };
}

export function errorResponse(c: Context, name: BffErrorName, message: string): Response {
  return c.json(errorBody(name, message), bffErrors[name].status);
}
