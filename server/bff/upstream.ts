import http from 'node:http';
import https from 'node:https';
import { Readable, Transform, pipeline, type Readable as NodeReadable } from 'node:stream';
import zlib from 'node:zlib';
import { authorizationHeader } from '../oauth1/oauth1.ts';

/** Answers up to this size are read whole; bigger ones (audio, exports) are handed on as a stream. */
export const BUFFERED_LIMIT = 1024 * 1024;
/** The most an answer read whole may hold once decoded: a compressed answer of 1 MB can inflate a thousandfold. */
export const WHOLE_ANSWER_LIMIT = 16 * 1024 * 1024;
/** The most a streamed answer may inflate to: memory stays flat while it streams, but the bytes still cost time. */
const STREAMED_ANSWER_LIMIT = 512 * 1024 * 1024;
/** How long the API may take to answer (CEA_TIMEOUT_MS), unless the server is configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * How long work that is slow by nature may take (a file of a million rows stored on upload, or imported): it answers
 * when done, so the ordinary deadline would cut it while it still runs.
 */
export const LONG_WORK_TIMEOUT_MS = 5 * 60_000;
/** How each content coding the API may use is undone, as a stream (zlib works off the event loop). */
const decoders = {
  gzip: zlib.createGunzip,
  'x-gzip': zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
} as const;

/**
 * Why an exchange with the API failed: it took longer than the deadline (named TimeoutError, as fetch names it),
 * could not be reached, or answered more than we hold. Our server answers 504 or 502 for these, never 500.
 */
export class UpstreamFailure extends Error {
  /** A kept-alive connection the API closed before answering: it had most likely dropped it while idle. */
  readonly staleConnection: boolean;

  constructor(
    readonly reason: 'timeout' | 'unreachable' | 'too-large',
    message: string,
    options?: { cause?: unknown; staleConnection?: boolean },
  ) {
    super(message, options);
    this.staleConnection = options?.staleConnection ?? false;
    this.name = reason === 'timeout' ? 'TimeoutError' : 'UpstreamFailure';
  }
}

/** A request body that passed its limit while it streamed to the API. */
export class RequestBodyTooLarge extends Error {
  override name = 'RequestBodyTooLarge';
}

/** The bytes of each answer that arrived whole (see bytesOf). */
const wholeBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** The answer's bytes when it arrived whole; undefined when it is a stream. */
export const wholeBytesOf = (response: Response) => wholeBodies.get(response);

/**
 * An answer's bytes: as they arrived when they came whole, else read from its body, up to `limit` (over it:
 * UpstreamFailure 'too-large', and the rest is not read). Reading them through the Response would rebuild the node
 * adapter's light response as a full fetch Response first.
 */
export async function bytesOf(response: Response, limit = WHOLE_ANSWER_LIMIT): Promise<Uint8Array<ArrayBuffer>> {
  const whole = wholeBodies.get(response);
  if (whole) return whole;
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>;
}

const tooLarge = (limit: number) => new UpstreamFailure('too-large', `The API's answer is larger than ${Math.round(limit / 1024 / 1024)} MiB.`);

/** Passes bytes on until `limit` of them have gone through, then fails with `error()`. */
export function byteCap(limit: number, error: () => Error): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > limit) done(error());
      else done(null, chunk);
    },
  });
}

/**
 * Connections to the API stay open between requests. With a timeout set, Node also closes an idle one a second
 * before the API's `Keep-Alive: timeout=…` says the API will, so a request rarely meets a connection being closed.
 */
const keptAlive = { keepAlive: true, timeout: 60_000 };
const agents = { 'http:': new http.Agent(keptAlive), 'https:': new https.Agent(keptAlive) };
/** Network errors of a connection the other end closed. */
const CLOSED_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** A request body: whole, or a stream (an upload) with the length the browser declared, if any. */
export type RequestBody = ArrayBuffer | string | { stream: NodeReadable; length: number | null } | null;

/**
 * One HTTP exchange with the API over a kept-alive connection, as a fetch Response. Node's own client costs a
 * fraction of fetch's per request; a small answer arrives whole, with no stream to pass along.
 *
 * The deadline: the API has `timeoutMs` to answer once it has the request, and a whole answer must have arrived
 * by then. While an upload or a streamed answer moves, each chunk starts the time again, so a big transfer that keeps
 * moving is never cut, and one that stalls is.
 */
