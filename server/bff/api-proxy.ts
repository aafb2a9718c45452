import type { Context } from 'hono';
import { errorResponse } from './errors.ts';
import { IDEMPOTENCY_HEADER, isValidIdempotencyKey, type IdempotencyCache, type StoredResponse } from './idempotency.ts';
import type { Sessions } from './sessions.ts';
import { BUFFERED_LIMIT, bytesOf, type Upstream } from './upstream.ts';

/** Response headers worth passing to the browser; everything else (cookies, server details) stays behind. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'content-disposition'];
const SAFE_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

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
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = from.get(name);
    if (value !== null) headers[name] = value;
  }
  // fetch() decompresses a gzipped upstream body, so its length only holds when the body came uncompressed
  // (audio players need it to seek).
  const length = from.get('content-length');
  if (length !== null && from.get('content-encoding') === null) headers['content-length'] = length;
  return headers;
}

function unreachable(c: Context, error: unknown): Response {
  if ((error as Error).name === 'TimeoutError') return errorResponse(c, 'UpstreamTimeout', 'The Call-Em-All API took too long to answer.');
  return errorResponse(c, 'UpstreamUnavailable', 'The Call-Em-All API cannot be reached. Try again in a moment.');
}

/**
 * Forwards a request to the API as the signed-in user: same method, path, query and body, signed with
 * OAuth 1.0a; the status and body come back unchanged.
 */
export function forwardToApi(
  { upstream, sessions, idempotency }: { upstream: Upstream; sessions: Sessions; idempotency?: IdempotencyCache },
  prefix: string,
) {
  return async (c: Context) => {
    const session = sessions.read(c);
    if (!session) return errorResponse(c, 'NotLoggedIn', 'You are not logged in.');
    const path = apiPathOf(c.req.url, prefix);
    const target = path === null ? null : upstream.resolve(path);
    if (path === null || target === null) return errorResponse(c, 'InvalidPath', 'That API path is not allowed.');

    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? null : await c.req.arrayBuffer();
    const request = {
      method,
      path,
      token: session.token,
      body: body && body.byteLength > 0 ? body : null,
      contentType: c.req.header('content-type') ?? null,
    };

    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (method === 'POST' && key !== undefined && idempotency) {
      if (!isValidIdempotencyKey(key)) return errorResponse(c, 'InvalidRequest', 'Idempotency-Key must be 8 to 100 letters, digits, - or _.');
      let outcome: { response: StoredResponse; replayed: boolean };
      try {
        // Not tied to the browser's connection: a create must finish even if the tab that asked for it goes away.
        outcome = await idempotency.once(`${session.userId}:${path}:${key}`, async () => {
          const response = await upstream.send(request, target);
          return { status: response.status, headers: [...response.headers], body: await bytesOf(response) };
        });
      } catch (error) {
        return unreachable(c, error);
      }
      const headers = forwardedHeaders(new Headers(outcome.response.headers));
      if (outcome.replayed) headers['idempotent-replayed'] = 'true';
      return c.newResponse(outcome.response.body, outcome.response.status as 200, headers);
    }

    let response: Response;
    try {
      response = await upstream.send({ ...request, signal: c.req.raw.signal }, target);
    } catch (error) {
      return unreachable(c, error);
    }
    if (response.status === 401) sessions.clear(c);
    // A small answer is passed on whole: piping a few kilobytes through a stream costs more than they do.
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    // Bytes, not an ArrayBuffer: the node adapter writes a Uint8Array body straight out, without building a fetch Response.
    const answer = length <= BUFFERED_LIMIT ? await bytesOf(response) : response.body;
    // Through the context, so the session cookie it refreshed (or cleared) goes out with the answer.
    return c.newResponse(answer, response.status as 200, forwardedHeaders(response.headers));
  };
}
