import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BroadcastGroup } from '@contract/broadcast-group.ts';
import { broadcastGroupQueries, putBroadcastGroup } from './broadcast-groups.ts';

const group: BroadcastGroup = {
  GroupID: '6f1c2b9e-8d4a-4f5e-9b7c-1a2b3c4d5e6f',
  Name: 'Picnic reminder',
  LocalStart: { Hour: 9, Minute: 30 },
  Parts: [{ BroadcastID: 41, TimeZone: 'America/Chicago', TimeZoneName: 'Central Time', Recipients: 12 }],
  CreatedAt: '2026-12-07T15:42:00.000Z',
  CreatedBy: 'Luke Skywalker',
};

function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}
const notFound = { ErrorCode: 2002, ErrorName: 'NotFound', ErrorType: 'NotFound', Message: 'Broadcast 41 is in no group.' };
const ofBroadcast = (id: number) => new QueryClient().fetchQuery(broadcastGroupQueries.ofBroadcast(id));

afterEach(() => vi.unstubAllGlobals());

describe('broadcast groups', () => {
  it('writes the group under its id, with the CSRF header, and answers the group our server kept', async () => {
    const calls = answering(200, group);
    const input = { Name: group.Name, LocalStart: group.LocalStart, Parts: group.Parts };
    expect(await putBroadcastGroup(group.GroupID, input)).toEqual(group);
    expect(calls[0]!.url).toBe(`/api/broadcast-groups/${group.GroupID}`);
    expect(calls[0]!.init).toMatchObject({ method: 'PUT', headers: { 'x-requested-with': 'callboard' } });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(input);
  });

  it('finds the group of a broadcast, and reads a 404 as in no group', async () => {
    const calls = answering(200, group);
    expect(await ofBroadcast(41)).toEqual(group);
    expect(calls[0]!.url).toBe('/api/broadcast-groups?broadcastId=41');
    answering(404, notFound);
    expect(await ofBroadcast(41)).toBeNull();
  });

  it('fails on any other error, and on an answer that is not a whole group', async () => {
    answering(502, { ...notFound, ErrorCode: 9002, ErrorName: 'UpstreamUnavailable', ErrorType: 'Server' });
    await expect(ofBroadcast(41)).rejects.toMatchObject({ status: 502 });
    answering(200, { ...group, Parts: [] });
    await expect(ofBroadcast(41)).rejects.toMatchObject({ errorName: 'InvalidResponse' });
  });
});
