import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../main.ts';
import { createBrowser, startTestServer } from '../testing/test-server.ts';
import { createIdempotencyCache } from './idempotency.ts';

const broadcast = {
  BroadcastName: 'Idempotent',
  BroadcastType: 'Announcement',
  Contacts: [{ PrimaryPhone: '2145551234' }],
  Audio: { TextToSpeech: true, Text: 'Hello' },
  CheckCallingWindow: false,
};

describe('one broadcast per send', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers repeats of a key with the first result, even when they arrive together', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const send = (key: string) => browser.request('POST', '/api/v1/broadcasts', broadcast, { 'idempotency-key': key });
    const [first, second] = await Promise.all([send('send-aaaaaaaa'), send('send-aaaaaaaa')]);
    const [a, b] = (await Promise.all([first.json(), second.json()])) as [{ BroadcastID: number }, { BroadcastID: number }];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(b.BroadcastID).toBe(a.BroadcastID);
    const later = await send('send-aaaaaaaa');
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(((await later.json()) as { BroadcastID: number }).BroadcastID).toBe(a.BroadcastID);

    const other = (await (await send('send-bbbbbbbb')).json()) as { BroadcastID: number };
    expect(other.BroadcastID).not.toBe(a.BroadcastID);
  });

  it('keeps keys per user', async () => {
    const luke = createBrowser(server.url);
    await luke.login();
    const leia = createBrowser(server.url);
    await leia.login({ UserName: 'leia@cea', PinCode: 'alderaan-1977' });
    const send = (browser: typeof luke) => browser.request('POST', '/api/v1/broadcasts', broadcast, { 'idempotency-key': 'shared-key-123' });
    const [a, b] = (await Promise.all([(await send(luke)).json(), (await send(leia)).json()])) as [{ BroadcastID: number }, { BroadcastID: number }];
    expect(a.BroadcastID).not.toBe(b.BroadcastID);
  });

  it('refuses a malformed key', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const response = await browser.request('POST', '/api/v1/broadcasts', broadcast, { 'idempotency-key': 'x' });
    expect(response.status).toBe(400);
  });
});

describe('createIdempotencyCache', () => {
  it('forgets failures so the next try goes upstream again', async () => {
    const cache = createIdempotencyCache();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.resolve({ status: 503, headers: [], body: new Uint8Array() });
    };
    await cache.once('k', failing);
    await cache.once('k', failing);
    expect(calls).toBe(2);
    await expect(cache.once('n', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const ok = await cache.once('n', () => Promise.resolve({ status: 200, headers: [], body: new Uint8Array([1]) }));
    expect(ok).toMatchObject({ replayed: false });
  });

  it('keeps a result for a day', async () => {
    let now = 0;
    const cache = createIdempotencyCache(() => now);
    let calls = 0;
    const send = () => {
      calls += 1;
      return Promise.resolve({ status: 200, headers: [], body: new Uint8Array() });
    };
    await cache.once('k', send);
    now = 23 * 3_600_000;
    expect(await cache.once('k', send)).toMatchObject({ replayed: true });
    now = 25 * 3_600_000;
    expect(await cache.once('k', send)).toMatchObject({ replayed: false });
    expect(calls).toBe(2);
  });
});

describe('the cache is bounded in bytes', () => {
  const answer = (bytes: number) => () => Promise.resolve({ status: 200, headers: [], body: new Uint8Array(bytes) });

  it('keeps at most its byte budget of answers, and never sends a key again whose answer it dropped', async () => {
    const cache = createIdempotencyCache(Date.now, { maxKeptBytes: 100_000, maxKeptBodyBytes: 20_000 });
    for (let index = 0; index < 100; index += 1) await cache.once(`key-${index}`, answer(10_000));
    expect(cache.keptBytes).toBeLessThanOrEqual(100_000);
    let sent = 0;
    const again = () => {
      sent += 1;
      return answer(10_000)();
    };
    expect(await cache.once('key-0', again)).toEqual({ answerNotKept: true });
    expect(await cache.once('key-99', again)).toMatchObject({ replayed: true });
    expect(sent).toBe(0);
  });

  it('does not keep an answer over the per-answer limit, but remembers its key', async () => {
    const cache = createIdempotencyCache(Date.now, { maxKeptBytes: 100_000, maxKeptBodyBytes: 20_000 });
    const first = await cache.once('dry-run-1', answer(10 * 1024 * 1024));
    expect(first).toMatchObject({ replayed: false });
    expect(cache.keptBytes).toBe(0);
    expect(await cache.once('dry-run-1', answer(1))).toEqual({ answerNotKept: true });
  });
});
