import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiPathOf } from './api-proxy.ts';
import { createBffApp } from './app.ts';
import { SESSION_COOKIE, createSessionSealer } from './session-cookie.ts';
import { createUpstream } from './upstream.ts';

/**
 * No open proxy: whatever path the browser sends, our server talks to the configured API host only, and only under
 * its /v1 (or the sandbox's /sandbox) root. A recording stand-in plays the API; a second one plays a host an
 * attacker would like us to reach.
 */

const SESSION_SECRET = 'api-proxy-test-session-secret-32chars+';

interface Recorder {
  server: Server;
  origin: string;
  seen: Array<{ method: string; url: string; host: string }>;
}

async function startRecorder(): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const server = createServer((request: IncomingMessage, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', host: request.headers.host ?? '' });
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ErrorCode: 2002, ErrorName: 'RouteNotFound', ErrorType: 'NotFound', Message: 'recorded' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let api: Recorder;
let elsewhere: Recorder;
let bff: ReturnType<typeof serve>;
let bffPort: number;
let cookie: string;

beforeAll(async () => {
  api = await startRecorder();
  elsewhere = await startRecorder();
  const app = createBffApp({
    apiUrl: api.origin,
    appKey: 'k',
    secretKey: 's',
    sessionSecret: SESSION_SECRET,
    sessionIdleMs: 3_600_000,
    sessionMaxMs: 3_600_000,
    trustProxy: false,
    sandbox: true,
  });
  bff = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  bffPort = (bff.address() as AddressInfo).port;
  const now = Date.now();
  const sealed = createSessionSealer(SESSION_SECRET).seal({ sessionId: 'test', token: 'token', userId: 1, userName: 'luke', issuedAt: now, seenAt: now });
  cookie = `${SESSION_COOKIE}=${sealed}`;
});
afterAll(async () => {
  await new Promise((resolve) => bff.close(resolve));
  await new Promise((resolve) => api.server.close(resolve));
  await new Promise((resolve) => elsewhere.server.close(resolve));
});
beforeEach(() => {
  api.seen.length = 0;
  elsewhere.seen.length = 0;
});

/** A raw request line, exactly as written (fetch() would normalise the path first). */
function rawRequest(target: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: bffPort, path: target, method: 'GET', headers: { cookie, ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The decoded path segments the API was asked for: never a step up, never outside its roots. */
function expectOnlyApiPaths() {
  for (const { url, host } of api.seen) {
    expect(host).toBe(new URL(api.origin).host);
    expect(url).toMatch(/^\/(v1|sandbox)(\/|\?|$)/);
    const segments = decodeURIComponent(new URL(url, api.origin).pathname).split('/');
    expect(segments).not.toContain('..');
    expect(segments).not.toContain('.');
  }
}

describe('forwarding stays on the configured API host', () => {
  const attacks = () => {
    const target = elsewhere.origin.replace('http://', '');
    return [
      `/api/v1/http://${target}/x`,
      `/api/v1/https://${target}/x`,
      `/api/v1/http:%2F%2F${target}/x`,
      `/api/v1/http%3A%2F%2F${target}%2Fx`,
      `/api/v1//${target}/x`,
      `/api/v1/%2F%2F${target}/x`,
      `/api/v1/%2f%2f${target}`,
      `/api//${target}/v1/x`,
      `/api/%2F%2F${target}/v1/x`,
      `/api/v1/\\\\${target}/x`,
      `/api/v1/%5C%5C${target}/x`,
      `/api/v1/@${target}/x`,
      `/api/v1/x@${target}:80/`,
      `/api/v1/..%2F..%2F..%2F${target}`,
      '/api/v1/%2e%2e/%2e%2e/sandbox/clock',
      '/api/v1/.%2e/sandbox/clock',
      '/api/v1/%2E%2E%5Csandbox',
      '/api/v1/%252e%252e/%252e%252e/x',
      '/api/v1/%EF%BC%8E%EF%BC%8E/x',
      '/api/v1/%00/x',
      '/api/v1/%ZZ',
      '/api/v1',
      '/api/v1/../sandbox/clock',
      '/api/sandbox/../v1/account',
      '/api/sandbox/..%2Fv1/account',
      `/api/sandbox/http://${target}/`,
      `http://${target}/api/v1/account`,
    ];
  };

  it('sends nothing anywhere else, whatever the path says', async () => {
    for (const attack of attacks()) {
      const status = await rawRequest(attack);
      expect(status, attack).toBeGreaterThanOrEqual(400);
      expect(status, attack).toBeLessThan(500);
    }
    expect(elsewhere.seen).toEqual([]);
    expectOnlyApiPaths();
  });

  it('ignores a Host header naming another host', async () => {
    const status = await rawRequest('/api/v1/account', { host: elsewhere.origin.replace('http://', '') });
    expect(status).toBe(404);
    expect(elsewhere.seen).toEqual([]);
    expect(api.seen.map(({ url }) => url)).toEqual(['/v1/account']);
  });

  it('forwards an ordinary path unchanged, query included', async () => {
    expect(await rawRequest('/api/v1/contacts?searchterm=O%27Brien&page=2')).toBe(404);
    expect(api.seen.map(({ url }) => url)).toEqual(['/v1/contacts?searchterm=O%27Brien&page=2']);
  });
});

describe('apiPathOf and upstream.resolve, for any path', () => {
  const upstream = createUpstream({ baseUrl: 'https://rest.example.com/base', appKey: 'k', secretKey: 's' });
  const pathCharacters = fc.constantFrom(
    ...'abc019/.%:@\\?#&=+;,~!$\'()*[]{}|^` "<>'.split(''),
    '%2e',
    '%2E',
    '%2f',
    '%2F',
    '%5c',
    '%25',
    '..',
    '//',
    'http://evil.example',
    '%00',
    '\u3002',
    '\uFF0E',
  );

  it('never yields a URL off the configured host or outside its /v1 root', () => {
    fc.assert(
      fc.property(
        fc.array(pathCharacters, { maxLength: 24 }).map((parts) => `/api/v1/${parts.join('')}`),
        (path) => {
          let url: URL;
          try {
            url = new URL(path, 'http://callboard.test');
          } catch {
            return;
          }
          const apiPath = apiPathOf(url.toString(), '/api');
          const target = apiPath === null ? null : upstream.resolve(apiPath);
          if (target === null) return;
          expect(target.origin).toBe('https://rest.example.com');
          expect(target.pathname.startsWith('/base/v1')).toBe(true);
          expect(decodeURIComponent(target.pathname).split('/')).not.toContain('..');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
