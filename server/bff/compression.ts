import { promisify } from 'node:util';
import { gzip as gzipAsync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

const gzip = promisify(gzipAsync);

/** Smaller bodies are sent as they are: compressing them saves nothing worth the time. */
const THRESHOLD = 1024;
/** Up to this size a body is compressed in one go, in memory; bigger ones stream through a compressor. */
const IN_MEMORY_LIMIT = 8 * 1024 * 1024;
/** Below this size compressing inline beats handing the work to another thread. */
const INLINE_LIMIT = 64 * 1024;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * gzip for everything compressible we send. API answers are a few kilobytes: compressed in one go, they leave with
 * a Content-Length, with no stream in between (a stream costs more than the compression at that size). The app's
 * hashed assets never change, so each is compressed once and kept. Big or open-ended bodies stream through.
 */
export function compression(): MiddlewareHandler {
  const assets = new Map<string, Uint8Array>();

  return async (c, next) => {
    await next();
    const response = c.res;
    const type = response.headers.get('content-type');
    const declared = response.headers.get('content-length');
    const length = declared === null ? null : Number(declared);
    if (
      c.req.method === 'HEAD' ||
      response.status === 204 ||
      response.status === 206 ||
      response.status === 304 ||
      response.headers.has('content-encoding') ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      NO_TRANSFORM.test(response.headers.get('cache-control') ?? '') ||
      (length !== null && length < THRESHOLD)
    ) {
      return;
    }
    const vary = response.headers.get('vary');
    // On the response itself: c.header() would rebuild it as a full fetch Response first.
    if (!vary || !/accept-encoding/i.test(vary)) response.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    // The body is looked at last: asking for it turns the node adapter's light response into a full fetch Response.
    if (!/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '') || !response.body) return;

    // Hono carries the old response's headers over to the new one: set ours after it has.
    if (length === null || length > IN_MEMORY_LIMIT) {
      c.res = new Response(response.body.pipeThrough(new CompressionStream('gzip')), response);
      c.res.headers.delete('content-length');
      c.res.headers.set('content-encoding', 'gzip');
      return;
    }
    const immutable = /\bimmutable\b/.test(response.headers.get('cache-control') ?? '');
    let body = immutable ? assets.get(c.req.path) : undefined;
    if (body) {
      await response.body.cancel();
    } else {
      const plain = new Uint8Array(await response.arrayBuffer());
      body = plain.length <= INLINE_LIMIT ? gzipSync(plain) : await gzip(plain);
      if (immutable) assets.set(c.req.path, body);
    }
    c.res = new Response(body, response);
    c.res.headers.set('content-length', String(body.length));
    c.res.headers.set('content-encoding', 'gzip');
  };
}
