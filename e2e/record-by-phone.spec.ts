import { broadcastSchema } from '../src/contract/broadcast.ts';
import { advanceClock, apiJson } from './api.ts';
import { expect, logIn, test } from './fixtures.ts';
import { seriousViolations } from './support/accessibility.ts';
import { compose, send } from './support/wizard.ts';

// A voice broadcast sent without its message waits for it to be recorded by phone (docs/decisions/0080-record-by-phone.md).
test('a call message recorded by phone: sent without audio, the instruction shown, recorded in the sandbox, then sent', async ({ page }) => {
  await logIn(page);
  await compose(page, { name: 'Recorded by phone', pasted: '(214) 555-0161\n972-555-0162', recordByPhone: true });
  await expect(page.getByText(/Recorded by phone after sending/)).toBeVisible();
  const broadcastId = await send(page);

  await expect(
    page.getByText('“Recorded by phone” is created: it calls once its message is recorded by phone, with the number and code shown here.'),
  ).toBeVisible();
  // The report says it waits, with the number to call and the code to key in.
  const waiting = page.getByRole('region', { name: 'Waiting for its recording' });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('(866) 555-0100');
  const code = (await waiting.getByLabel(/^Recording code \d+$/).textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.getByRole('status', { name: 'Broadcast status' })).toContainText('Scheduled');
  expect(await seriousViolations(page)).toEqual([]);

  // Its start passes: nothing is called while the message is missing.
  await advanceClock(page, 60);
  await page.reload();
  await expect(waiting).toBeVisible();
  expect(await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema)).toMatchObject({
    BroadcastStatus: 'AuthorizationApproved',
    Audio: null,
    CreditsUsed: null,
  });

  // The Sandbox menu plays the person who calls in and records it.
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await page.getByRole('menuitem', { name: 'Record a message by phone…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a message by phone' });
  await expect(dialog.getByRole('button', { name: `Use code ${code} of Recorded by phone` })).toBeVisible();
  await dialog.getByLabel('Recording code').fill(code);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByText(`The message of broadcast #${broadcastId} is recorded (20 seconds): its calls can start.`)).toBeVisible();
  await expect(waiting).toBeHidden();

  // Now it calls: a day later every number has its result.
  await advanceClock(page, 24 * 60);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Broadcast status' })).toContainText('Complete');
  const done = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
  expect(done).toMatchObject({ BroadcastStatus: 'Complete', MessageRecordingInstruction: null, Audio: { Name: 'Recorded by phone (recorded by phone)' } });
  expect(done.CreditsUsed).toBeGreaterThan(0);
});
