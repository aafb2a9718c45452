import type { Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

export interface Composition {
  name: string;
  channel?: 'Phone call' | 'Text message' | 'Call and text';
  survey?: boolean;
  mobiles?: 'The text and the call' | 'Just the text';
  lists?: string[];
  contact?: string;
  pasted?: string;
  speech?: string;
  libraryAudio?: string;
  text?: string;
  /** Leaves the call message to be recorded by phone after sending (docs/decisions/0080-record-by-phone.md). */
  recordByPhone?: boolean;
}

/** Walks the wizard up to the review step, as a person would. */
export async function compose(page: Page, composition: Composition) {
  await page.goto('/broadcasts/new');
  await page.getByLabel('Broadcast name').fill(composition.name);
  await page.getByText(composition.channel ?? 'Phone call', { exact: true }).click();
  if (composition.survey) await page.getByText('Ask a question', { exact: true }).click();
  if (composition.mobiles) await page.getByText(composition.mobiles, { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeFocused();
  for (const list of composition.lists ?? []) {
    await page.getByRole('combobox', { name: 'Lists' }).click();
    await page.getByRole('option', { name: new RegExp(`^${list}`) }).click();
    await page.keyboard.press('Escape');
  }
  if (composition.contact) {
    // Found by number: names repeat, numbers do not.
    const phone = composition.contact;
    await page.getByRole('combobox', { name: 'Add a contact' }).fill(phone);
    await page
      .getByRole('option', { name: new RegExp(`\\(${phone.slice(0, 3)}\\) ${phone.slice(3, 6)}-${phone.slice(6)}`) })
      .first()
      .click();
  }
  if (composition.pasted) await page.getByLabel('Phone numbers').fill(composition.pasted);
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Message' })).toBeVisible();
  if (composition.speech) {
    await page.getByRole('button', { name: 'Text to speech' }).first().click();
    await page.getByLabel('What the voice says').fill(composition.speech);
  }
  if (composition.libraryAudio) {
    await page.getByRole('combobox', { name: 'Call message from the library' }).click();
    await page.getByRole('option', { name: new RegExp(composition.libraryAudio) }).click();
  }
  if (composition.text) await page.getByLabel('Text', { exact: true }).fill(composition.text);
  if (composition.recordByPhone) {
    await page.getByRole('button', { name: 'Record it by phone' }).click();
    await expect(page.getByText(/After you send, the broadcast shows a number to call and a code/)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
  // Test runs happen at any hour: let these go out at once instead of waiting for the calling window.
  const windowSwitch = page.getByLabel('Only call and text inside my calling window');
  if (await windowSwitch.isVisible()) await windowSwitch.uncheck();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
}

/** Sends from the review step and returns the created broadcast's ID (from the report page it opens). */
export async function send(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Send broadcast' }).click();
  await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  return Number(/\/broadcasts\/(\d+)$/.exec(page.url())![1]);
}
