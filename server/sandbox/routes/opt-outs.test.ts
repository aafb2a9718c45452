import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { optOutEventSchema, optOutRemovalResultSchema, optOutSchema } from '../../../src/contract/opt-out.ts';
import { phoneNumberBroadcastSchema } from '../../../src/contract/phone-number-broadcast.ts';
import { createSandboxHarness, type SandboxHarness } from '../../testing/sandbox-client.ts';
import { receiveInboundText } from '../model/inbound-texts.ts';
import { zonedParts } from '../time.ts';

const DAY = 86_400_000;
const optOutFeed = feedSchema(optOutSchema);
const historyFeed = feedSchema(optOutEventSchema);

async function errorOf(response: Response) {
  return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
}

/** The sandbox's today in Dallas (the demo master's zone), as `yyyy-MM-dd`. */
function today(sandbox: SandboxHarness): string {
  const parts = zonedParts(sandbox.clock.now(), 'America/Chicago');
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

function contactFlags(sandbox: SandboxHarness, phone: string) {
  return sandbox.db.prepare('SELECT dnc_primary, optin_primary FROM contacts WHERE primary_phone = ?').get(phone);
}

describe('opt-outs', () => {
  const sandbox = createSandboxHarness();

  it("answers the query in the seed's exact shape, from date-from on", async () => {
    const example = seedExamples.find((entry) => entry.section === 'Opt Outs / Query Opt Outs')!;
    const now = sandbox.clock.now();
    sandbox.db
      .prepare(
        `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, created_at, last_updated)
         VALUES (1, 73312, 'Jack', 'Black', '2145551234', ?, ?)`,
      )
      .run(now, now);
    // Everything the demo data holds is older than today.
    sandbox.clock.advance(2 * DAY);
    // The day of the first opt-out: the second comes a minute later, maybe past midnight, and must still be in the feed.
    const dateFrom = today(sandbox);
    const client = await sandbox.as();
    await client.json('POST', '/v1/optouts', { PhoneNumber: '(214) 555-1234', DoNotCall: true });
    sandbox.clock.advance(60_000);
    await client.json('POST', '/v1/optouts', { PhoneNumber: '2145559999', DoNotText: true });

    const seed = optOutFeed.parse(example.body);
    const feed = (await client.json('GET', `/v1/optouts?date-from=${dateFrom}`)) as { Items: Array<Record<string, unknown>> };
    expect(Object.keys(feed).sort()).toEqual(Object.keys(seed).sort());
    expect(feed.Items.map((item) => Object.keys(item).sort())).toEqual(seed.Items.map((item) => Object.keys(item).sort()));
    const parsed = optOutFeed.parse(feed);
    // The seed's dates (2016) are older than its own date-from (2020): only the dates cannot match.
    const withoutDates = (items: Array<{ OptOutDate: string }>) => items.map(({ OptOutDate: _date, ...item }) => item);
    expect(withoutDates(parsed.Items)).toEqual(withoutDates(seed.Items));
    expect({ ...parsed, Items: [] }).toEqual({ ...seed, Items: [] });
  });

  it('filters, searches and sorts', async () => {
    const client = await sandbox.as();
    const everything = optOutFeed.parse(await client.json('GET', '/v1/optouts?pagesize=1000'));
    expect(everything.Size).toBeGreaterThanOrEqual(66);
    const dates = everything.Items.map((item) => item.OptOutDate);
    expect(dates).toEqual([...dates].sort());

    const textOnly = optOutFeed.parse(await client.json('GET', '/v1/optouts?DoNotText=true&DoNotCall=false'));
    expect(textOnly.Items.map((item) => item.PhoneNumber)).toEqual(['2145559999']);
    expect(optOutFeed.parse(await client.json('GET', '/v1/optouts?search=jack%20bl')).Items).toHaveLength(1);
    expect(optOutFeed.parse(await client.json('GET', '/v1/optouts?search=214-555-9999')).Items).toHaveLength(1);
    const latest = optOutFeed.parse(await client.json('GET', '/v1/optouts?sortby=-OptOutDate&pagesize=1'));
    expect(latest.Items[0]?.PhoneNumber).toBe('2145559999');

    const badDate = await client.request('GET', '/v1/optouts?date-from=yesterday');
    expect(await errorOf(badDate)).toMatchObject({ status: 400, ErrorName: 'InvalidQueryParameter' });
  });

  it('adds channels to an opt-out, lifts them one at a time, and records every change', async () => {
    const client = await sandbox.as();
    const phone = '4695550188';
    const now = sandbox.clock.now();
    sandbox.db
      .prepare(
        `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, optin_primary, created_at, last_updated)
         VALUES (1, 73312, 'Rita', 'Ruiz', ?, 'OptedIn', ?, ?)`,
      )
      .run(phone, now, now);

    expect(await client.json('POST', '/v1/optouts', { PhoneNumber: phone, DoNotCall: true, Notes: 'Asked by phone' })).toMatchObject({
      FirstName: 'Rita',
      DoNotCall: true,
      DoNotText: false,
      Notes: 'Asked by phone',
    });
    expect(contactFlags(sandbox, phone)).toEqual({ dnc_primary: 1, optin_primary: 'OptedIn' });
    // Adding what is already there is refused, saying so; the reason and the history stay true.
    const again = await errorOf(await client.request('POST', '/v1/optouts', { body: { PhoneNumber: phone, DoNotCall: true, Notes: 'Asked again' } }));
    expect(again).toMatchObject({ status: 409, ErrorName: 'Conflict' });
    expect(again.Message).toMatch(/^4695550188 is already opted out of calls \(since .+, reason: Asked by phone\); nothing was changed\.$/);
    expect(await client.json('GET', `/v1/optouts/${phone}`)).toMatchObject({ Notes: 'Asked by phone' });
    await client.json('POST', '/v1/optouts', { PhoneNumber: phone, DoNotText: true });
    expect(contactFlags(sandbox, phone)).toEqual({ dnc_primary: 1, optin_primary: 'OptedOut' });

    const lifted = optOutRemovalResultSchema.parse(await client.json('DELETE', `/v1/optouts/${phone}?channel=Call`, { Notes: 'Consent on file' }));
    expect(lifted).toEqual({ PhoneNumber: phone, DoNotCall: false, DoNotText: true, Deleted: false });
    const gone = optOutRemovalResultSchema.parse(await client.json('DELETE', `/v1/optouts/${phone}`));
    expect(gone).toEqual({ PhoneNumber: phone, DoNotCall: false, DoNotText: false, Deleted: true });
    expect(contactFlags(sandbox, phone)).toEqual({ dnc_primary: 0, optin_primary: 'OptedIn' });
    expect((await client.request('GET', `/v1/optouts/${phone}`)).status).toBe(404);

    const history = historyFeed.parse(await client.json('GET', `/v1/optouts/${phone}/history`));
    expect(history.Items.map((event) => [event.Action, event.DoNotCall, event.DoNotText, event.Source, event.Notes])).toEqual([
      ['OptIn', false, true, 'Manual', ''],
      ['OptIn', true, false, 'Manual', 'Consent on file'],
      ['OptOut', false, true, 'Manual', ''],
      ['OptOut', true, false, 'Manual', 'Asked by phone'],
    ]);
    expect(history.Items[0]?.User).toMatchObject({ UserID: 73312, FirstName: 'Luke', LastName: 'Skywalker' });
  });

  it('lets only the person reverse a STOP, but lifts its voice opt-out on request', async () => {
    const client = await sandbox.as();
    const phone = '2015550123';
    receiveInboundText(sandbox.db, {
      accountId: 1,
      textNumberId: 98615,
      phoneNumber: phone,
      body: 'STOP',
      receivedAt: sandbox.clock.now(),
      broadcastId: null,
    });
    const refused = await errorOf(await client.request('DELETE', `/v1/optouts/${phone}`));
    expect(refused).toMatchObject({ status: 409, ErrorName: 'Conflict' });
    expect(refused.Message).toContain('only the person can opt back in, by texting UNSTOP');
    expect(await client.json('GET', `/v1/optouts/${phone}`)).toMatchObject({ DoNotCall: true, DoNotText: true });

    expect(await client.json('DELETE', `/v1/optouts/${phone}?channel=call`)).toEqual({
      PhoneNumber: phone,
      DoNotCall: false,
      DoNotText: true,
      Deleted: false,
    });
    const history = historyFeed.parse(await client.json('GET', `/v1/optouts/${phone}/history?Source=TextReply`));
    expect(history.Items).toMatchObject([{ Action: 'OptOut', DoNotCall: true, DoNotText: true, Notes: 'Replied STOP', User: null }]);
  });

  it('validates input', async () => {
    const client = await sandbox.as();
    const noChannel = await client.request('POST', '/v1/optouts', { body: { PhoneNumber: '2145550143' } });
    expect(await errorOf(noChannel)).toMatchObject({ status: 400, Message: 'DoNotCall: Opt out of calls, texts or both' });
    const badPhone = await client.request('POST', '/v1/optouts', { body: { PhoneNumber: '123', DoNotCall: true } });
    expect((await errorOf(badPhone)).Message).toBe('PhoneNumber: Not a valid US phone number');
    expect((await client.request('DELETE', '/v1/optouts/2145550143')).status).toBe(404);
    const badChannel = await client.request('DELETE', '/v1/optouts/2145559999?channel=fax');
    expect((await errorOf(badChannel)).ErrorName).toBe('InvalidQueryParameter');
  });
});

describe('a phone number across broadcasts', () => {
  const sandbox = createSandboxHarness();

  it("lists each visible broadcast that had the number, with the number's result", async () => {
    const now = sandbox.clock.now();
    const insertBroadcast = sandbox.db.prepare(
      `INSERT INTO broadcasts (broadcast_id, account_id, user_id, broadcast_name, broadcast_type, channel, broadcast_status, created_at, start_at, text_number_id)
       VALUES (?, 1, ?, ?, 'SMS', 'Text', 'Complete', ?, ?, 98615)`,
    );
    insertBroadcast.run(501, 73312, 'Snow day', now - 3 * DAY, now - 3 * DAY);
    insertBroadcast.run(502, 73312, 'Picture day', now - DAY, now - DAY);
    insertBroadcast.run(503, 73313, "Leia's reminder", now - DAY, now - DAY);
    const insertRecipient = sandbox.db.prepare(
      `INSERT INTO broadcast_recipients (broadcast_id, seq, phone_number, first_name, last_name, status, result_category)
       VALUES (?, 1, '2145551234', 'Jack', 'Black', 'Completed', ?)`,
    );
    insertRecipient.run(501, 'Delivered');
    insertRecipient.run(502, 'Opted Out');
    insertRecipient.run(503, 'Delivered');

    const master = await sandbox.as();
    const feed = feedSchema(phoneNumberBroadcastSchema).parse(await master.json('GET', '/v1/phonenumbers/2145551234/broadcasts'));
    expect(feed.Items.map((item) => [item.BroadcastID, item.BroadcastName, item.Channel, item.TextResultCategory])).toEqual([
      [503, "Leia's reminder", 'Text', 'Delivered'],
      [502, 'Picture day', 'Text', 'Opted Out'],
      [501, 'Snow day', 'Text', 'Delivered'],
    ]);
    const optedOut = feedSchema(phoneNumberBroadcastSchema).parse(
      await master.json('GET', '/v1/phonenumbers/2145551234/broadcasts?TextResultCategory=Opted%20Out'),
    );
    expect(optedOut.Items.map((item) => item.BroadcastID)).toEqual([502]);

    // Han sees only his own broadcasts.
    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    expect(await han.json('GET', '/v1/phonenumbers/2145551234/broadcasts')).toMatchObject({ Size: 0 });
  });

  it('names the contact only to users who may see that contact', async () => {
    const now = sandbox.clock.now();
    sandbox.db
      .prepare(
        `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, created_at, last_updated)
         VALUES (1, 73313, 'Mon', 'Mothma', '2145557788', ?, ?)`,
      )
      .run(now, now);
    const master = await sandbox.as();
    await master.json('POST', '/v1/optouts', { PhoneNumber: '2145557788', DoNotCall: true });
    expect(optOutSchema.parse(await master.json('GET', '/v1/optouts/2145557788'))).toMatchObject({ FirstName: 'Mon', LastName: 'Mothma' });

    // Han sees only his own roster: he honours the opt-out without learning whose number it is.
    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    expect(optOutSchema.parse(await han.json('GET', '/v1/optouts/2145557788'))).toMatchObject({ FirstName: '', LastName: '', DoNotCall: true });
    expect(optOutFeed.parse(await han.json('GET', '/v1/optouts?search=mothma')).Size).toBe(0);
    expect(optOutFeed.parse(await master.json('GET', '/v1/optouts?search=mothma')).Size).toBe(1);
  });
});
