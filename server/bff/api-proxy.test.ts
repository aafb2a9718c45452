import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBffApp } from './app.ts';

/** A stand-in for the real API that compresses its answers, as production web servers do. */
let upstream: Server;
let upstreamUrl = '';
const user = {
  Uri: '/v1/account/users/7',
  UserID: 7,
  UserName: 'ann',
  FirstName: 'Ann',
  LastName: 'Lee',
  Email: '',
  Phone: '',
  CallerID: '',
  Retries: 1,
  MaxMessageLength: 120,
  CallThrottle: 0,
  ContinueOnNextDay: false,
  StartTimeOfDay: { Hour: 7, Minute: 0 },
  StopTimeOfDay: { Hour: 20, Minute: 0 },
  CallingWindowDays: [],
  State: 'TX',
  Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: true, CanSeeGroupAudio: true },
};
let hangCreates = false;
let creates = 0;
/** Node 20 has no Promise.withResolvers. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
let received = signal();
const apiError = { ErrorCode: 2201, ErrorName: 'Conflict', ErrorType: 'Conflict', Message: 'Already there.' };
const big = { Items: Array.from({ length: 60 }, (_, index) => ({ Name: `Item ${index}`, Text: 'x'.repeat(30) })) };

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const send = (value: unknown) => {
      const zipped = gzipSync(JSON.stringify(value));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length });
      response.end(zipped);
    };
    if (request.url === '/v1/hang') return;
    if (request.url === '/v1/contacts/import') {
      // A big import answers when it is done: later than the ordinary deadline.
      setTimeout(() => send({ Imported: 1 }), 300);
      return;
    }
    if (request.url === '/v1/broadcasts') {
      // The first create hangs (the API is down); once it recovers, creates answer.
      if (hangCreates) return;
      creates += 1;
      send({ BroadcastID: creates });
      return;
    }
    if (request.url === '/v1/html-error') {
      response.writeHead(503, { 'content-type': 'text/html', 'retry-after': '5' });
      response.end('<html><script>alert(document.cookie)</script></html>');
      return;
    }
    if (request.url === '/v1/no-such-route') {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not Found</h1>');
      return;
    }
    if (request.url === '/v1/json-error') {
      response.writeHead(409, { 'content-type': 'application/json' });
      response.end(JSON.stringify(apiError));
      return;
    }
    if (request.url === '/v1/fileuploads') {
      received.resolve();
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('end', () => send({ FileID: 'f1', Bytes: bytes }));
      return;
    }
    if (request.url === '/v1/user/login') send({ UserID: 7, AuthToken: 'token-7' });
    else if (request.url === '/v1/account/users/7') send(user);
    else send(big);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      upstream.closeAllConnections();
      upstream.close(() => resolve());
    }),
);

function bff(now: () => number, options: Partial<Parameters<typeof createBffApp>[0]> = {}) {
  return createBffApp({
    apiUrl: upstreamUrl,
    appKey: 'k',
    secretKey: 's',
    sessionSecret: 'x'.repeat(40),
    sessionIdleMs: 30 * 60_000,
    sessionMaxMs: 24 * 3_600_000,
    trustProxy: false,
    sandbox: false,
    now,
    ...options,
  });
}

async function logIn(app: ReturnType<typeof bff>) {
  const response = await app.request('http://callboard.test/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'callboard' },
    body: JSON.stringify({ UserName: 'ann', PinCode: 'secret-1' }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('forwarding', () => {
  it('passes a compressed upstream body on whole', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.json()).toEqual(big);
  });

  it('gzips an answer for a browser that takes it, and says it varies by Accept-Encoding', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8'))).toEqual(big);
  });

  it('keeps the session alive while the user works through the API alone', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    const app = bff(() => now);
    const cookie = await logIn(app);
    now += 5 * 60_000;
    const response = await app.request('http://callboard.test/api/v1/things', { headers: { cookie } });
    const refreshed = response.headers.get('set-cookie');
    expect(refreshed).toMatch(/^callboard_session=/);
    // Twenty-five idle minutes after that refresh the session still stands (thirty after login it would not).
    now += 26 * 60_000;
    const later = await app.request('http://callboard.test/api/v1/things', { headers: { cookie: refreshed!.split(';')[0]! } });
    expect(later.status).toBe(200);
  });
});

describe('bounds', () => {
  const csrf = { 'x-requested-with': 'callboard' };

  it('answers 504 UpstreamTimeout when the API does not answer within the deadline', async () => {
    const app = bff(Date.now, { upstreamTimeoutMs: 100 });
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/hang', { headers: { cookie } });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ ErrorName: 'UpstreamTimeout', ErrorCode: 9003 });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives an import, which answers when it is done, longer than the ordinary deadline', async () => {
    const app = bff(Date.now, { upstreamTimeoutMs: 100 });
    const cookie = await logIn(app);
    const response = await app.request('http://callboard.test/api/v1/contacts/import', {
      method: 'POST',
      headers: { cookie, ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ FileID: 'f1' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ Imported: 1 });
  });

  it('frees the idempotency key of a create that timed out, so it goes through once the API recovers', async () => {
    const app = bff(Date.now, { upstreamTimeoutMs: 100 });
    const cookie = await logIn(app);
    const create = () =>
      app.request('http://callboard.test/api/v1/broadcasts', {
        method: 'POST',
        headers: { cookie, ...csrf, 'content-type': 'application/json', 'idempotency-key': 'create-12345' },
        body: '{}',
      });
    hangCreates = true;
    expect((await create()).status).toBe(504);
    hangCreates = false;
    const recovered = await create();
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('idempotent-replayed')).toBeNull();
    expect(((await recovered.json()) as { BroadcastID: number }).BroadcastID).toBe(creates);
  });

  it("replaces an error body that is not the API's JSON error with ours, keeping the status; passes the API's own on", async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const html = await app.request('http://callboard.test/api/v1/html-error', { headers: { cookie } });
    expect(html.status).toBe(503);
    expect(html.headers.get('content-type')).toMatch(/^application\/json/);
    expect(html.headers.get('retry-after')).toBe('5');
    const text = await html.text();
    expect(text).not.toContain('<script>');
    expect(JSON.parse(text)).toMatchObject({ ErrorName: 'UpstreamError', ErrorType: 'Server' });
    // A bare 404 is the API lacking the route: it reads as RouteNotFound, as the app tells it from a missing record.
    const bare = await app.request('http://callboard.test/api/v1/no-such-route', { headers: { cookie } });
    expect(bare.status).toBe(404);
    expect(await bare.json()).toMatchObject({ ErrorName: 'RouteNotFound', ErrorCode: 2002 });
    const own = await app.request('http://callboard.test/api/v1/json-error', { headers: { cookie } });
    expect(own.status).toBe(409);
    expect(await own.json()).toEqual(apiError);
  });

  it('lets only GET, HEAD, POST, PUT, PATCH and DELETE reach the API, and all but GET and HEAD need the CSRF header', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const options = await app.request('http://callboard.test/api/v1/things', { method: 'OPTIONS', headers: { cookie } });
    expect(options.status).toBe(403);
    const withHeader = await app.request('http://callboard.test/api/v1/things', { method: 'OPTIONS', headers: { cookie, ...csrf } });
    expect(withHeader.status).toBe(405);
    expect(await withHeader.json()).toMatchObject({ ErrorName: 'MethodNotAllowed' });
    expect((await app.request('http://callboard.test/api/v1/things', { method: 'PROPFIND', headers: { cookie, ...csrf } })).status).toBe(405);
    expect((await app.request('http://callboard.test/api/v1/things', { method: 'PATCH', headers: { cookie } })).status).toBe(403);
  });

  it('marks every proxied answer no-store, and sends HSTS only over TLS', async () => {
    const plain = bff(Date.now);
    const cookie = await logIn(plain);
    const answer = await plain.request('http://callboard.test/api/v1/things', { headers: { cookie } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('strict-transport-security')).toBeNull();
    const forwarded = { cookie, 'x-forwarded-proto': 'https' };
    expect((await plain.request('http://callboard.test/api/health', { headers: forwarded })).headers.get('strict-transport-security')).toBeNull();
    const proxied = bff(Date.now, { trustProxy: true });
    const hsts = (await proxied.request('http://callboard.test/api/health', { headers: forwarded })).headers.get('strict-transport-security');
    expect(hsts).toMatch(/^max-age=\d{8}/);
    expect((await proxied.request('https://callboard.test/api/health')).headers.get('strict-transport-security')).toBe(hsts);
  });

  it('refuses a JSON body over 4 MB with 413, and streams an upload to the API as it arrives', async () => {
    const app = bff(Date.now);
    const cookie = await logIn(app);
    const tooBig = await app.request('http://callboard.test/api/v1/things', {
      method: 'POST',
      headers: { cookie, ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ Notes: 'x'.repeat(4 * 1024 * 1024) }),
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ ErrorName: 'PayloadTooLarge' });

    // The second half is sent only once the API has the first: a proxy that read the upload whole would wait for ever.
    received = signal();
    const half = new Uint8Array(5 * 1024 * 1024).fill(44);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
      },
      async pull(controller) {
        await received.promise;
        controller.enqueue(half);
        controller.close();
      },
    });
    const stuck = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the upload was held back, not streamed')), 10_000));
    const upload = app.request('http://callboard.test/api/v1/fileuploads', {
      method: 'POST',
      headers: { cookie, ...csrf, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await Promise.race([upload, stuck]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ FileID: 'f1', Bytes: 10 * 1024 * 1024 });

    const declaredTooBig = await app.request('http://callboard.test/api/v1/fileuploads', {
      method: 'POST',
      headers: { cookie, ...csrf, 'content-type': 'text/csv', 'content-length': String(129 * 1024 * 1024) },
      body: 'a,b',
    });
    expect(declaredTooBig.status).toBe(413);
  });
});
