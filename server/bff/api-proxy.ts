import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { UPLOAD_BODY_LIMIT, isUploadRoute } from '../http/request-bodies.ts';
import { errorResponse, failureResponse } from './errors.ts';
import { IDEMPOTENCY_HEADER, isValidIdempotencyKey, type IdempotencyCache } from './idempotency.ts';
import { requestTimingOf } from './request-log.ts';
import type { Sessions } from './sessions.ts';
import { RequestBodyTooLarge, byteCap, bytesOf, wholeBytesOf, type RequestBody, type Upstream } from './upstream.ts';

/** Response headers worth passing to the browser; everything else (cookies, server details) stays behind. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'content-disposition'];
const SAFE_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const ERROR_BODY_LIMIT = 64 * 1024;
/** The import answers when every row is in (a million rows take tens of seconds): it gets the long deadline. */
const IMPORT_ROUTE = /^\/v1\/contacts\/import(\?|$)/i;
/** The methods the API knows; anything else (OPTIONS, TRACE, CONNECT, made-up ones) never reaches it. */
export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The API path of a request (`/api/v1/x?y` -> `/v1/x?y`), or null when it could leave the API (traversal, `//`). */
export function apiPathOf(rawUrl: string, prefix: string): string | null {
  const url = new URL(rawUrl);
  const path = url.pathname.slice(prefix.length);
  if (!SAFE_PATH.test(path) || path.includes('//') || path.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.') || decoded.includes('\\')) return null;
  return `${path}${url.search}`;
}

function forwardedHeaders(from: Headers): Record<string, string> {
  // Every answer through here is someone's data: no cache keeps it.
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = from.get(name);
    if (value !== null) headers[name] = value;
  }
  // A compressed upstream body is handed on decoded, so its length only holds when the body came uncompressed
  // (audio players need it to seek).
  const length = from.get('content-length');
  if (length !== null && from.get('content-encoding') === null) headers['content-length'] = length;
  return headers;
}

/** The API's own error body, when `bytes` are one: the SPA reads those; anything else it must not be shown. */
function isApiErrorBody(headers: Headers, bytes: Uint8Array): boolean {
  if (!/^application\/(.+\+)?json\b/i.test(headers.get('content-type') ?? '')) return false;
  try {
    return apiErrorBodySchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8'))).success;
  } catch {
    return false;
  }
}

/**
 * An error answer that is not the API's JSON error (a proxy's HTML page, plain text, an empty body) becomes our own
 * JSON error with the same status: nothing the API's host wrote is shown on our origin as it is.
 */
function foreignError(c: Context, status: number, headers: Headers): Response {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) c.header('retry-after', retryAfter);
  // A bare 404 is the API's framework answering for a route it lacks, which the app tells from a missing record.
  if (status === 404) return errorResponse(c, 'RouteNotFound', 'The Call-Em-All API has no such route.');
  return errorResponse(c, 'UpstreamError', `The Call-Em-All API answered HTTP ${status} without saying why. Try again in a moment.`, status);
}

/**
 * The request's body as it goes upstream: an upload streams through, never held whole, and stops at the upload
 * limit; any other body was held to the JSON limit by app.ts's body limit and is read whole.
 */
async function requestBody(c: Context, upload: boolean): Promise<RequestBody | Response> {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return null;
  if (!upload) {
    const body = await c.req.arrayBuffer();
    return body.byteLength > 0 ? body : null;
  }
  const declared = c.req.header('content-length');
  const length = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
  const tooLarge = `The file is larger than ${UPLOAD_BODY_LIMIT / 1024 / 1024} MB.`;
  if (length !== null && length > UPLOAD_BODY_LIMIT) {
    c.header('connection', 'close');
    return errorResponse(c, 'PayloadTooLarge', tooLarge);
  }
  const raw = c.req.raw.body;
  if (raw === null || length === 0) return null;
  const capped = pipeline(
    Readable.fromWeb(raw as WebReadableStream),
    byteCap(UPLOAD_BODY_LIMIT, () => new RequestBodyTooLarge(tooLarge)),
    () => {},
  );
  return { stream: capped, length };
}

/**
 * Forwards a request to the API as the signed-in user: same method, path, query and body, signed with
 * OAuth 1.0a; the status and body come back unchanged, except error bodies that are not the API's.
 */
export function forwardToApi({ upstream, sessions, idempotency }: { upstream: Upstream; sessions: Sessions; idempotency?: IdempotencyCache }, prefix: string) {
  return async (c: Context) => {
    const method = c.req.method;
    if (!API_METHODS.includes(method)) {
      c.header('allow', API_METHODS.join(', '));
      return errorResponse(c, 'MethodNotAllowed', `The API does not take ${method} requests.`);
    }
    const session = sessions.read(c);
    if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
    const path = apiPathOf(c.req.url, prefix);
    const target = path === null ? null : upstream.resolve(path);
    if (path === null || target === null) return errorResponse(c, 'InvalidPath', 'That API path is not allowed.');

    const upload = isUploadRoute(method, path);
    const body = await requestBody(c, upload);
    if (body instanceof Response) return body;
    const longWork = upload || (method === 'POST' && IMPORT_ROUTE.test(path));
    const request = { method, path, token: session.token, body, contentType: c.req.header('content-type') ?? null, longWork, timing: requestTimingOf(c) };

    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (method === 'POST' && key !== undefined && idempotency) {
      if (!isValidIdempotencyKey(key)) return errorResponse(c, 'InvalidRequest', 'Idempotency-Key must be 8 to 100 letters, digits, - or _.');
      try {
        // Not tied to the browser's connection: a create must finish even if the tab that asked for it goes away.
        // The deadline still ends it, and a create that timed out or failed frees its key for the next try.
        const outcome = await idempotency.once(`${session.userId}:${path}:${key}`, async () => {
          const response = await upstream.send(request, target);
          return { status: response.status, headers: [...response.headers], body: await bytesOf(response) };
        });
        if ('answerNotKept' in outcome) {
          return errorResponse(c, 'AnswerNotKept', 'This request was already carried out; its answer was too large to keep. Reload to see the result.');
        }
        const headers = new Headers(outcome.response.headers);
        if (outcome.response.status >= 400 && !isApiErrorBody(headers, outcome.response.body)) return foreignError(c, outcome.response.status, headers);
        const forwarded = forwardedHeaders(headers);
        if (outcome.replayed) forwarded['idempotent-replayed'] = 'true';
        return c.newResponse(outcome.response.body, outcome.response.status as 200, forwarded);
      } catch (error) {
        return failureResponse(c, error);
      }
    }

    let response: Response;
    try {
      response = await upstream.send({ ...request, signal: c.req.raw.signal }, target);
    } catch (error) {
      if (error instanceof RequestBodyTooLarge) c.header('connection', 'close');
      return failureResponse(c, error);
    }
    if (response.status === 401) sessions.clear(c);
    // A small answer is passed on whole: piping a few kilobytes through a stream costs more than they do.
    // Bytes, not an ArrayBuffer: the node adapter writes a Uint8Array body straight out, without building a fetch Response.
    let whole = wholeBytesOf(response);
    if (response.status >= 400) {
      // An error body is small (the API's is a few hundred bytes): one bigger than this is not the API's.
      whole = await bytesOf(response, ERROR_BODY_LIMIT).catch(() => undefined);
      if (!whole || !isApiErrorBody(response.headers, whole)) return foreignError(c, response.status, response.headers);
    }
    // Through the context, so the session cookie it refreshed (or cleared) goes out with the answer.
    return c.newResponse(whole ?? response.body, response.status as 200, forwardedHeaders(response.headers));
  };
}
