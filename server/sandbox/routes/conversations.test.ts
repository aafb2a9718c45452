import { describe, expect, it } from 'vitest';
import seedExamples from '../../../docs/api/seed-examples.json' with { type: 'json' };
import {
  conversationSchema,
  inboxConversationSchema,
  textMessageSchema,
  type InboxConversation,
  type TextMessage,
} from '../../../src/contract/conversation.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { createSandboxHarness, type SandboxHarness } from '../../testing/sandbox-client.ts';
import { OPT_OUT_CONFIRMATION, receiveInboundText } from '../model/inbound-texts.ts';
import { OPT_OUT_NOTICE } from '../model/conversations.ts';

const MINUTE = 60_000;
const conversationFeed = feedSchema(inboxConversationSchema);
const messageFeed = feedSchema(textMessageSchema);

function addContact(
  sandbox: SandboxHarness,
  contact: { first: string; last: string; phone: string; notes?: string; integrationData?: string; optIn?: string },
) {
  const now = sandbox.clock.now();
  sandbox.db
    .prepare(
      `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, notes, integration_data, optin_primary, created_at, last_updated)
       VALUES (1, 73312, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(contact.first, contact.last, contact.phone, contact.notes ?? '', contact.integrationData ?? '', contact.optIn ?? 'Unknown', now, now);
}

async function errorOf(response: Response) {
  return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
}

describe('conversations', () => {
  const sandbox = createSandboxHarness();

  it("answers the documented lookup in the seed's exact shape", async () => {
    const example = seedExamples.find((entry) => entry.section === 'Conversations / Get Conversation')!;
    addContact(sandbox, { first: 'James', last: 'Polk', phone: '2145555055', integrationData: 'A67CH829' });
    const client = await sandbox.as();
    // bugalert's form: open the conversation without sending anything.
    const opened = inboxConversationSchema.parse(
      await client.json('POST', '/v1/conversations', { TextPhoneNumber: '18338028132', PhoneNumber: '(214) 555-5055' }),
    );
    expect(opened).toMatchObject({ TextNumberID: 98615, PhoneNumber: '2145555055', LastMessage: null, UnreadCount: 0 });

    const body = (await client.json('GET', example.path!)) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(example.body).sort());
    expect(conversationSchema.parse(body)).toEqual({ ...example.body, ConversationID: opened.ConversationID });

    const reopened = inboxConversationSchema.parse(
      await client.json('POST', '/v1/conversations', { TextPhoneNumber: '18338028132', PhoneNumber: '2145555055' }),
    );
    expect(reopened.ConversationID).toBe(opened.ConversationID);
  });

  it('answers 404 for a lookup that finds nothing and 400 for a malformed number', async () => {
    const client = await sandbox.as();
    const missing = await client.request('GET', '/v1/conversations/single?textphonenumber=18338028132&phonenumber=2145550188');
    expect(await errorOf(missing)).toMatchObject({ status: 404, ErrorName: 'ResourceNotFound' });
    const malformed = await client.request('GET', '/v1/conversations/single?textphonenumber=18338028132&phonenumber=12');
    expect(await errorOf(malformed)).toMatchObject({ status: 400, ErrorName: 'ValidationFailed', Message: 'phonenumber: Not a valid US phone number' });
  });

  it('sends a text in the .NET form, delivers it on the clock, and files a simulated answer', async () => {
    const client = await sandbox.as();
    const sent = inboxConversationSchema.parse(
      await client.json('POST', '/v1/conversations', {
        TextNumberID: 98616,
        LastMessage: {
          Message: 'Bus 12 runs about 10 minutes late today.',
          TruncateIfExceedsLimit: false,
          Contact: { PrimaryPhone: '972-555-0100', FirstName: 'Ada', LastName: 'Byron', Notes: null },
        },
      }),
    );
    expect(sent).toMatchObject({ TextNumberID: 98616, TextPhoneNumber: '18669481703', FirstName: 'Ada', LastName: 'Byron' });
    expect(sent.PersonID).toEqual(expect.any(Number));
    expect(sent.LastMessage).toMatchObject({
      Direction: 'Outbound',
      Status: 'Queued',
      Message: `Bus 12 runs about 10 minutes late today.\n\n${OPT_OUT_NOTICE}`,
      User: { UserID: 73312, FirstName: 'Luke', LastName: 'Skywalker' },
      IsAutomatic: false,
    });

    sandbox.clock.advance(20 * MINUTE);
    sandbox.simulator.tick();
    const thread = messageFeed.parse(await client.json('GET', `/v1/conversations/${sent.ConversationID}/textmessages`));
    expect(thread.Items[0]).toMatchObject({ Direction: 'Outbound', Status: 'Delivered' });
    // Whether an answer comes is the deterministic reply rule's call; this text to this number gets one.
    expect(thread.Items).toHaveLength(2);
    expect(thread.Items[1]).toMatchObject({ Direction: 'Inbound', Status: 'Received', User: null, Message: 'Can someone call me about this?' });
    expect(inboxConversationSchema.parse(await client.json('GET', `/v1/conversations/${sent.ConversationID}`)).UnreadCount).toBe(1);

    const second = textMessageSchema.parse(
      await client.json('POST', `/v1/conversations/${sent.ConversationID}/textmessages`, { Message: 'Thanks for your patience!' }),
    );
    // Only the first text to a number carries the opt-out notice.
    expect(second.Message).toBe('Thanks for your patience!');
  });

  it('honours a simulated STOP answer, and fails a text to a landline without an answer', async () => {
    const client = await sandbox.as();
    addContact(sandbox, { first: 'Lena', last: 'Landline', phone: '2145550105', optIn: 'NotTextable' });
    const send = (phone: string) =>
      client.json('POST', '/v1/conversations', {
        TextNumberID: 98615,
        LastMessage: { Message: 'Please confirm pickup by 3 PM.', Contact: { PrimaryPhone: phone } },
      });
    const toStop = inboxConversationSchema.parse(await send('2145550104'));
    const toLandline = inboxConversationSchema.parse(await send('2145550105'));
    sandbox.clock.advance(20 * MINUTE);
    sandbox.simulator.tick();

    const stopped = messageFeed.parse(await client.json('GET', `/v1/conversations/${toStop.ConversationID}/textmessages`));
    expect(stopped.Items.map((message) => [message.Direction, message.Message.split('\n')[0]])).toEqual([
      ['Outbound', 'Please confirm pickup by 3 PM.'],
      ['Inbound', 'STOP'],
      ['Outbound', OPT_OUT_CONFIRMATION],
    ]);
    expect(await client.json('GET', '/v1/optouts/2145550104')).toMatchObject({ DoNotCall: true, DoNotText: true, Notes: 'Replied STOP' });

    const failed = messageFeed.parse(await client.json('GET', `/v1/conversations/${toLandline.ConversationID}/textmessages`));
    expect(failed.Items.map((message) => message.Status)).toEqual(['Failed']);
  });

  it('refuses a text to an opted-out number, naming how it opted out, and stores nothing', async () => {
    const client = await sandbox.as();
    const at = sandbox.clock.now();
    const { conversationId } = receiveInboundText(sandbox.db, {
      accountId: 1,
      textNumberId: 98615,
      phoneNumber: '4695550188',
      body: ' stop! ',
      receivedAt: at,
      broadcastId: null,
    });
    const conversation = inboxConversationSchema.parse(await client.json('GET', `/v1/conversations/${conversationId}`));
    expect(conversation).toMatchObject({ IsAutoOptOut: true, IsOptedOut: true, UnreadCount: 1 });
    expect(conversation.LastMessage).toMatchObject({ Message: OPT_OUT_CONFIRMATION, IsAutomatic: true, User: null });

    const refused = await client.request('POST', `/v1/conversations/${conversationId}/textmessages`, { body: { Message: 'Hello?' } });
    const error = await errorOf(refused);
    expect(error).toMatchObject({ status: 400, ErrorName: 'RecipientOptedOut', ErrorCode: 3007 });
    expect(error.Message).toMatch(/^4695550188 opted out of texts on .+ by replying STOP; only the person can opt back in/);

    const viaNewConversation = await client.request('POST', '/v1/conversations', {
      body: { TextNumberID: 98616, LastMessage: { Message: 'Hello?', Contact: { PrimaryPhone: '4695550188' } } },
    });
    expect((await errorOf(viaNewConversation)).ErrorName).toBe('RecipientOptedOut');
    const other = sandbox.db.prepare("SELECT COUNT(*) AS n FROM conversations WHERE phone_number = '4695550188' AND text_number_id = 98616").get() as {
      n: number;
    };
    expect(other.n).toBe(0);
    const thread = messageFeed.parse(await client.json('GET', `/v1/conversations/${conversationId}/textmessages`));
    expect(thread.Items.map((message) => message.Direction)).toEqual(['Inbound', 'Outbound']);
  });

  it('answers a second STOP without a second confirmation, and UNSTOP opts the number back in', async () => {
    const client = await sandbox.as();
    const text = { accountId: 1, textNumberId: 98615, phoneNumber: '2015550123', broadcastId: null };
    const at = sandbox.clock.now();
    const { conversationId } = receiveInboundText(sandbox.db, { ...text, body: 'QUIT', receivedAt: at });
    receiveInboundText(sandbox.db, { ...text, body: 'STOP ALL', receivedAt: at + MINUTE });
    let thread = messageFeed.parse(await client.json('GET', `/v1/conversations/${conversationId}/textmessages`));
    expect(thread.Items.filter((message) => message.Message === OPT_OUT_CONFIRMATION)).toHaveLength(1);

    receiveInboundText(sandbox.db, { ...text, body: 'Unstop', receivedAt: at + 2 * MINUTE });
    const conversation = inboxConversationSchema.parse(await client.json('GET', `/v1/conversations/${conversationId}`));
    expect(conversation).toMatchObject({ IsOptedOut: false, IsAutoOptOut: false });
    expect(conversation.LastMessage?.Message).toMatch(/^You have been resubscribed/);
    expect((await client.request('GET', '/v1/optouts/2015550123')).status).toBe(404);
    thread = messageFeed.parse(await client.json('GET', `/v1/conversations/${conversationId}/textmessages?sortby=-MessageDate&pagesize=2`));
    expect(thread.Items[0]?.IsAutomatic).toBe(true);
    expect(thread.Size).toBe(5);
  });

  it('marks done (which reads it), not done, read and unread', async () => {
    const client = await sandbox.as();
    const { conversationId } = receiveInboundText(sandbox.db, {
      accountId: 1,
      textNumberId: 98615,
      phoneNumber: '9725551212',
      body: 'Is school open tomorrow?',
      receivedAt: sandbox.clock.now(),
      broadcastId: null,
    });
    const put = async (body: unknown) => inboxConversationSchema.parse(await client.json('PUT', `/v1/conversations/${conversationId}`, body));
    expect(await put({ IsRead: false })).toMatchObject({ UnreadCount: 1 });
    expect(await put({ IsDone: true })).toMatchObject({ IsDone: true, UnreadCount: 0 });
    expect(await put({ IsDone: false, IsRead: false })).toMatchObject({ IsDone: false, UnreadCount: 1 });
    expect(await put({ IsRead: true })).toMatchObject({ UnreadCount: 0 });

    const empty = await client.request('PUT', `/v1/conversations/${conversationId}`, { body: {} });
    expect(await errorOf(empty)).toMatchObject({ status: 400, ErrorName: 'ValidationFailed', Message: 'Set IsDone, IsRead or both' });
    // A new text reopens a done conversation.
    await put({ IsDone: true });
    receiveInboundText(sandbox.db, {
      accountId: 1,
      textNumberId: 98615,
      phoneNumber: '9725551212',
      body: 'Hello?',
      receivedAt: sandbox.clock.now() + MINUTE,
      broadcastId: null,
    });
    expect(inboxConversationSchema.parse(await client.json('GET', `/v1/conversations/${conversationId}`))).toMatchObject({
      IsDone: false,
      UnreadCount: 1,
    });
  });

  it('lists conversations newest first, with filters and search by phone or name', async () => {
    const client = await sandbox.as();
    const all = conversationFeed.parse(await client.json('GET', '/v1/conversations?pagesize=1000'));
    expect(all.Size).toBeGreaterThan(3);
    const times = all.Items.map((item) => item.LastMessageDate ?? '');
    expect(times.filter(Boolean)).toEqual([...times.filter(Boolean)].sort().reverse());

    const unread = conversationFeed.parse(await client.json('GET', '/v1/conversations?UnreadCount~gt~0&IsDone=false&pagesize=1000'));
    expect(unread.Items.every((item: InboxConversation) => item.UnreadCount > 0 && !item.IsDone)).toBe(true);
    const onTransport = conversationFeed.parse(await client.json('GET', '/v1/conversations?TextNumberID=98616&pagesize=1000'));
    expect(onTransport.Items.every((item) => item.TextNumberID === 98616)).toBe(true);

    const byPhone = conversationFeed.parse(await client.json('GET', '/v1/conversations?search=(214)%20555-5055'));
    expect(byPhone.Items.map((item) => item.PhoneNumber)).toEqual(['2145555055']);
    const byName = conversationFeed.parse(await client.json('GET', '/v1/conversations?search=james%20polk'));
    expect(byName.Items.map((item) => item.FirstName)).toEqual(['James']);

    const badFilter = await client.request('GET', '/v1/conversations?Done=true');
    expect((await errorOf(badFilter)).ErrorName).toBe('InvalidQueryParameter');
  });

  it("shows a contact's name only to users who may see that contact", async () => {
    const master = await sandbox.as();
    const phone = conversationFeed.parse(await master.json('GET', '/v1/conversations?search=james%20polk')).Items[0]!;
    expect(phone.FirstName).toBe('James');
    expect(sandbox.db.prepare('SELECT owner_user_id FROM contacts WHERE person_id = ?').get(phone.PersonID)).not.toEqual({ owner_user_id: 73314 });
    // Han sees only his own roster: the thread is the account's, the name is not his to read or search.
    const han = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    const seen = inboxConversationSchema.parse(await han.json('GET', `/v1/conversations/${phone.ConversationID}`));
    expect(seen).toMatchObject({ PhoneNumber: phone.PhoneNumber, FirstName: '', LastName: '', PersonID: null });
    expect(conversationFeed.parse(await han.json('GET', '/v1/conversations?search=james%20polk')).Size).toBe(0);
  });

  it('pages a thread from the latest back when asked', async () => {
    const client = await sandbox.as();
    const { Items } = conversationFeed.parse(await client.json('GET', '/v1/conversations?search=2015550123'));
    const id = Items[0]!.ConversationID;
    const oldestFirst = messageFeed.parse(await client.json('GET', `/v1/conversations/${id}/textmessages`));
    const latestFirst = messageFeed.parse(await client.json('GET', `/v1/conversations/${id}/textmessages?sortby=-MessageDate`));
    expect(latestFirst.Items.map((message: TextMessage) => message.TextMessageID)).toEqual(oldestFirst.Items.map((message) => message.TextMessageID).reverse());
  });

  it('validates bodies and answers 404 for a conversation that does not exist', async () => {
    const client = await sandbox.as();
    const unknownNumber = await client.request('POST', '/v1/conversations', {
      body: { TextNumberID: 1, LastMessage: { Message: 'Hi', Contact: { PrimaryPhone: '2145550143' } } },
    });
    expect(await errorOf(unknownNumber)).toMatchObject({
      status: 400,
      Message: "TextNumberID: 1 is not one of the account's text numbers.",
    });
    const badPhone = await client.request('POST', '/v1/conversations', {
      body: { TextNumberID: 98615, LastMessage: { Message: 'Hi', Contact: { PrimaryPhone: '555' } } },
    });
    expect((await errorOf(badPhone)).Message).toBe('LastMessage.Contact.PrimaryPhone: Not a valid US phone number');
    const tooLong = await client.request('POST', '/v1/conversations', {
      body: { TextNumberID: 98615, LastMessage: { Message: 'x'.repeat(1601), Contact: { PrimaryPhone: '2145550143' } } },
    });
    expect((await errorOf(tooLong)).Message).toBe('LastMessage.Message: At most 1,600 characters');
    expect((await client.request('GET', '/v1/conversations/999999')).status).toBe(404);
  });

  it('cuts a long text to the limit when TruncateIfExceedsLimit is set', async () => {
    const client = await sandbox.as();
    const sent = inboxConversationSchema.parse(
      await client.json('POST', '/v1/conversations', {
        TextNumberID: 98615,
        LastMessage: { Message: 'y'.repeat(1700), TruncateIfExceedsLimit: true, Contact: { PrimaryPhone: '2145550143' } },
      }),
    );
    expect(sent.LastMessage?.Message.startsWith('y'.repeat(1600))).toBe(true);
    expect(sent.LastMessage?.Message.startsWith('y'.repeat(1601))).toBe(false);
  });
});

describe('text numbers', () => {
  const sandbox = createSandboxHarness();

  it('lists the account’s numbers, the default first, and reads one', async () => {
    const client = await sandbox.as({ UserName: 'han@cea', PinCode: 'kessel-run-12' });
    const feed = (await client.json('GET', '/v1/textnumbers')) as { Size: number; Items: Array<Record<string, unknown>> };
    expect(feed.Size).toBe(2);
    expect(feed.Items[0]).toEqual({
      TextNumberID: 98615,
      TextPhoneNumber: '18338028132',
      Name: 'Main line',
      Description: 'District-wide announcements and replies',
      IsDefault: true,
    });
    expect(await client.json('GET', '/v1/textnumbers/98616')).toMatchObject({ TextPhoneNumber: '18669481703', IsDefault: false });
    expect((await client.request('GET', '/v1/textnumbers/1')).status).toBe(404);
    const searched = (await client.json('GET', '/v1/textnumbers?search=transport')) as { Size: number };
    expect(searched.Size).toBe(1);
  });
});
