import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Request bodies, as our server and the sandbox both handle them. GET and HEAD carry none and skip both checks:
 * asking the node adapter for a request's body makes it build a whole fetch Request.
 */

const bodiless = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

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
