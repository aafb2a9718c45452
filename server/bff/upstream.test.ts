import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamFailure, WHOLE_ANSWER_LIMIT, bytesOf, createUpstream } from './upstream.ts';

/** Answers with what it received: method, the body's framing and the body. `/big` answers 2 MB, brotli-compressed. */
let server: Server;
let upstream: ReturnType<typeof createUpstream>;
const big = 'y'.repeat(2 * 1024 * 1024);
const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/hang') return;
      if (request.url === '/v1/stall') {
        // Half of a big answer, then nothing more.
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 4 * 1024 * 1024 });
        response.write(Buffer.alloc(2 * 1024 * 1024));
        return;
      }
      if (request.url === '/v1/bomb') {
        // 255 KB of gzip that inflates to 256 MiB: read whole, it would take that much memory.
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
        response.end(bomb);
        return;
      }
      if (request.url === '/v1/unsized') {
        // No length: the answer is handed on as a stream.
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ErrorName: 'NotAuthorized', Message: 'No.' }));
        return;
      }
      if (request.url === '/v1/big') {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'br' });
        response.end(brotliCompressSync(big));
        return;
      }
      const echo = JSON.stringify({
        method: request.method,
        length: request.headers['content-length'] ?? null,
        chunked: request.headers['transfer-encoding'] ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream = createUpstream({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, appKey: 'k', secretKey: 's' });
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const send = (method: string, body: string | null) =>
  upstream.send({ method, path: '/v1/contacts', token: 't', body }, upstream.resolve('/v1/contacts')!).then((response) => response.json());

describe('upstream', () => {
  it('frames every body by its length, DELETE too, so kept-alive requests stay apart', async () => {
    const body = JSON.stringify({ PersonIDs: [1, 2, 3] });
    for (const method of ['DELETE', 'POST', 'PUT', 'DELETE']) {
      expect(await send(method, body)).toEqual({ method, length: String(body.length), chunked: null, body });
    }
    expect(await send('GET', null)).toMatchObject({ method: 'GET', body: '' });
  });

  it('hands on compressed answers decoded, small ones whole and big ones as a stream', async () => {
    expect(await send('POST', '{}')).toMatchObject({ method: 'POST', body: '{}' });
    const response = await upstream.send({ method: 'GET', path: '/v1/big', token: 't' }, upstream.resolve('/v1/big')!);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(big);
  });

  it('hands on an answer of no declared length as a stream that can be read or cancelled', async () => {
    const unsized = () => upstream.send({ method: 'POST', path: '/v1/unsized', token: 't', body: '{}' }, upstream.resolve('/v1/unsized')!);
    expect(await (await unsized()).json()).toEqual({ ErrorName: 'NotAuthorized', Message: 'No.' });
    // Cancelled unread, as a failed login's answer is: nothing may write to the stream after.
    await (await unsized()).body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await unsized()).status).toBe(401);
  });

  it('gives the bytes of an answer, whole or streamed', async () => {
    const whole = await upstream.send({ method: 'POST', path: '/v1/contacts', token: 't', body: '{"a":1}' }, upstream.resolve('/v1/contacts')!);
    expect(JSON.parse(Buffer.from(await bytesOf(whole)).toString('utf8'))).toMatchObject({ method: 'POST', body: '{"a":1}' });
    const streamed = await upstream.send({ method: 'GET', path: '/v1/big', token: 't' }, upstream.resolve('/v1/big')!);
    expect(Buffer.from(await bytesOf(streamed)).toString('utf8')).toBe(big);
  });
});

describe('upstream bounds', () => {
  it('gives up on an API that does not answer within the deadline', async () => {
    const quick = createUpstream({ baseUrl: upstream.origin, appKey: 'k', secretKey: 's', timeoutMs: 100 });
    const failure = await quick.send({ method: 'GET', path: '/v1/hang', token: 't' }, quick.resolve('/v1/hang')!).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect(failure).toMatchObject({ reason: 'timeout', name: 'TimeoutError' });
  });

  it('cuts a streamed answer that stalls, and only after the deadline passes without a byte', async () => {
    const quick = createUpstream({ baseUrl: upstream.origin, appKey: 'k', secretKey: 's', timeoutMs: 200 });
    const response = await quick.send({ method: 'GET', path: '/v1/stall', token: 't' }, quick.resolve('/v1/stall')!);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('inflates a compressed answer as a stream and stops at the limit instead of holding it all', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const failure = await upstream.send({ method: 'GET', path: '/v1/bomb', token: 't' }, upstream.resolve('/v1/bomb')!).catch((error: unknown) => error);
    expect(failure).toMatchObject({ reason: 'too-large' });
    // Far less than the 256 MiB the answer inflates to: at most the limit and zlib's buffers.
    expect(process.memoryUsage().rss - before).toBeLessThan(WHOLE_ANSWER_LIMIT + 64 * 1024 * 1024);
  });
});

describe('kept-alive connections the API closes', () => {
  /** Answers the first request on each connection, then drops the connection when the next one comes on it. */
  async function droppingServer() {
    let drops = 0;
    const dropping = createServer((request, response) => {
      request.resume();
      const socket = request.socket as typeof request.socket & { answered?: boolean };
      if (socket.answered) {
        drops += 1;
        socket.resetAndDestroy();
        return;
      }
      socket.answered = true;
      const body = JSON.stringify({ method: request.method });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const api = createUpstream({ baseUrl: `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`, appKey: 'k', secretKey: 's' });
    const call = (method: string) => api.send({ method, path: '/v1/contacts', token: 't', body: method === 'GET' ? null : '{}' }, api.resolve('/v1/contacts')!);
    const close = () => new Promise<void>((resolve) => dropping.close(() => resolve()));
    return { call, close, drops: () => drops };
  }

  it('sends a read again on a new connection', async () => {
    const api = await droppingServer();
    try {
      expect(await (await api.call('GET')).json()).toEqual({ method: 'GET' });
      // The connection it kept is dropped: the read still gets its answer.
      const again = await api.call('GET');
      expect(await again.json()).toEqual({ method: 'GET' });
      expect(api.drops()).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('never sends a create twice by itself', async () => {
    const api = await droppingServer();
    try {
      expect(await (await api.call('POST')).json()).toEqual({ method: 'POST' });
      await expect(api.call('POST')).rejects.toMatchObject({ reason: 'unreachable', staleConnection: true });
      expect(api.drops()).toBe(1);
    } finally {
      await api.close();
    }
  });
});