function transfer(
  url: URL,
  init: { method: string; headers: Record<string, string>; body: RequestBody; signal?: AbortSignal | undefined; timeoutMs: number; freshConnection?: boolean },
): Promise<Response> {
  const source = init.body;
  const streamed = source !== null && typeof source === 'object' && 'stream' in source ? source : null;
  const whole =
    source === null || (typeof source === 'object' && 'stream' in source)
      ? null
      : typeof source === 'string'
        ? Buffer.from(source)
        : Buffer.from(new Uint8Array(source));
  // Node frames a body by its length only for some methods (not DELETE): say it always, or the body reads as the
  // next request on the kept-alive connection. A streamed upload without a declared length goes chunked.
  const length = whole ? whole.byteLength : (streamed?.length ?? null);
  const requestHeaders = length !== null ? { ...init.headers, 'content-length': String(length) } : init.headers;
  return new Promise((resolve, reject) => {
    let settled = false;
    let answerBody: NodeReadable | null = null;
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        reject(error);
      }
      outgoing.destroy(error);
      answerBody?.destroy(error);
    };
    const restartDeadline = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A streamed answer held back by a slow browser is waiting on the browser, not on the API.
        if (settled && answerBody?.readableFlowing === false) restartDeadline();
        else fail(new UpstreamFailure('timeout', `The API did not answer within ${init.timeoutMs / 1000} s.`));
      }, init.timeoutMs);
    };
    const done = (response: Response) => {
      settled = true;
      resolve(response);
    };

    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(
      url,
      { method: init.method, headers: requestHeaders, agent: init.freshConnection ? false : agents[url.protocol as 'http:'], signal: init.signal },
      (incoming) => {
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
          clearTimeout(timer);
          incoming.resume();
          done(new Response(null, { status, headers }));
          return;
        }
        const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
        const readWhole = declared <= BUFFERED_LIMIT;
        const limit = readWhole ? WHOLE_ANSWER_LIMIT : STREAMED_ANSWER_LIMIT;
        // Decoded as a stream, and never past the limit: a small compressed answer can hold gigabytes.
        const body: NodeReadable = decoder
          ? pipeline(
              incoming,
              decoder(),
              byteCap(limit, () => tooLarge(limit)),
              () => {},
            )
          : incoming;
        answerBody = body;
        if (!readWhole) {
          body.on('data', restartDeadline);
          body.on('end', () => clearTimeout(timer));
          body.on('error', () => clearTimeout(timer));
          restartDeadline();
          done(new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers }));
          return;
        }
        const chunks: Buffer[] = [];
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.on('end', () => {
          clearTimeout(timer);
          // Handed on as they are, not copied: Node's buffers here never sit on shared memory.
          const bytes = Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
          const response = new Response(bytes, { status, headers });
          wholeBodies.set(response, bytes);
          done(response);
        });
        body.on('error', (error) =>
          fail(error instanceof UpstreamFailure ? error : new UpstreamFailure('unreachable', 'The API broke off its answer.', { cause: error })),
        );
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof UpstreamFailure || error instanceof RequestBodyTooLarge || error.name === 'AbortError') fail(error);
      else {
        // Closed before any answer, on a connection used before: the API dropped it while idle.
        const staleConnection = outgoing.reusedSocket && answerBody === null && CLOSED_CONNECTION.has(error.code ?? '');
        fail(new UpstreamFailure('unreachable', `The API cannot be reached: ${error.message}`, { cause: error, staleConnection }));
      }
    });
    restartDeadline();
    if (!streamed) {
      outgoing.end(whole ?? undefined);
      return;
    }
    const ticking = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        restartDeadline();
        next(null, chunk);
      },
    });
    outgoing.on('finish', restartDeadline);
    pipeline(streamed.stream, ticking, outgoing, (error) => {
      if (error) fail(error);
    });
  });
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const isStream = (body: RequestBody | undefined) => body !== null && typeof body === 'object' && 'stream' in body;

/** The token the official clients sign login with: the API accepts any token there. */
export const LOGIN_TOKEN = '00000000-0000-0000-0000-000000000000';

export interface UpstreamRequest {
  method: string;
  /** Path and query under the API root, starting with /v1/. */
  path: string;
  token: string;
  body?: RequestBody;
  contentType?: string | null;
  signal?: AbortSignal;
  /** Work that is slow by nature: the deadline is LONG_WORK_TIMEOUT_MS (or CEA_TIMEOUT_MS, if longer). */
  longWork?: boolean;
  /** The browser's request this exchange serves: its log line names it and counts the time spent here. */
  timing?: RequestTiming;
}

/** One request to our server as its log line sees it: its id and the time it has spent waiting on the API. */
export interface RequestTiming {
  id: string;
  upstreamMs: number;
}

/** Signs every request with OAuth 1.0a (AppKey, SecretKey, the user's AuthToken) and sends it upstream. */
export function createUpstream(options: { baseUrl: string; appKey: string; secretKey: string; timeoutMs?: number }) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = new URL(options.baseUrl);

  /** One signed exchange; `freshConnection` opens a connection of its own instead of reusing a kept-alive one. */
  const sendOnce = (request: UpstreamRequest, url: URL, freshConnection = false): Promise<Response> => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: authorizationHeader(
        { method: request.method, url },
        { consumerKey: options.appKey, consumerSecret: options.secretKey, token: request.token },
      ),
    };
    const hasBody = request.body !== undefined && request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
    if (hasBody) headers['content-type'] = request.contentType ?? 'application/json';
    else if (request.method !== 'GET' && request.method !== 'HEAD') headers['content-length'] = '0';
    return transfer(url, {
      method: request.method,
      headers,
      body: hasBody ? (request.body ?? null) : null,
      signal: request.signal,
      timeoutMs: request.longWork ? Math.max(timeoutMs, LONG_WORK_TIMEOUT_MS) : timeoutMs,
      freshConnection,
    });
  };

  return {
    origin: base.origin,

    /** The absolute URL for an API path, or null if it would leave the configured host. */
    resolve(path: string): URL | null {
      if (!path.startsWith('/v1/') && path !== '/v1') return null;
      const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
      return url.origin === base.origin ? url : null;
    },

    async send(request: UpstreamRequest, url: URL): Promise<Response> {
      try {
        return await sendOnce(request, url);
      } catch (error) {
        // A read, or a write that means the same sent twice, goes again, freshly signed, on a new connection.
        const resendable = IDEMPOTENT_METHODS.has(request.method) && !isStream(request.body);
        if (error instanceof UpstreamFailure && error.staleConnection && resendable) return sendOnce(request, url, true);
        throw error;
      }
    },
  };
}
export type Upstream = ReturnType<typeof createUpstream>;
