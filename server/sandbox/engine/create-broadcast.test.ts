import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { broadcastPlanSchema } from '../../../src/contract/broadcast-plan.ts';
import { broadcastSchema } from '../../../src/contract/broadcast.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { DEFAULT_DASHBOARD_URL } from '../single-sign-on.ts';
import { isLandline } from '../simulator/outcomes.ts';

const LIMITED = { UserName: 'han@cea', PinCode: 'kessel-run-12' };
const broadcastCount = (sandbox: ReturnType<typeof createSandboxHarness>) =>
  (sandbox.db.prepare('SELECT COUNT(*) AS n FROM broadcasts').get() as { n: number }).n;

const tts = { TextToSpeech: true, Text: 'The school will close early today at noon because of the storm.', Voice: 'Joanna' };

async function errorOf(response: Response) {
  return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
}

describe('POST /v1/broadcasts', () => {
  it('accepts the documented Create Broadcast example and answers its fields', async () => {
    const sandbox = createSandboxHarness();
    // The example names lists 2 and 14 (the demo has audio zx1234): give the demo account those lists.
    sandbox.db.exec(`
      INSERT INTO lists (list_id, account_id, owner_user_id, list_name, created_at, last_updated) VALUES (2, 1, 73312, 'Two', 0, 0), (14, 1, 73312, 'Fourteen', 0, 0);
      INSERT INTO list_members (list_id, person_id, added_at) SELECT 2, person_id, 0 FROM contacts WHERE deleted_at IS NULL ORDER BY person_id LIMIT 4;
      INSERT INTO list_members (list_id, person_id, added_at) SELECT 14, person_id, 0 FROM contacts WHERE deleted_at IS NULL ORDER BY person_id LIMIT 3 OFFSET 2;`);
    const example = seedExamples.find((entry) => entry.section === 'Broadcasts / Create Broadcast' && entry.kind === 'request')!;
    const master = await sandbox.as();
    const response = await master.request('POST', '/v1/broadcasts', { body: example.body });
    expect(response.status).toBe(200);
    const created = broadcastSchema.parse(await response.json());
    // Lists 2 and 14 overlap by two contacts; Jack Black is the fifth... unless the lists hold an opted-out number.
    const optedOut = sandbox.db
      .prepare(
        `SELECT COUNT(*) AS n FROM opt_outs o JOIN contacts c ON c.primary_phone = o.phone_number
                WHERE o.do_not_call = 1 AND c.person_id IN (SELECT person_id FROM list_members WHERE list_id IN (2, 14))`,
      )
      .get() as { n: number };
    expect(created).toMatchObject({ BroadcastName: 'Testing', BroadcastType: 'Announcement', BroadcastStatus: 'AuthorizationApproved' });
    expect(created.PhoneNumberCount).toBe(6 - optedOut.n);
    // The documented start (2/1/2020, long past) means "start now".
    expect(created.StartDate).toBe(created.CreatedDate);
  });

  it('creates an announcement from a list, a contact and text-to-speech, with the user defaults', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', {
        BroadcastName: 'Early release',
        BroadcastType: 'Announcement',
        Lists: [{ ListID: 39 }],
        Contacts: [{ FirstName: 'Jack', LastName: 'Black', PrimaryPhone: '(214) 555-1234' }],
        Audio: tts,
      }),
    );
    const members = sandbox.db.prepare('SELECT COUNT(*) AS n FROM list_members WHERE list_id = 39').get() as { n: number };
    expect(created.PhoneNumberCount).toBeGreaterThan(0);
    expect(created.PhoneNumberCount).toBeLessThanOrEqual(members.n + 1);
    expect(created).toMatchObject({ CallerID: '2027075000', RetryTimes: 1, CallThrottle: 10, MaxMessageLength: 120, TextBroadcastID: 0 });
    const audio = sandbox.db
      .prepare('SELECT text_to_speech, tts_text, voice, length_seconds FROM audio WHERE audio_id = ?')
      .get((created.Audio as { AudioID: string }).AudioID);
    expect(audio).toEqual({ text_to_speech: 1, tts_text: tts.Text, voice: 'Joanna', length_seconds: 5 });
    const jack = sandbox.db
      .prepare('SELECT first_name, status FROM broadcast_recipients WHERE broadcast_id = ? AND phone_number = ?')
      .get(created.BroadcastID, '2145551234');
    expect(jack).toEqual({ first_name: 'Jack', status: 'Pending' });
  });

  it('collapses duplicate numbers across sources and honours exclusions and opt-outs per channel', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const [first, second] = sandbox.db
      .prepare('SELECT primary_phone, first_name FROM contacts WHERE deleted_at IS NULL ORDER BY person_id LIMIT 2')
      .all() as Array<{ primary_phone: string; first_name: string }>;
    sandbox.db.prepare("INSERT INTO opt_outs (account_id, phone_number, do_not_call, do_not_text, opt_out_date) VALUES (1, '4155550199', 0, 1, 0)").run();
    const plan = broadcastPlanSchema.parse(
      await master.json('POST', '/v1/broadcasts/preview', {
        BroadcastType: 'SMS',
        TextMessage: 'Hello',
        Contacts: [
          { PrimaryPhone: first!.primary_phone },
          { PrimaryPhone: `1-${first!.primary_phone}` },
          { PrimaryPhone: second!.primary_phone },
          { PrimaryPhone: '4155550199' },
          { PrimaryPhone: '555-0100' },
        ],
        ExcludedContacts: [{ PrimaryPhone: second!.primary_phone }],
      }),
    );
    expect(plan.Skipped).toMatchObject({ Duplicate: 1, Excluded: 1, OptedOut: 1, Invalid: 1 });
    expect(plan.FailedContacts).toEqual([expect.objectContaining({ ErrorMessage: '555-0100: Not a valid US phone number.' })]);
    expect(plan.PhoneNumberCount).toBe(1);
  });

  it('answers 3005 NoValidBroadcastContacts when nobody can be reached', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const before = broadcastCount(sandbox);
    let landline = 2145550000;
    while (!isLandline(String(landline))) landline += 1;
    const error = await errorOf(
      await master.request('POST', '/v1/broadcasts', { body: { BroadcastType: 'SMS', TextMessage: 'Hi', Contacts: [{ PrimaryPhone: String(landline) }] } }),
    );
    expect(error).toMatchObject({
      status: 400,
      ErrorCode: 3005,
      ErrorName: 'NoValidBroadcastContacts',
      ErrorType: 'Informational',
      Message: 'Unable to create broadcast. None of the contacts are able to receive text messages.',
    });
    expect(broadcastCount(sandbox)).toBe(before);
  });

  it.each([
    [{ BroadcastType: 'SMS', Contacts: [{ PrimaryPhone: '2145551234' }] }, 'TextMessage: a SMS broadcast needs a TextMessage.'],
    [
      { BroadcastType: 'SMS', TextMessage: 'Hi {{Nickname}}', Contacts: [{ PrimaryPhone: '2145551234' }] },
      'TextMessage: unknown merge field {{Nickname}}. Use {{FirstName}}, {{LastName}}, {{Notes}}, {{IntegrationData}}.',
    ],
    [{ BroadcastType: 'Announcement', Audio: { AudioID: 'nope' }, Contacts: [{ PrimaryPhone: '2145551234' }] }, 'Audio: audio nope was not found.'],
    [{ BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: 999 }] }, 'Lists: list 999 was not found.'],
    [{ BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: -2 }] }, 'Lists: the Deleted folder cannot receive broadcasts.'],
    [
      { BroadcastType: 'Announcement', Audio: tts, StartDate: '13/45/2020 1:15PM', Contacts: [{ PrimaryPhone: '2145551234' }] },
      'StartDate: 13/45/2020 1:15PM is not a date like 2/1/2020 1:15PM.',
    ],
    [{ BroadcastType: 'Survey', Audio: tts, Survey: { Options: [] }, Contacts: [{ PrimaryPhone: '2145551234' }] }, 'Options: Offer at least one key'],
    [{ BroadcastType: 'Fax', Contacts: [] }, 'BroadcastType: Choose a broadcast type'],
  ])('refuses a bad body with 400 and a clear message (%#)', async (body, message) => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const before = broadcastCount(sandbox);
    const error = await errorOf(await master.request('POST', '/v1/broadcasts', { body }));
    expect(error).toMatchObject({ status: 400, Message: message });
    expect(broadcastCount(sandbox)).toBe(before);
  });

  it('refuses a broadcast that could cost more than the available credits', async () => {
    const sandbox = createSandboxHarness();
    sandbox.db.prepare('UPDATE accounts SET call_balance = 3').run();
    const master = await sandbox.as();
    const error = await errorOf(
      await master.request('POST', '/v1/broadcasts', { body: { BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: 39 }] } }),
    );
    expect(error).toMatchObject({ status: 400, ErrorName: 'InsufficientCredits' });
  });

  it('creates both halves of a combo, linked, each with its own recipients', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', { BroadcastType: 'SMSOrAnnouncement', Lists: [{ ListID: 37 }], Audio: tts, TextMessage: 'Hi {{FirstName}}' }),
    );
    expect(created.CallBroadcastID).toBe(created.BroadcastID);
    expect(created.TextBroadcastID).toBeGreaterThan(0);
    const halves = sandbox.db
      .prepare('SELECT channel FROM broadcasts WHERE broadcast_id IN (?, ?) ORDER BY broadcast_id')
      .all(created.CallBroadcastID, created.TextBroadcastID) as Array<{ channel: string }>;
    expect(halves.map((half) => half.channel)).toEqual(['Call', 'Text']);
    // "Or": each number gets one channel, so the halves never share a number.
    const shared = sandbox.db
      .prepare(
        `SELECT COUNT(*) AS n FROM broadcast_recipients a JOIN broadcast_recipients b ON a.phone_number = b.phone_number
      WHERE a.broadcast_id = ? AND b.broadcast_id = ?`,
      )
      .get(created.CallBroadcastID, created.TextBroadcastID);
    expect(shared).toEqual({ n: 0 });
    const personalised = sandbox.db
      .prepare('SELECT first_name, message_text FROM broadcast_recipients WHERE broadcast_id = ? LIMIT 1')
      .get(created.TextBroadcastID) as { first_name: string; message_text: string };
    expect(personalised.message_text).toBe(`Hi ${personalised.first_name}`);
  });

  it('keeps what each survey key means and answers it with the broadcast and its results', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const survey = {
      Question: 'Attending Thursday?',
      Options: [
        { Key: '1', Label: 'Yes' },
        { Key: '2', Label: 'No' },
      ],
    };
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', { BroadcastType: 'Survey', Lists: [{ ListID: 37 }], Audio: tts, Survey: survey }),
    );
    expect(created.Survey).toEqual(survey);
    sandbox.advance(24 * 60);
    const answered = broadcastSchema.parse(await master.json('GET', `/v1/broadcasts/${created.BroadcastID}`));
    expect(answered.Survey).toEqual(survey);
    expect(Object.keys(answered.SurveyResponses ?? {}).every((key) => key === '1' || key === '2')).toBe(true);
    // Without settings a survey offers 1 = Yes and 2 = No, and says so.
    const plain = broadcastSchema.parse(await master.json('POST', '/v1/broadcasts', { BroadcastType: 'Survey', Lists: [{ ListID: 37 }], Audio: tts }));
    expect(plain.Survey).toEqual({
      Question: null,
      Options: [
        { Key: '1', Label: 'Yes' },
        { Key: '2', Label: 'No' },
      ],
    });
    // An announcement has none, and keeps the seed's shape.
    const announcement = await master.json<Record<string, unknown>>('POST', '/v1/broadcasts', {
      BroadcastType: 'Announcement',
      Lists: [{ ListID: 37 }],
      Audio: tts,
    });
    expect('Survey' in announcement).toBe(false);
  });

  it('only lets a limited user use their own lists', async () => {
    const sandbox = createSandboxHarness();
    const han = await sandbox.as(LIMITED);
    const error = await errorOf(await han.request('POST', '/v1/broadcasts', { body: { BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: 34 }] } }));
    expect(error).toMatchObject({ status: 400, Message: 'Lists: list 34 was not found.' });
    const own = await han.request('POST', '/v1/broadcasts', { body: { BroadcastType: 'Announcement', Audio: tts, Lists: [{ ListID: 43 }] } });
    expect(own.status).toBe(200);
  });

  it("reads StartDate in the user's time zone and estimates inside the calling window", async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const plan = broadcastPlanSchema.parse(
      await master.json('POST', '/v1/broadcasts/preview', {
        BroadcastType: 'Announcement',
        Audio: tts,
        StartDate: '1/5/2099 9:30PM',
        Lists: [{ ListID: 39 }],
      }),
    );
    // Luke is in Texas (Central): 9:30 PM is after his 7 AM - 8 PM window, so calls wait for the morning.
    expect(plan.StartDate).toBe('2099-01-05 21:30:00-0600');
    expect(plan.StartsOutsideCallingWindow).toBe(true);
    expect(plan.EstimatedCompletion?.startsWith('2099-01-06 07:')).toBe(true);
  });

  it('keeps drafts and builds a broadcast from one', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const draft = await master.json<{ DraftBroadcastID: number; FailedContacts: unknown[]; SingleSignOnUrl: string }>('POST', '/v1/draftbroadcasts', {
      Contacts: [{ FirstName: 'Ann', PrimaryPhone: '972-555-1212' }, { PrimaryPhone: '12' }],
    });
    expect(draft.FailedContacts).toHaveLength(1);
    // Absolute, as the service's are (docs/decisions/0083-single-sign-on.md).
    expect(draft.SingleSignOnUrl).toBe(`${DEFAULT_DASHBOARD_URL}/broadcasts/new?draft=${draft.DraftBroadcastID}`);
    const created = broadcastSchema.parse(
      await master.json('POST', '/v1/broadcasts', { DraftBroadcastID: draft.DraftBroadcastID, BroadcastType: 'Announcement', Audio: tts }),
    );
    expect(created.PhoneNumberCount).toBe(1);
  });
});

describe('POST /v1/broadcasts/preview', () => {
  it('answers reach and cost before the message is written', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const plan = broadcastPlanSchema.parse(
      await master.json('POST', '/v1/broadcasts/preview', { BroadcastType: 'SMSAndAnnouncement', Lists: [{ ListID: 36 }] }),
    );
    expect(plan.CallCount).toBeGreaterThan(0);
    expect(plan.TextCount).toBeGreaterThan(0);
    expect(plan.TextSegments).toBe(1);
    expect(plan.MessageSeconds).toBe(30);
    // The same body is refused by the create: the message is missing.
    const create = await master.request('POST', '/v1/broadcasts', { body: { BroadcastType: 'SMSAndAnnouncement', Lists: [{ ListID: 36 }] } });
    expect(create.status).toBe(400);
  });
});
