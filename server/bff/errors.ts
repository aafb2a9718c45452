import type { Context } from 'hono';
import type { ApiErrorBody } from '../../src/contract/error.ts';
import { log } from '../http/log.ts';
import { routeOf } from './request-log.ts';
import { SharedStoreUnavailable } from './shared-idempotency.ts';
import { RequestBodyTooLarge, UpstreamFailure } from './upstream.ts';

/** Our server's own errors, in the API's error body so the SPA reads every failure the same way. */
const bffErrors = {
  NotLoggedIn: { status: 401, code: 1010, type: 'Authentication' },
  LoginFailed: { status: 401, code: 1008, type: 'Authentication' },
  TooManyLoginAttempts: { status: 429, code: 2302, type: 'RateLimit' },
  MissingCsrfHeader: { status: 403, code: 1102, type: 'Authorization' },
  InvalidRequest: { status: 400, code: 2102, type: 'Validation' },
  /** A body that breaks a rule of our own routes (the sending settings): `Field: message; …`, as the API's. */
  ValidationFailed: { status: 400, code: 2102, type: 'Validation' },
  PermissionDenied: { status: 403, code: 1101, type: 'Authorization' },
  InvalidPath: { status: 400, code: 2106, type: 'Validation' },
  PayloadTooLarge: { status: 413, code: 2104, type: 'Validation' },
  MethodNotAllowed: { status: 405, code: 2109, type: 'Validation' },
  NotFound: { status: 404, code: 2002, type: 'NotFound' },
  /** A 404 from the API without its error body: the API's framework saying it has no such route (decision 131). */
  RouteNotFound: { status: 404, code: 2002, type: 'NotFound' },
  AnswerNotKept: { status: 409, code: 2205, type: 'Conflict' },
  /** A broadcast written into a group while another group of the account holds it (decision 0196). */
  BroadcastInAnotherGroup: { status: 409, code: 2206, type: 'Conflict' },
  InternalError: { status: 500, code: 9001, type: 'Server' },
  UpstreamUnavailable: { status: 502, code: 9002, type: 'Server' },
  UpstreamTimeout: { status: 504, code: 9003, type: 'Server' },
  /** The API answered, but not with what we can pass on: an error that is not its JSON body, or too much. */
  UpstreamError: { status: 502, code: 9004, type: 'Server' },
  /** The browser cancelled the request before its answer (a page left, a query dropped): 499, as proxies log it. */
  RequestCancelled: { status: 499, code: 9005, type: 'Server' },
} as const;

export type BffErrorName = keyof typeof bffErrors;

export function errorBody(name: BffErrorName, message: string): ApiErrorBody {
  const { code, type } = bffErrors[name];
  return { ErrorCode: code, ErrorName: name, ErrorType: type, Message: message };
}

/** Our error body; `status` overrides the catalogue's (an API error passed on keeps the API's status). */
export function errorResponse(c: Context, name: BffErrorName, message: string, status?: number): Response {
  c.header('cache-control', 'no-store');
  return c.json(errorBody(name, message), (status ?? bffErrors[name].status) as 400);
}

/**
 * The answer for a failed exchange with the API: 504 when it took too long, 502 when it could not be reached or
 * answered too much, 413 when the upload passed its limit; anything else is our own fault, 500 (never a 502 the app
 * would read as "the API is down").
 */
export function failureResponse(c: Context, error: unknown): Response {
  if (error instanceof RequestBodyTooLarge) return errorResponse(c, 'PayloadTooLarge', error.message);
  // Not the API's fault, but nothing was sent: the app may try again (decision 174).
  if (error instanceof SharedStoreUnavailable)
    return errorResponse(c, 'UpstreamUnavailable', 'Our server cannot reach its shared store, so nothing was sent. Try again in a moment.');
  if (error instanceof UpstreamFailure || (error instanceof Error && error.name === 'TimeoutError')) {
    const reason = error instanceof UpstreamFailure ? error.reason : 'timeout';
    if (reason === 'timeout') return errorResponse(c, 'UpstreamTimeout', 'The Call-Em-All API took too long to answer. Try again in a moment.');
    if (reason === 'too-large') return errorResponse(c, 'UpstreamError', 'The Call-Em-All API sent a larger answer than our server accepts.');
    return errorResponse(c, 'UpstreamUnavailable', 'The Call-Em-All API cannot be reached. Try again in a moment.');
  }
  // The browser went away (a page left, a query cancelled): no one reads the answer, and nothing went wrong, so
  // the logs and metrics do not count it as a failure of the API.
  if (error instanceof Error && error.name === 'AbortError' && c.req.raw.signal.aborted)
    return errorResponse(c, 'RequestCancelled', 'The request was cancelled.');
  log.error({ method: c.req.method, route: routeOf(c.req.path), err: error }, 'unexpected error');
  return errorResponse(c, 'InternalError', 'Something went wrong on our server. Try again; if it keeps happening, tell us.');
}
