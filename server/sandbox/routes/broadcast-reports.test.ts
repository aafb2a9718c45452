import { beforeAll, describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { broadcastDeleteResultSchema, broadcastSchema, type Broadcast } from '../../../src/contract/broadcast.ts';
import { broadcastDetailSchema, type BroadcastDetail } from '../../../src/contract/broadcast-detail.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema, type Feed } from '../../../src/contract/feed.ts';
import { createSandboxHarness, type SandboxUserClient } from '../../testing/sandbox-client.ts';
import { zonedParts } from '../time.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };

function seedBody(section: string): Record<string, unknown> {
  const entry = seedExamples.find((example) => example.section === section && example.kind === 'response');
  if (!entry) throw new Error(`No seed example ${section}`);
  return entry.body as Record<string, unknown>;
}

/** The JSON type of a value, as the contract compares them (null is its own type). */
const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Fields our broadcasts carry beyond the seed's examples: all documented in REFERENCE.md §6. */
const documentedExtras = {
  call: [
    'MaxCreditCost',
    'EstimatedDuration',
    'EstimatedCompletion',
    'NotEnoughTimeToComplete',
    'CallBroadcastID',
    'TextBroadcastID',
    'MessageRecordingInstruction',
  ],
  text: ['MaxCreditCost', 'EstimatedDuration', 'EstimatedCompletion', 'CallBroadcastID', 'TextNumberID'],
};

function expectSameShape(ours: Record<string, unknown>, seed: Record<string, unknown>, extras: readonly string[] = []) {
  expect(
    Object.keys(ours)
      .filter((key) => !(key in seed))
      .sort(),
  ).toEqual([...extras].sort());
  for (const [key, value] of Object.entries(seed)) {
    expect(key in ours, `${key} is missing`).toBe(true);
    // A value the seed shows as null may be filled in ours (CompletedDate of a finished one, say), and vice versa.
    if (value !== null && ours[key] !== null) expect(jsonType(ours[key]), key).toBe(jsonType(value));
  }
}

async function findBroadcasts(client: SandboxUserClient, name: string): Promise<Broadcast[]> {
  const feed = feedSchema(broadcastSchema).parse(await client.json('GET', `/v1/broadcasts?search=${encodeURIComponent(name)}&pagesize=100`));
  return feed.Items.filter((item) => item.BroadcastName === name);
}

async function findBroadcast(client: SandboxUserClient, name: string, channel: 'Call' | 'Text' = 'Call'): Promise<Broadcast> {
  const found = (await findBroadcasts(client, name)).find((item) => (channel === 'Text' ? item.TextMessage !== undefined : item.TextMessage === undefined));
  if (!found) throw new Error(`No ${channel} broadcast named ${name}`);
  return found;
}

const detailsFeed = async (client: SandboxUserClient, path: string) =>
  feedSchema(broadcastDetailSchema).parse(await client.json('GET', path)) as Feed<BroadcastDetail>;

/** The API's StartDate form for an instant, in the demo master's zone. */
function startDateIn(epochMs: number): string {
  const { year, month, day, hour, minute } = zonedParts(epochMs, 'America/Chicago');
  return `${month}/${day}/${year} ${hour % 12 || 12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'AM' : 'PM'}`;
}

const sizeOf = async (client: SandboxUserClient, id: number, query: string) =>
  (await detailsFeed(client, `/v1/broadcasts/${id}/details?pagesize=1&${query}`)).Size;

describe('reading broadcasts', () => {
  const sandbox = createSandboxHarness();
  let master: SandboxUserClient;
  beforeAll(async () => {
    master = await sandbox.as();
  });

  it("answers a call broadcast in the seed's call shape", async () => {
    const { BroadcastID } = await findBroadcast(master, 'Snow day closure');
    const body = (await master.json('GET', `/v1/broadcasts/${BroadcastID}`)) as Record<string, unknown>;
    expectSameShape(body, seedBody('Broadcasts / Get Broadcast (call)'), documentedExtras.call);
    expect(broadcastSchema.parse(body)).toMatchObject({
      BroadcastType: 'Announcement',
      BroadcastStatus: 'Complete',
      BroadcastStatusCategory: 'Completed',

      // The service's full user model, secrets null and no Uri (docs/decisions/0081-broadcast-answer-models.md).
      User: { UserID: 73312, PinCode: null, AuthToken: null, IsMasterUser: true },
      Uri: `/v1/broadcasts/${BroadcastID}`,
      UriBroadcastDetails: `/v1/broadcasts/${BroadcastID}/details`,
    });
    // The message it played is in the library.
    const audioId = (body.Audio as { AudioID: string }).AudioID;
    expect(body.Audio).toMatchObject({ Uri: `/v1/audio/${audioId}`, AudioID: audioId, Name: 'Snow day closure', Description: null });
    expect(Object.keys(body.Audio as object).sort()).toEqual(
      ['Uri', 'AudioID', 'Name', 'Description', 'Favorite', 'Shared', 'Length', 'MessageType', 'ReadOnly', 'Created', 'LastUsed', 'TextToSpeech'].sort(),
    );
    expect(Object.keys(body.User as object).sort()).toEqual(
      ['PinCode', 'UserID', 'UserName', 'FirstName', 'LastName', 'Email', 'Phone', 'CallerID', 'IsMasterUser', 'AuthToken', 'State', 'Permissions'].sort(),
    );
    expect(body.MessageRecordingInstruction).toBeNull();
    expect(sandbox.db.prepare('SELECT name FROM audio WHERE audio_id = ?').get(audioId)).toEqual({ name: 'Snow day closure' });
  });

  it("answers a text broadcast in the seed's text shape", async () => {
    const { BroadcastID } = await findBroadcast(master, 'Open house Thursday', 'Text');
    const body = (await master.json('GET', `/v1/broadcasts/${BroadcastID}`)) as Record<string, unknown>;
    expectSameShape(body, seedBody('Broadcasts / Get Broadcast (text)'), documentedExtras.text);
    expect(body).toMatchObject({ BroadcastType: 'SMS', TextPhoneNumber: '18338028132', TextBroadcastID: 0, HasCustomField: false });
  });

  it("answers the query in the seed's Feed shape, with the seed's query item fields", async () => {
    // The seed's item is an announcement: compare like with like.
    const body = (await master.json('GET', '/v1/broadcasts?BroadcastStatus=Completed&BroadcastType=Announcement&pagesize=2')) as Record<string, unknown>;
    const seed = seedBody('Broadcasts / Query Broadcasts');
    expect(Object.keys(body).sort()).toEqual(Object.keys(seed).sort());
    const feed = feedSchema(broadcastSchema).parse(body);
    const seedItem = (seed.Items as Record<string, unknown>[])[0]!;
    for (const item of feed.Items as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(seedItem)) {
        expect(key in item, key).toBe(true);
        if (value !== null && item[key] !== null) expect(jsonType(item[key]), key).toBe(jsonType(value));
      }
    }
    // The query filters on the category's spelling and gets `Complete` back, as in the seed.
    expect(feed.Items.every((item) => item.BroadcastStatus === 'Complete')).toBe(true);
    expect(feed.Next).toBe('/v1/broadcasts?BroadcastStatus=Completed&BroadcastType=Announcement&pagesize=2&page=2');
  });

  it("answers call details in the seed's call detail shape", async () => {
    const { BroadcastID } = await findBroadcast(master, 'Snow day closure');
    const body = (await master.json('GET', `/v1/broadcasts/${BroadcastID}/details?pagesize=5`)) as Record<string, unknown>;
    const seed = seedBody('Broadcast Details / Query Broadcast Details (Call)');
    expect(Object.keys(body).sort()).toEqual(Object.keys(seed).sort());
    const seedItem = (seed.Items as Record<string, unknown>[])[0]!;
    for (const item of body.Items as Record<string, unknown>[]) {
      expectSameShape(item, seedItem);
      expect(item.UriCallBroadcast).toBe(`/v1/broadcasts/${BroadcastID}`);
    }
    feedSchema(broadcastDetailSchema).parse(body);
  });

  it("answers text details in the seed's text detail shape, with the personal text only when there are merge fields", async () => {
    const plain = await findBroadcast(master, 'Open house Thursday', 'Text');
    const body = (await master.json('GET', `/v1/broadcasts/${plain.BroadcastID}/details?pagesize=5`)) as Record<string, unknown>;
    const seedItem = (seedBody('Broadcast Details / Query Broadcast Details (Text)').Items as Record<string, unknown>[])[0]!;
    for (const item of body.Items as Record<string, unknown>[]) expectSameShape(item, seedItem);

    const merged = await findBroadcast(master, 'Conference sign-up', 'Text');
    expect(merged.HasCustomField).toBe(true);
    const details = await detailsFeed(master, `/v1/broadcasts/${merged.BroadcastID}/details?TextResultCategory=Delivered&pagesize=5`);
    for (const item of details.Items) {
      expect(item.MessageText).toBe(merged.TextMessage!.replace('{{FirstName}}', item.FirstName!).replace('{{LastName}}', item.LastName!));
    }
  });

  it('shows a limited user only their own broadcasts, and hides the rest as not found', async () => {
    const han = await sandbox.as(HAN);
    const feed = feedSchema(broadcastSchema).parse(await han.json('GET', '/v1/broadcasts?pagesize=100'));
    expect(feed.Size).toBe(3);
    expect(feed.Items.every((item) => item.User?.UserID === 73314)).toBe(true);

    const { BroadcastID } = await findBroadcast(master, 'Snow day closure');
    const hidden = await han.request('GET', `/v1/broadcasts/${BroadcastID}`);
    expect(hidden.status).toBe(404);
    expect(apiErrorBodySchema.parse(await hidden.json()).ErrorName).toBe('ResourceNotFound');
    expect((await han.request('GET', `/v1/broadcasts/${BroadcastID}/details`)).status).toBe(404);
  });

  it('never answers deleted broadcasts', async () => {
    expect(await findBroadcasts(master, 'Test message')).toEqual([]);
    const id = (sandbox.db.prepare("SELECT broadcast_id FROM broadcasts WHERE broadcast_name = 'Test message'").get() as { broadcast_id: number }).broadcast_id;
    expect((await master.request('GET', `/v1/broadcasts/${id}`)).status).toBe(404);
  });

  it('filters on status category, type, dates and name, and sorts', async () => {
    const running = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?BroadcastStatusCategory=InProgress'));
    expect(running.Items.map((item) => item.BroadcastName).sort()).toEqual(['Early dismissal: water main break', 'Report cards are ready']);

    const scheduled = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?BroadcastStatusCategory=Scheduled'));
    expect(scheduled.Items.every((item) => item.BroadcastStatus === 'AuthorizationApproved')).toBe(true);
    expect(scheduled.Size).toBe(2);

    const texts = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?BroadcastType=SMS&pagesize=100'));
    expect(texts.Size).toBeGreaterThan(3);
    expect(texts.Items.every((item) => item.BroadcastType === 'SMS')).toBe(true);

    const all = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?pagesize=100&sortby=StartDate'));
    const starts = all.Items.map((item) => item.StartDate);
    expect(starts.map((start) => Date.parse(start.replace(' ', 'T').replace(/(\d{2})(\d{2})$/, '$1:$2')))).toEqual(
      [...starts].map((start) => Date.parse(start.replace(' ', 'T').replace(/(\d{2})(\d{2})$/, '$1:$2'))).sort((a, b) => a - b),
    );
    const lastMonth = feedSchema(broadcastSchema).parse(await master.json('GET', `/v1/broadcasts?StartDate~gte~${starts.at(-8)!.slice(0, 10)}&pagesize=100`));
    expect(lastMonth.Size).toBeGreaterThanOrEqual(8);
    expect(lastMonth.Size).toBeLessThan(all.Size);

    const named = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?search=picture'));
    expect(named.Items.map((item) => item.BroadcastName)).toEqual(['Fall picture day', 'Fall picture day']);
  });

  it('refuses unknown filters and values with 400 naming what is allowed', async () => {
    const response = await master.request('GET', '/v1/broadcasts?BroadcastStatus=Finished');
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json()).Message).toContain('AuthorizationApproved, InProgress, Paused, Complete');

    const text = await findBroadcast(master, 'Open house Thursday', 'Text');
    const wrongChannel = await master.request('GET', `/v1/broadcasts/${text.BroadcastID}/details?CallStatus=Completed`);
    expect(wrongChannel.status).toBe(400);
    expect(apiErrorBodySchema.parse(await wrongChannel.json()).Message).toContain('TextResultCategory');
  });

  it('filters details by result and status, searches by phone or name, and sorts', async () => {
    const broadcast = await findBroadcast(master, 'Snow day closure');
    const id = broadcast.BroadcastID!;
    expect(await sizeOf(master, id, 'CallResultCategory=Live%20Answer')).toBe(broadcast.LivePersonTotal);
    expect(await sizeOf(master, id, 'CallResultCategory=Busy%2FNo%20Answer')).toBe(broadcast.BusyNoAnswerTotal);
    expect(await sizeOf(master, id, 'CallStatus=Completed')).toBe(broadcast.TotalCompleted);

    const [first] = (await detailsFeed(master, `/v1/broadcasts/${id}/details?pagesize=1&sortby=-LastCallTime`)).Items;
    const byPhone = await detailsFeed(master, `/v1/broadcasts/${id}/details?search=${first!.PhoneNumber!.slice(3)}`);
    expect(byPhone.Items.map((item) => item.PhoneNumber)).toContain(first!.PhoneNumber);
    const byName = await detailsFeed(
      master,
      `/v1/broadcasts/${id}/details?search=${encodeURIComponent(`${first!.FirstName} ${first!.LastName}`)}&pagesize=100`,
    );
    expect(byName.Items.every((item) => item.FirstName === first!.FirstName && item.LastName === first!.LastName)).toBe(true);

    const latest = await detailsFeed(master, `/v1/broadcasts/${id}/details?pagesize=50&sortby=-LastCallTime`);
    const times = latest.Items.map((item) => item.LastCallTime!);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('finds the numbers not yet called by their empty result', async () => {
    const running = await findBroadcast(master, 'Early dismissal: water main break');
    const notCalled = await sizeOf(master, running.BroadcastID!, 'CallResultCategory=');
    expect(notCalled).toBeGreaterThan(0);
    expect(notCalled).toBe(await sizeOf(master, running.BroadcastID!, 'NumberOfAttempts=0'));
    expect(await sizeOf(master, running.BroadcastID!, 'CallStatus=Pending')).toBe(notCalled);
  });
});

