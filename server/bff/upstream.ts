import http from 'node:http';
import https from 'node:https';
import { Readable, type Readable as NodeReadable } from 'node:stream';
import zlib from 'node:zlib';
import { authorizationHeader } from '../oauth1/oauth1.ts';

/** Answers up to this size are read whole; bigger ones (audio, exports) are handed on as a stream. */
export const BUFFERED_LIMIT = 1024 * 1024;
/** How each content coding the API may use is undone, whole or as a stream. */
const decoders = {
  gzip: { whole: zlib.gunzipSync, stream: zlib.createGunzip },
  'x-gzip': { whole: zlib.gunzipSync, stream: zlib.createGunzip },
  deflate: { whole: zlib.inflateSync, stream: zlib.createInflate },
  br: { whole: zlib.brotliDecompressSync, stream: zlib.createBrotliDecompress },
} as const;

/** The bytes of each answer that arrived whole (see bytesOf). */
const wholeBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/**
 * An answer's bytes: as they arrived when they came whole, else read from its body. Reading them through the
 * Response would rebuild the node adapter's light response as a full fetch Response first.
 */
export async function bytesOf(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  return wholeBodies.get(response) ?? new Uint8Array(await response.arrayBuffer());
}

/** Connections to the API stay open between requests. */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * One HTTP exchange with the API over a kept-alive connection, as a fetch Response. Node's own client costs a
 * fraction of fetch's per request; a small answer arrives whole, with no stream to pass along.
 */
function transfer(
  url: URL,
  init: { method: string; headers: Record<string, string>; body: ArrayBuffer | string | null; signal?: AbortSignal | undefined },
): Promise<Response> {
  const body = init.body === null ? null : typeof init.body === 'string' ? Buffer.from(init.body) : Buffer.from(new Uint8Array(init.body));
  // Node frames a body by its length only for some methods (not DELETE): say it always, or the body reads as the
  // next request on the kept-alive connection.
  const requestHeaders = body ? { ...init.headers, 'content-length': String(body.byteLength) } : init.headers;
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(url, { method: init.method, headers: requestHeaders, agent: agents[url.protocol as 'http:'], signal: init.signal }, (incoming) => {
      // A compressed answer is handed on decoded (as fetch would): what reads it expects plain JSON or bytes.
      const coding = incoming.headers['content-encoding']?.trim().toLowerCase() ?? '';
      const decoder = coding in decoders ? decoders[coding as keyof typeof decoders] : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (decoder && (name === 'content-encoding' || name === 'content-length')) continue;
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
      }
      const status = incoming.statusCode ?? 502;
      if (init.method === 'HEAD' || status === 204 || status === 304) {
        incoming.resume();
        resolve(new Response(null, { status, headers }));
        return;
      }
      const length = Number(incoming.headers['content-length'] ?? Number.NaN);
      if (!(length <= BUFFERED_LIMIT)) {
        const body: NodeReadable = decoder ? incoming.pipe(decoder.stream()) : incoming;
        if (decoder) incoming.on('error', (error) => body.destroy(error));
        resolve(new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers }));
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        try {
          const whole = Buffer.concat(chunks);
          // Handed on as they are, not copied: Node's buffers here never sit on shared memory.
          const bytes = (decoder ? decoder.whole(whole) : whole) as Uint8Array<ArrayBuffer>;
          const response = new Response(bytes, { status, headers });
          wholeBodies.set(response, bytes);
          resolve(response);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body ?? undefined);
  });
}

/** The token the official clients sign login with: the API accepts any token there. */
export const LOGIN_TOKEN = '00000000-0000-0000-0000-000000000000';

export interface UpstreamRequest {
  method: string;
  /** Path and query under the API root, starting with /v1/. */
  path: string;
  token: string;
  body?: ArrayBuffer | string | null;
  contentType?: string | null;
  signal?: AbortSignal;
}

/** Signs every request with OAuth 1.0a (AppKey, SecretKey, the user's AuthToken) and sends it upstream. */
export function createUpstream(options: { baseUrl: string; appKey: string; secretKey: string }) {
  const base = new URL(options.baseUrl);

  return {
    origin: base.origin,

    /** The absolute URL for an API path, or null if it would leave the configured host. */
    resolve(path: string): URL | null {
      if (!path.startsWith('/v1/') && path !== '/v1') return null;
      const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
      return url.origin === base.origin ? url : null;
    },

    async send(request: UpstreamRequest, url: URL): Promise<Response> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: authorizationHeader(
          { method: request.method, url: url.toString() },
          { consumerKey: options.appKey, consumerSecret: options.secretKey, token: request.token },
        ),
      };
      const hasBody = request.body !== undefined && request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
      if (hasBody) headers['content-type'] = request.contentType ?? 'application/json';
      else if (request.method !== 'GET' && request.method !== 'HEAD') headers['content-length'] = '0';
      return transfer(url, { method: request.method, headers, body: hasBody ? (request.body ?? null) : null, signal: request.signal });
    },
  };
}
export type Upstream = ReturnType<typeof createUpstream>;
