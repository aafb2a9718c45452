import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Request bodies, as our server and the sandbox both handle them. GET and HEAD carry none and skip both checks:
 * asking the node adapter for a request's body makes it build a whole fetch Request.
 */

const bodiless = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** The most a JSON body may hold, as the sandbox accepts it (decision 0003: PayloadTooLarge). */
export const JSON_BODY_LIMIT = 4 * 1024 * 1024;
/** The most an upload (a contact file, an audio file) may hold. */
export const UPLOAD_BODY_LIMIT = 128 * 1024 * 1024;

/** The routes whose body is a file (`POST /v1/fileuploads`, `POST /v1/audio/{name}`), by their path under the API root. */
export function isUploadRoute(method: string, apiPath: string): boolean {
  return method === 'POST' && /^\/v1\/(fileuploads|audio\/[^/?]+)(\?|$)/i.test(apiPath);
}

/**
 * A request refused before its body was read (a 404, a bad signature, no session) leaves the body unread, and Node's
 * server then drops the connection; saying so keeps a client from sending its next request on a connection being
 * closed.
 */
export const closeWhenBodyUnread: MiddlewareHandler = async (c, next) => {
  await next();
  if (!bodiless(c) && c.req.raw.body !== null && !c.req.raw.bodyUsed) c.header('connection', 'close');
};

/** Hono's body limit, for requests that can carry a body. */
export function limitBody(options: Parameters<typeof bodyLimit>[0]): MiddlewareHandler {
  const limit = bodyLimit(options);
  return (c, next) => (bodiless(c) ? next() : limit(c, next));
}
