import { expect, logIn, test } from './fixtures.ts';
import { compose, send } from './support/wizard.ts';

/**
 * Against the documented routes only (decision 0130) there is no cancel, so no undo window (decision 0186): the
 * wizard says so in one sentence near Send, and a broadcast sent now starts at once, with nothing to undo.
 */
test('without a cancel route the wizard says a send cannot be undone, and the broadcast starts at once', async ({ page }) => {
  await logIn(page);
  await compose(page, { name: 'No undo here', channel: 'Text message', pasted: '2145550143', text: 'The bus is running late.' });
  await expect(page.getByText('Canceling is not offered by this API. A sent broadcast starts at once and cannot be undone.', { exact: true })).toBeVisible();
  await expect(page.locator('.MuiAlert-colorError')).toHaveCount(0);
  await send(page);
  await expect(page.getByRole('heading', { level: 1, name: 'No undo here' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Undo sending' })).toHaveCount(0);
});