describe('the demo broadcasts', () => {
  const sandbox = createSandboxHarness();

  it('carry totals equal to what their details say, and credits equal to their ledger', async () => {
    const master = await sandbox.as();
    const feed = feedSchema(broadcastSchema).parse(await master.json('GET', '/v1/broadcasts?pagesize=100'));
    expect(feed.Size).toBeGreaterThanOrEqual(20);
    const ledger = sandbox.db.prepare('SELECT COALESCE(SUM(credits), 0) AS credits FROM credit_ledger WHERE broadcast_id = ?');
    for (const broadcast of feed.Items) {
      const id = broadcast.BroadcastID!;
      const label = `${broadcast.BroadcastName} (${id})`;
      expect(await sizeOf(master, id, ''), label).toBe(broadcast.PhoneNumberCount);
      if (broadcast.TextMessage === undefined) {
        expect(await sizeOf(master, id, 'CallStatus=Completed'), label).toBe(broadcast.TotalCompleted);
        expect(await sizeOf(master, id, 'CallResultCategory=Live%20Answer'), label).toBe(broadcast.LivePersonTotal);
        expect(await sizeOf(master, id, 'CallResultCategory=Answering%20Machine'), label).toBe(broadcast.AnsweringMachineTotal);
        expect(await sizeOf(master, id, 'CallResultCategory=Busy%2FNo%20Answer'), label).toBe(broadcast.BusyNoAnswerTotal);
        expect(await sizeOf(master, id, 'CallResultCategory=Invalid%20Number'), label).toBe(broadcast.InvalidNumberTotal);
        const answers = Object.values(broadcast.SurveyResponses ?? {}).reduce((sum, count) => sum + count, 0);
        expect(answers, label).toBe(broadcast.SurveyResponseTotal);
      } else {
        expect(await sizeOf(master, id, 'TextStatus=Completed'), label).toBe(broadcast.TotalCompleted);
        expect(await sizeOf(master, id, 'TextResultCategory=Delivered'), label).toBe(broadcast.DeliveredTexts);
        expect(await sizeOf(master, id, 'TextResultCategory=Not%20Delivered'), label).toBe(broadcast.NotDeliveredTexts);
        expect(await sizeOf(master, id, 'TextResultCategory=Invalid'), label).toBe(broadcast.InvalidTextCount);
        const optedOut = broadcast.TotalCompleted - broadcast.DeliveredTexts! - broadcast.NotDeliveredTexts! - broadcast.InvalidTextCount!;
        expect(await sizeOf(master, id, 'TextResultCategory=Opted%20Out'), label).toBe(optedOut);
        const replies = sandbox.db
          .prepare("SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE body = 'STOP') AS stops FROM text_messages WHERE broadcast_id = ? AND direction = 'Inbound'")
          .get(id) as { n: number; stops: number };
        expect(broadcast.TextReplies, label).toBe(replies.n);
        expect(broadcast.TextOptedOut, label).toBe(replies.stops);
      }
      expect((ledger.get(id) as { credits: number }).credits, label).toBeCloseTo(broadcast.CreditsUsed ?? 0, 2);
      expect(broadcast.CreditsUsed ?? 0, label).toBeLessThanOrEqual(broadcast.MaxCreditCost ?? 0);
    }
  });

  it('charge calls by the audio length and texts by the segment', async () => {
    const master = await sandbox.as();
    // "Welcome back" plays 48 seconds: 2 credits a connected call.
    const welcome = await findBroadcast(master, 'Welcome back: first day of school');
    expect(welcome.CreditsUsed).toBe(2 * (welcome.LivePersonTotal! + welcome.AnsweringMachineTotal!));
    // One segment: half a credit per text handed to the carrier.
    const openHouse = await findBroadcast(master, 'Open house Thursday', 'Text');
    expect(openHouse.CreditsUsed).toBe(0.5 * (openHouse.DeliveredTexts! + openHouse.NotDeliveredTexts!));
  });

  it('open a conversation for every reply', () => {
    const { replies } = sandbox.db.prepare('SELECT COALESCE(SUM(text_replies), 0) AS replies FROM broadcasts').get() as { replies: number };
    const { conversations } = sandbox.db
      .prepare("SELECT COUNT(DISTINCT conversation_id) AS conversations FROM text_messages WHERE broadcast_id IS NOT NULL AND direction = 'Inbound'")
      .get() as { conversations: number };
    expect(replies).toBeGreaterThan(20);
    expect(conversations).toBeGreaterThan(0);
    expect(conversations).toBeLessThanOrEqual(replies);
  });
});

