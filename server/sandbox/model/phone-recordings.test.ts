import { describe, expect, it } from 'vitest';
import { broadcastSchema, type Broadcast } from '../../../src/contract/broadcast.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { sandboxRecordingResultSchema, sandboxWaitingRecordingsSchema } from '../../../src/contract/sandbox-recording.ts';
import { createSandboxHarness, type SandboxUserClient } from '../../testing/sandbox-client.ts';
import { RECORDING_LINE } from './phone-recordings.ts';

const contacts = [{ PrimaryPhone: '2145550111' }, { PrimaryPhone: '2145550112' }, { PrimaryPhone: '2145550113' }];

async function create(client: SandboxUserClient, body: Record<string, unknown>): Promise<Broadcast> {
  return broadcastSchema
    .partial()
    .parse(await client.json('POST', '/v1/broadcasts', { BroadcastName: 'Record me', CheckCallingWindow: false, Contacts: contacts, ...body })) as Broadcast;
}

const read = async (client: SandboxUserClient, id: number) => broadcastSchema.parse(await client.json('GET', `/v1/broadcasts/${id}`));

function codeOf(broadcast: Broadcast): string {
  const instruction = broadcast.MessageRecordingInstruction;
  if (!instruction || typeof instruction === 'string' || !instruction.RecordingCode) throw new Error('No recording code');
  return instruction.RecordingCode;
}

describe('a voice broadcast created without audio (docs/decisions/0080-record-by-phone.md)', { timeout: 30_000 }, () => {
  it('is accepted with the instruction to record its message by phone, and waits for it past its start', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = await create(master, { BroadcastType: 'Announcement' });
    expect(created).toMatchObject({ BroadcastStatus: 'AuthorizationApproved', Audio: null, CreditsUsed: null, CompletedDate: null });
    expect(created.MessageRecordingInstruction).toEqual({
      PhoneNumber: RECORDING_LINE,
      RecordingCode: expect.stringMatching(/^\d{6}$/),
      Instructions: expect.stringContaining(codeOf(created)),
    });

    sandbox.advance(120);
    const waiting = await read(master, created.BroadcastID!);
    expect(waiting).toMatchObject({ BroadcastStatus: 'AuthorizationApproved', BroadcastStatusCategory: 'Scheduled', CreditsUsed: null, TotalCompleted: 0 });
    expect(waiting.MessageRecordingInstruction).toEqual(created.MessageRecordingInstruction);
    expect(sandbox.db.prepare('SELECT SUM(attempts) AS n FROM broadcast_recipients WHERE broadcast_id = ?').get(created.BroadcastID)).toEqual({ n: 0 });
    expect(sandboxWaitingRecordingsSchema.parse(await master.json('GET', '/sandbox/recordings')).Items).toContainEqual({
      BroadcastID: created.BroadcastID,
      BroadcastName: 'Record me',
      RecordingCode: codeOf(created),
    });
  });

  it('takes the recorded message into the library and starts calling once it is recorded', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = await create(master, { BroadcastType: 'Announcement' });
    sandbox.advance(30);
    const recordedAt = sandbox.clock.now();
    const recorded = sandboxRecordingResultSchema.parse(await master.json('POST', '/sandbox/recordings', { RecordingCode: codeOf(created), Seconds: 25 }));
    expect(recorded).toMatchObject({ BroadcastID: created.BroadcastID, Length: 25 });

    const started = await read(master, created.BroadcastID!);
    expect(started.MessageRecordingInstruction).toBeNull();
    expect(started.Audio).toMatchObject({ AudioID: recorded.AudioID, Name: 'Record me (recorded by phone)' });
    // Its start had passed while it waited: it starts now, not back then.
    const row = sandbox.db.prepare('SELECT start_at, message_seconds FROM broadcasts WHERE broadcast_id = ?').get(created.BroadcastID) as {
      start_at: number;
      message_seconds: number;
    };
    expect(row.message_seconds).toBe(25);
    expect(row.start_at).toBeGreaterThanOrEqual(recordedAt);
    expect(row.start_at - recordedAt).toBeLessThan(60_000);
    expect(await master.json('GET', `/v1/audio/${recorded.AudioID}`)).toMatchObject({ Length: 25, TextToSpeech: false });

    sandbox.advance(180);
    const done = await read(master, created.BroadcastID!);
    expect(done.BroadcastStatus).toBe('Complete');
    expect(done.CreditsUsed).toBeGreaterThan(0);
    expect(done.CompletedDate).not.toBeNull();
  });

  it('holds both halves of a combo until the recording, then sends both', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = await create(master, { BroadcastType: 'SMSAndAnnouncement', TextMessage: 'School closes at noon' });
    expect(created.TextBroadcastID).toBeGreaterThan(0);
    sandbox.advance(60);
    expect((await read(master, created.TextBroadcastID!)).BroadcastStatus).toBe('AuthorizationApproved');

    await master.json('POST', '/sandbox/recordings', { RecordingCode: codeOf(created) });
    sandbox.advance(180);
    expect((await read(master, created.TextBroadcastID!)).BroadcastStatus).toBe('Complete');
    expect((await read(master, created.CallBroadcastID!)).BroadcastStatus).toBe('Complete');
  });

  it('answers 404 for a code nobody waits on: unknown, already recorded or canceled', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const errorOf = async (code: string) => {
      const response = await master.request('POST', '/sandbox/recordings', { body: { RecordingCode: code } });
      return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
    };
    expect(await errorOf('999999')).toMatchObject({ status: 404, ErrorName: 'ResourceNotFound' });

    const recorded = await create(master, { BroadcastType: 'Survey' });
    await master.json('POST', '/sandbox/recordings', { RecordingCode: codeOf(recorded) });
    expect(await errorOf(codeOf(recorded))).toMatchObject({ status: 404 });

    const canceled = await create(master, { BroadcastType: 'Announcement', StartDate: '1/5/2099 9:00AM' });
    await master.json('POST', `/v1/broadcasts/${canceled.BroadcastID}/cancel`);
    expect(await errorOf(codeOf(canceled))).toMatchObject({ status: 404 });
    expect((await read(master, canceled.BroadcastID!)).MessageRecordingInstruction).toBeNull();

    const bad = await master.request('POST', '/sandbox/recordings', { body: { RecordingCode: 'abc' } });
    expect(bad.status).toBe(400);
  });
});
