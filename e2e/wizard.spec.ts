import type { Page } from '@playwright/test';
import { z } from 'zod';
import { audioSchema } from '../src/contract/audio.ts';
import { broadcastDetailSchema } from '../src/contract/broadcast-detail.ts';
import { broadcastSchema } from '../src/contract/broadcast.ts';
import { contactSchema } from '../src/contract/contact.ts';
import { feedSchema } from '../src/contract/feed.ts';
import { contactListSchema } from '../src/contract/list.ts';
import { advanceClock, apiJson } from './api.ts';
import { expect, logIn, test } from './fixtures.ts';
import { compose, send } from './support/wizard.ts';

const broadcastFeed = feedSchema(broadcastSchema);
const detailFeed = feedSchema(broadcastDetailSchema);

const detailsOf = async (page: Page, broadcastId: number) =>
  (await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}/details?pagesize=1000`, detailFeed)).Items;

test.describe('the Create Broadcast wizard', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('sends an announcement to a list and a contact with text to speech', async ({ page }) => {
    // A contact nobody has asked not to call, found in the wizard by their number.
    const contacts = (await apiJson(page, 'GET', '/v1/contacts?pagesize=50&sortby=LastName', feedSchema(contactSchema))).Items;
    const contact = contacts.find((candidate) => !candidate.DoNotCallPrimaryPhone);
    await compose(page, {
      name: 'Board meeting moved',
      lists: ['Board Members'],
      contact: contact!.PrimaryPhone,
      speech: 'The board meeting is moved to Thursday at six in the library.',
    });
    await expect(page.getByText('A phone call that plays a message', { exact: true })).toBeVisible();
    await expect(page.getByText('Announcement', { exact: true })).toHaveCount(0);
    const broadcastId = await send(page);

    const broadcast = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect(broadcast).toMatchObject({ BroadcastName: 'Board meeting moved', BroadcastType: 'Announcement', CallingWindowIgnored: true });
    const audio = await apiJson(page, 'GET', `/v1/audio/${(broadcast.Audio as { AudioID: string }).AudioID}`, audioSchema);
    expect(audio).toMatchObject({ TextToSpeech: true, Text: 'The board meeting is moved to Thursday at six in the library.' });
    const details = await detailsOf(page, broadcastId);
    expect(details).toHaveLength(broadcast.PhoneNumberCount);
    expect(details.map((detail) => detail.PhoneNumber)).toContain(contact!.PrimaryPhone);
  });

  test('sends a text with merge fields to pasted numbers, personalised per person', async ({ page }) => {
    const contacts = (await apiJson(page, 'GET', '/v1/contacts?pagesize=50&sortby=-LastName', feedSchema(contactSchema))).Items;
    const contact = contacts.find((candidate) => candidate.PrimaryPhoneTextOptInStatus === 'OptedIn');
    await compose(page, {
      name: 'Pick-up reminder',
      channel: 'Text message',
      contact: contact!.PrimaryPhone,
      pasted: '(214) 555-0143\n972-555-0187',
      text: 'Hi {{FirstName}}, pick-up is at 3:15 today.',
    });
    const broadcastId = await send(page);
    const broadcast = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect(broadcast).toMatchObject({ BroadcastType: 'SMS', HasCustomField: true, TextMessage: 'Hi {{FirstName}}, pick-up is at 3:15 today.' });
    const details = await detailsOf(page, broadcastId);
    expect(details.find((detail) => detail.PhoneNumber === contact!.PrimaryPhone)?.MessageText).toBe(`Hi ${contact!.FirstName}, pick-up is at 3:15 today.`);
    expect(details.map((detail) => detail.PhoneNumber)).toEqual(expect.arrayContaining(['2145550143', '9725550187']));
  });

  test('sends a survey and counts the answers once the calls are made', async ({ page }) => {
    await compose(page, {
      name: 'Field trip RSVP',
      survey: true,
      lists: ['Board Members'],
      speech: 'Press 1 if your child will come on the field trip, 2 if not.',
    });
    const broadcastId = await send(page);
    await advanceClock(page, 120);
    const broadcast = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect(broadcast.BroadcastType).toBe('Survey');
    expect(broadcast.BroadcastStatus).toBe('Complete');
    const details = await detailsOf(page, broadcastId);
    const answers = details.filter((detail) => detail.SurveyResult);
    expect(broadcast.SurveyResponseTotal).toBe(answers.length);
    expect(Object.keys(broadcast.SurveyResponses ?? {}).every((key) => ['1', '2'].includes(key))).toBe(true);
  });

  test('sends a combo as two linked broadcasts', async ({ page }) => {
    await compose(page, {
      name: 'Late buses',
      channel: 'Call and text',
      mobiles: 'Just the text',
      lists: ['Bus Route 12'],
      speech: 'Buses on route twelve are running twenty minutes late.',
      text: 'Route 12 buses are running 20 minutes late this morning.',
    });
    const broadcastId = await send(page);
    const call = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect(call.BroadcastType).toBe('SMSOrAnnouncement');
    expect(call.CallBroadcastID).toBe(broadcastId);
    const text = await apiJson(page, 'GET', `/v1/broadcasts/${call.TextBroadcastID}`, broadcastSchema);
    expect(text).toMatchObject({ TextMessage: 'Route 12 buses are running 20 minutes late this morning.', CallBroadcastID: broadcastId });
    // "Or": nobody gets both.
    const called = new Set((await detailsOf(page, broadcastId)).map((detail) => detail.PhoneNumber));
    expect((await detailsOf(page, text.BroadcastID!)).some((detail) => called.has(detail.PhoneNumber))).toBe(false);
  });

  test('opens on the name, with no error before anything was typed', async ({ page }) => {
    await page.goto('/broadcasts/new');
    const name = page.getByLabel('Broadcast name');
    await expect(name).toBeFocused();
    await expect(page.getByText('Only your team sees this name.')).toBeVisible();
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Name the broadcast')).toHaveCount(0);

    await page.keyboard.press('Tab');
    await expect(page.getByText('Name the broadcast')).toBeVisible();
    await name.fill('Back and forth');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeFocused();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(name).toBeFocused();
    await expect(name).toHaveValue('Back and forth');
  });

  test('keeps the draft across a reload and continues where it was', async ({ page }) => {
    await page.goto('/broadcasts/new');
    await page.getByLabel('Broadcast name').fill('Draft that survives');
    await page.getByText('Text message', { exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Phone numbers').fill('2145550143');
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeVisible();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143');
    await page.getByRole('tab', { name: 'Type & name' }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('Draft that survives');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('dialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('');
  });

  test('a duplicate opens as a draft of its own, and the draft in progress waits in Drafts', async ({ page }) => {
    await page.goto('/broadcasts/new');
    await page.getByLabel('Broadcast name').fill('Half-written notice');
    const [source] = (await apiJson(page, 'GET', '/v1/broadcasts?pagesize=1', broadcastFeed)).Items;
    await page.goto(`/broadcasts/${source!.BroadcastID}`);

    await page.getByRole('link', { name: 'Duplicate' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Type & name' }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue(`Copy of ${source!.BroadcastName}`);

    await page.goto('/broadcasts/drafts');
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await expect(drafts.getByRole('listitem').filter({ hasText: 'Half-written notice' })).toBeVisible();
    await expect(
      drafts
        .getByRole('listitem')
        .filter({ hasText: `Copy of ${source!.BroadcastName}` })
        .first(),
    ).toBeVisible();
  });

  test('sends once when Send is double-clicked', async ({ page }) => {
    await compose(page, { name: 'Only once please', lists: ['Board Members'], speech: 'This is a test of sending once.' });
    await page.getByRole('button', { name: 'Send broadcast' }).dblclick();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    const found = await apiJson(page, 'GET', `/v1/broadcasts?search=${encodeURIComponent('Only once please')}`, broadcastFeed);
    expect(found.Size).toBe(1);
    // Back in the wizard, the sent draft is gone: a blank one opens, and nothing can send the old one again.
    await page.goto('/broadcasts/new');
    await expect(page.getByLabel('Broadcast name')).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Send broadcast' })).toHaveCount(0);
  });

  test('sends once when the same draft is sent from two tabs at the same moment', async ({ page, context }) => {
    await compose(page, { name: 'Two tabs, one send', lists: ['Board Members'], speech: 'One send from two tabs.' });
    const other = await context.newPage();
    // The draft's own address opens it in a second tab.
    await other.goto(page.url());
    await expect(other.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
    // Both tabs press Send before either hears back: the answers are held a moment, so the first tab's success cannot
    // reach the second before its click (dispatched clicks: one of the tabs is in the background).
    await context.route(
      (url) => url.pathname === '/api/v1/broadcasts',
      async (route) => {
        if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
    );
    await Promise.all([
      page.getByRole('button', { name: 'Send broadcast' }).dispatchEvent('click'),
      other.getByRole('button', { name: 'Send broadcast' }).dispatchEvent('click'),
    ]);
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    const found = await apiJson(page, 'GET', `/v1/broadcasts?search=${encodeURIComponent('Two tabs, one send')}`, broadcastFeed);
    expect(found.Size).toBe(1);
  });

  test("delivers what it sent: the clock runs and the totals match every number's result", async ({ page }) => {
    await compose(page, { name: 'Water is back on', lists: ['Substitute Teachers'], speech: 'Water service is restored at all buildings.' });
    const broadcastId = await send(page);
    await advanceClock(page, 180);
    const broadcast = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    const details = await detailsOf(page, broadcastId);
    const count = (result: string) => details.filter((detail) => detail.CallResultCategory === result).length;
    expect(broadcast).toMatchObject({
      BroadcastStatus: 'Complete',
      TotalCompleted: details.length,
      LivePersonTotal: count('Live Answer'),
      AnsweringMachineTotal: count('Answering Machine'),
      BusyNoAnswerTotal: count('Busy/No Answer'),
      InvalidNumberTotal: count('Invalid Number'),
    });
    await page.reload();
    await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
  });

  test('refuses a scheduled start that has passed, keeping what was typed', async ({ page }) => {
    await compose(page, { name: 'Past start', lists: ['Board Members'], speech: 'This start has passed.' });
    await page.getByRole('tab', { name: 'Schedule & delivery' }).click();
    await page.getByText('Schedule for later', { exact: true }).click();
    const start = page.getByRole('group', { name: 'Start' });
    await start.getByRole('spinbutton', { name: 'Month' }).click();
    await page.keyboard.type('010220200915A');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('This time has passed. Pick a later one, or choose Send now.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
    await expect(start.getByRole('spinbutton', { name: 'Year' })).toHaveText('2020');
  });

  test('after a refusal, the corrected draft is sent as a new request', async ({ page }) => {
    const list = await apiJson(page, 'POST', '/v1/lists', contactListSchema, { ListName: 'Gone before sending' });
    await compose(page, { name: 'Second try', channel: 'Text message', lists: ['Gone before sending'], pasted: '2145550143', text: 'Second try.' });
    await apiJson(page, 'DELETE', `/v1/lists/${list.ListID}`, z.unknown());
    await page.getByRole('button', { name: 'Send broadcast' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent; your draft is kept.' })).toBeVisible();

    // The user takes the missing list out and sends again: this is a new request, not a replay of the refusal.
    await page.getByRole('tab', { name: 'Recipients' }).click();
    await page.getByRole('combobox', { name: 'Lists' }).click();
    await page.keyboard.press('Backspace');
    for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Next' }).click();
    const broadcastId = await send(page);
    expect((await detailsOf(page, broadcastId)).map((detail) => detail.PhoneNumber)).toEqual(['2145550143']);
  });

  test('uses a text-to-speech message from the library', async ({ page }) => {
    const created = await apiJson(page, 'POST', '/v1/audio', audioSchema, {
      TextToSpeech: true,
      Text: 'Picture day is on Tuesday. Please send a smile.',
      Voice: 'Matthew',
      Name: 'Picture day reminder',
    });
    await compose(page, { name: 'Picture day', lists: ['Board Members'], libraryAudio: 'Picture day reminder' });
    const broadcastId = await send(page);
    const broadcast = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect((broadcast.Audio as { AudioID: string }).AudioID).toBe(created.AudioID);
  });
});

test.describe('acting on results', () => {
  test('"send again" to the busy or unanswered numbers creates a broadcast with exactly those numbers', async ({ page }) => {
    await logIn(page);
    await compose(page, { name: 'Storm drill', lists: ['Staff'], speech: 'This is a storm drill reminder.' });
    const broadcastId = await send(page);
    await advanceClock(page, 240);
    const busy = (await detailsOf(page, broadcastId)).filter((detail) => detail.CallResultCategory === 'Busy/No Answer');
    expect(busy.length).toBeGreaterThan(0);

    await page.goto(`/broadcasts/${broadcastId}?result=${encodeURIComponent('Busy/No Answer')}`);
    await page.getByRole('link', { name: 'Send again to this group' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeVisible();
    await expect(page.getByText(new RegExp(`^Busy/No Answer.* from “Storm drill”: ${busy.length}$`))).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    // The message comes from the original broadcast.
    await expect(page.getByRole('combobox', { name: 'Call message from the library' })).not.toHaveValue('');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Only call and text inside my calling window').uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    const againId = await send(page);

    const again = await detailsOf(page, againId);
    expect(again.map((detail) => detail.PhoneNumber).sort()).toEqual(busy.map((detail) => detail.PhoneNumber).sort());
  });

  test('a number that replied STOP is skipped by the next broadcast to its list', async ({ page }) => {
    await logIn(page);
    const first = await apiJson(page, 'POST', '/v1/broadcasts', broadcastSchema.partial(), {
      BroadcastName: 'Spirit week',
      BroadcastType: 'SMS',
      TextMessage: 'Spirit week starts Monday: wear your school colors!',
      Lists: [{ ListID: 34 }],
      CheckCallingWindow: false,
    });
    await advanceClock(page, 180);
    const stopped = await apiJson(
      page,
      'GET',
      `/v1/conversations?IsAutoOptOut=true&BroadcastID=${first.BroadcastID}&pagesize=1`,
      feedSchema(z.object({ PhoneNumber: z.string() })),
    );
    const number = stopped.Items[0]!.PhoneNumber;

    await page.goto(`/opt-outs?q=${number}`);
    await expect(
      page
        .getByRole('grid')
        .getByText(/\(\d{3}\) \d{3}-\d{4}/)
        .first(),
    ).toBeVisible();

    await compose(page, { name: 'Spirit week, day 2', channel: 'Text message', lists: ['Parents — Lincoln Elementary'], text: 'Day 2: crazy hat day!' });
    await expect(page.getByText(/\d+ opted out/).first()).toBeVisible();
    const nextId = await send(page);
    expect((await detailsOf(page, nextId)).some((detail) => detail.PhoneNumber === number)).toBe(false);
  });
});