describe('pausing, resuming, canceling and deleting', () => {
  const sandbox = createSandboxHarness();
  let master: SandboxUserClient;
  beforeAll(async () => {
    master = await sandbox.as();
  });

  const errorOf = async (response: Response) => apiErrorBodySchema.parse(await response.json());

  it('pauses and resumes both halves of a combo, leaving a finished half alone', async () => {
    const call = await findBroadcast(master, 'Early dismissal: water main break', 'Call');
    const text = await findBroadcast(master, 'Early dismissal: water main break', 'Text');
    expect([call.BroadcastStatus, text.BroadcastStatus]).toEqual(['InProgress', 'Complete']);

    // Acting on the text half acts on the call half too.
    const paused = broadcastSchema.parse(await master.json('POST', `/v1/broadcasts/${text.BroadcastID}/pause`));
    expect(paused.BroadcastStatus).toBe('Complete');
    expect(broadcastSchema.parse(await master.json('GET', `/v1/broadcasts/${call.BroadcastID}`))).toMatchObject({
      BroadcastStatus: 'Paused',
      BroadcastStatusCategory: 'Paused',
    });

    const again = await master.request('POST', `/v1/broadcasts/${call.BroadcastID}/pause`);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ ErrorName: 'InvalidStateTransition', ErrorCode: 2204 });

    const resumed = broadcastSchema.parse(await master.json('POST', `/v1/broadcasts/${call.BroadcastID}/resume`));
    expect(resumed.BroadcastStatus).toBe('InProgress');
    expect((await master.request('POST', `/v1/broadcasts/${call.BroadcastID}/resume`)).status).toBe(409);
  });

  it('resumes a broadcast paused before its start as scheduled', async () => {
    const scheduled = await findBroadcast(master, 'Graduation rehearsal schedule');
    expect(broadcastSchema.parse(await master.json('POST', `/v1/broadcasts/${scheduled.BroadcastID}/pause`)).BroadcastStatus).toBe('Paused');
    expect(broadcastSchema.parse(await master.json('POST', `/v1/broadcasts/${scheduled.BroadcastID}/resume`)).BroadcastStatus).toBe('AuthorizationApproved');
  });

  it('cancels: unfinished numbers are canceled, finished ones keep their results', async () => {
    const paused = await findBroadcast(master, 'Yearbook orders closing');
    const id = paused.BroadcastID!;
    const pendingBefore = await sizeOf(master, id, 'CallStatus~in~Pending,Retry%20Pending');
    const canceled = broadcastSchema.parse(await master.json('POST', `/v1/broadcasts/${id}/cancel`));
    expect(canceled).toMatchObject({ BroadcastStatus: 'Canceled', BroadcastStatusCategory: 'Canceled', TotalCompleted: paused.TotalCompleted });
    expect(canceled.CompletedDate).not.toBeNull();
    expect(await sizeOf(master, id, 'CallStatus=Canceled')).toBe(pendingBefore);
    expect(await sizeOf(master, id, 'CallStatus~in~Pending,Retry%20Pending')).toBe(0);

    const again = await master.request('POST', `/v1/broadcasts/${id}/cancel`);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).Message).toBe(
      `Broadcast ${id} cannot be canceled: it is canceled. Only a broadcast that is scheduled, in progress, paused can be.`,
    );
  });

  it('deletes finished and scheduled broadcasts, never running ones', async () => {
    const running = await findBroadcast(master, 'Report cards are ready', 'Text');
    const refused = await master.request('DELETE', `/v1/broadcasts/${running.BroadcastID}`);
    expect(refused.status).toBe(409);

    const finished = await findBroadcast(master, 'Board meeting agenda');
    const deleted = broadcastDeleteResultSchema.parse(await master.json('DELETE', `/v1/broadcasts/${finished.BroadcastID}`));
    expect(deleted).toEqual({ BroadcastID: finished.BroadcastID, Deleted: true });
    expect((await master.request('GET', `/v1/broadcasts/${finished.BroadcastID}`)).status).toBe(404);
    expect(await findBroadcasts(master, 'Board meeting agenda')).toEqual([]);

    // A scheduled one is canceled first, so it never starts and reserves no credits.
    const scheduled = await findBroadcast(master, 'Graduation rehearsal schedule');
    await master.json('DELETE', `/v1/broadcasts/${scheduled.BroadcastID}`);
    const row = sandbox.db.prepare('SELECT broadcast_status FROM broadcasts WHERE broadcast_id = ?').get(scheduled.BroadcastID) as {
      broadcast_status: string;
    };
    expect(row.broadcast_status).toBe('Canceled');
  });

  it("refuses to delete a combo while its other half runs, and hides others' broadcasts from a limited user", async () => {
    const text = await findBroadcast(master, 'Early dismissal: water main break', 'Text');
    const refused = await master.request('DELETE', `/v1/broadcasts/${text.BroadcastID}`);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).Message).toContain('its other half');

    const han = await sandbox.as(HAN);
    expect((await han.request('POST', `/v1/broadcasts/${text.BroadcastID}/pause`)).status).toBe(404);
    const own = await findBroadcast(han, 'Generator maintenance notice', 'Text');
    expect(broadcastSchema.parse(await han.json('POST', `/v1/broadcasts/${own.BroadcastID}/pause`)).BroadcastStatus).toBe('Paused');
  });

  it('counts a number that opted out before its turn under Opted Out, not Invalid', async () => {
    const master = await sandbox.as();
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', {
        BroadcastName: 'Opted out before its turn',
        BroadcastType: 'SMS',
        TextMessage: 'Library books are due Friday.',
        StartDate: startDateIn(sandbox.clock.now() + 30 * 60_000),
        CheckCallingWindow: false,
        Contacts: [{ PrimaryPhone: '2145550111' }, { PrimaryPhone: '2145550122' }],
      }),
    );
    await master.json('POST', '/v1/optouts', { PhoneNumber: '2145550122', DoNotText: true });
    sandbox.advance(60);
    const done = broadcastSchema.parse(await master.json('GET', `/v1/broadcasts/${created.BroadcastID}`));
    expect(done).toMatchObject({ TotalCompleted: 2, InvalidTextCount: 0 });
    expect((done.DeliveredTexts ?? 0) + (done.NotDeliveredTexts ?? 0)).toBe(1);
    expect(await sizeOf(master, created.BroadcastID!, 'TextResultCategory=Opted%20Out')).toBe(1);
  });
});
