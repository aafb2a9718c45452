import { describe, expect, it, vi } from 'vitest';
import { z } from '@contract/zod.ts';
import { apiCreate, apiRequest, isCreatedUnread } from './api-client.ts';

const itemSchema = z.object({ ThingID: z.int(), Name: z.string(), Count: z.int() });

function answering(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return url === '/api/answer-mismatches' ? new Response(null, { status: 204 }) : new Response(body, { status, headers });
  });
  return calls;
}

describe('apiRequest', () => {
  it('shows an odd field as missing and tells our server where it was, without the value', async () => {
    const calls = answering(200, JSON.stringify({ ThingID: '12', Name: { secret: 'Ann' }, Count: 3, Extra: true }));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const thing = await apiRequest('/v1/things/12?search=ann', { schema: itemSchema });
    expect(thing).toEqual({ ThingID: 12, Name: null, Count: 3, Extra: true });
    const report = calls.find((call) => call.url === '/api/answer-mismatches');
    expect(report?.init.headers).toMatchObject({ 'x-requested-with': 'callboard' });
    expect(JSON.parse(report!.init.body as string)).toEqual({
      Method: 'GET',
      Route: '/v1/things/:id',
      Fields: [{ Field: 'Name', Expected: 'string' }],
    });
    expect(report!.init.body).not.toContain('Ann');
  });

  it('still fails clearly on an answer it cannot read at all', async () => {
    answering(200, JSON.stringify(['not', 'a', 'thing']));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(apiRequest('/v1/things/1', { schema: itemSchema })).rejects.toMatchObject({ errorName: 'InvalidResponse' });
  });
});

describe('apiCreate', () => {
  it('treats a 2xx with an unreadable body as created, with the ID it can find', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    answering(201, '{"ThingID": "77", "Name": [[[');
    const notJson = await apiCreate('/v1/things', { body: {}, schema: itemSchema });
    expect(notJson).toEqual({ createdUnread: true, id: null });

    answering(201, JSON.stringify({ ThingID: '77', Weird: 1 }).slice(0, -1) + ', "Items": 5}', { location: '/v1/things/78' });
    const withLocation = await apiCreate('/v1/things', { body: {}, schema: z.array(itemSchema) });
    expect(isCreatedUnread(withLocation) && withLocation.id).toBe(77);

    answering(200, 'null', { location: '/v1/things/78' });
    expect(await apiCreate('/v1/things', { body: {}, schema: itemSchema })).toEqual({ createdUnread: true, id: 78 });
  });

  it('passes a readable answer and a refusal through unchanged', async () => {
    answering(201, JSON.stringify({ ThingID: 5, Name: 'x', Count: 1 }));
    expect(await apiCreate('/v1/things', { body: {}, schema: itemSchema })).toEqual({ ThingID: 5, Name: 'x', Count: 1 });
    answering(400, JSON.stringify({ ErrorCode: 2102, ErrorName: 'ValidationFailed', ErrorType: 'Validation', Message: 'Name: required' }));
    await expect(apiCreate('/v1/things', { body: {}, schema: itemSchema })).rejects.toMatchObject({ status: 400 });
  });
});
