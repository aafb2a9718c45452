import type { Page } from '@playwright/test';
import { DEMO_LIMITED, DEMO_MASTER, expect, logIn, test } from './fixtures.ts';

/** A real WAV from the demo library (a 14-second chime), to upload again under another name. */
async function demoChime(page: Page): Promise<Buffer> {
  const response = await page.request.get('/api/v1/audio/af0277/content');
  expect(response.headers()['content-type']).toBe('audio/wav');
  return response.body();
}

/** The parts of an <audio> element the tests read (the e2e project has no DOM types). */
interface MediaElement {
  duration: number;
  error: unknown;
}

const library = (page: Page) => page.getByRole('grid', { name: 'Audio library' });
const row = (page: Page, name: string) => library(page).getByRole('row').filter({ hasText: name });

test.describe('the audio library', () => {
  test('a recording is uploaded, measured and played back', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audio library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audio library' })).toBeVisible();
    const chime = await demoChime(page);

    await page.getByRole('button', { name: 'Upload audio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload audio' });
    await dialog.getByLabel('Audio file').setInputFiles({ name: 'fire-drill.wav', mimeType: 'audio/wav', buffer: chime });
    await expect(dialog.getByLabel('Listen before uploading')).toBeVisible();
    await expect(dialog.getByLabel('Name in the library')).toHaveValue('fire-drill');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Uploaded fire-drill (0:14).' })).toBeVisible();
    await expect(row(page, 'fire-drill').getByText('0:14')).toBeVisible();
    await expect(row(page, 'fire-drill').getByText('Recording')).toBeVisible();

    await row(page, 'fire-drill').getByRole('button', { name: 'Play fire-drill' }).click();
    const player = page.getByRole('region', { name: 'Now playing' }).getByLabel('Recording: fire-drill');
    await expect(player).toHaveAttribute('src', /^\/api\/v1\/audio\/[a-z]{2}\d{4}\/content$/);
    await expect.poll(() => player.evaluate((audio: MediaElement) => audio.duration), { timeout: 10_000 }).toBeGreaterThan(13.9);
    expect(await player.evaluate((audio: MediaElement) => audio.error)).toBeNull();
  });

  test('files that are not WAV or MP3 are refused with a reason', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    await page.goto('/audio');
    await page.getByRole('button', { name: 'Upload audio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload audio' });

    await dialog.getByLabel('Audio file').setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Board minutes') });
    await expect(dialog.getByRole('alert')).toHaveText('Choose a WAV or MP3 file.');

    // Named like an MP3, but the server reads the content, not the name.
    await dialog.getByLabel('Audio file').setInputFiles({ name: 'fake.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('not really an mp3 at all') });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('File: Only WAV and MP3 files can be uploaded; this file is neither.');
    await expect(dialog.getByLabel('Name in the library')).toHaveValue('fake');
    await expect(dialog.getByText('fake.mp3 · 24 bytes')).toBeVisible();

    // A good file next: the last file's refusal goes with it.
    await dialog.getByLabel('Audio file').setInputFiles({ name: 'chime.wav', mimeType: 'audio/wav', buffer: await demoChime(page) });
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByText(/^chime\.wav · \d+(\.\d)? kB$/)).toBeVisible();
  });

  test('a text-to-speech message is written, estimated and listed with its voice', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    await page.goto('/audio');
    await page.getByRole('button', { name: 'New text-to-speech' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text-to-speech message' });
    await dialog.getByLabel(/^Message/).fill('Early dismissal today at 1 p.m. because of the storm. Buses leave at 1:15. Stay safe, everyone.');
    await expect(dialog.getByText(/^About 0:08 spoken · 1 credit per connected call/)).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Voice' }).click();
    await page.getByRole('option', { name: 'Matthew · Man' }).click();
    await dialog.getByLabel('Name in the library').fill('Early dismissal (storm)');
    await dialog.getByRole('switch', { name: 'Share with the team' }).check();
    await dialog.getByRole('button', { name: 'Create message' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Created Early dismissal (storm).' })).toBeVisible();
    const created = row(page, 'Early dismissal (storm)');
    await expect(created.getByText('Text-to-speech · Matthew')).toBeVisible();
    await expect(created.getByText('≈ 0:08')).toBeVisible();
    await expect(created.getByText('Shared')).toBeVisible();

    await page.getByRole('button', { name: 'Text-to-speech', exact: true }).click();
    await expect(page).toHaveURL(/type=tts/);
    await expect(row(page, 'Early dismissal (storm)')).toBeVisible();
    await expect(row(page, 'Snow day closure')).toHaveCount(0);
  });

  test('favourites are marked, and a deletion is confirmed first', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    const upload = await page.request.post('/api/v1/audio/bell.wav', {
      headers: { 'x-requested-with': 'callboard' },
      multipart: { File: { name: 'bell.wav', mimeType: 'audio/wav', buffer: await demoChime(page) } },
    });
    expect(upload.status()).toBe(200);
    await page.goto('/audio');

    await row(page, 'bell').getByRole('button', { name: 'Add bell to favourites' }).click();
    await expect(row(page, 'bell').getByRole('button', { name: 'Remove bell from favourites' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Favourites only' }).click();
    await expect(row(page, 'bell')).toBeVisible();
    await expect(row(page, 'Bus route 12 delay')).toHaveCount(0);

    await row(page, 'bell').getByRole('button', { name: 'Actions for bell' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete bell?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, 'bell')).toBeVisible();

    // Deleted at once in the list, with Undo for a few seconds before the library is asked.
    await row(page, 'bell').getByRole('button', { name: 'Actions for bell' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted bell.' })).toBeVisible();
    await expect(row(page, 'bell')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'bell is back.' })).toBeVisible();
    await expect(row(page, 'bell')).toBeVisible();

    await row(page, 'bell').getByRole('button', { name: 'Actions for bell' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(row(page, 'bell')).toHaveCount(0);
    // Once the undo window has passed, the library no longer has it.
    await expect
      .poll(
        async () => {
          const response = await page.request.get('/api/v1/audio?search=bell');
          const feed = (await response.json()) as { Items: Array<{ Name: string }> };
          return feed.Items.some((item) => item.Name === 'bell');
        },
        { timeout: 20_000 },
      )
      .toBe(false);
  });

  test('deleting a recording a scheduled broadcast uses names that broadcast first', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    const response = await page.request.get('/api/v1/broadcasts?BroadcastStatus=AuthorizationApproved&pagesize=100');
    const feed = (await response.json()) as { Items: Array<{ BroadcastName: string; Audio?: { AudioID: string } | null }> };
    const scheduled = feed.Items.find((broadcast) => broadcast.Audio?.AudioID);
    expect(scheduled, 'a scheduled voice broadcast in the demo data').toBeDefined();
    const audio = (await (await page.request.get(`/api/v1/audio/${scheduled!.Audio!.AudioID}`)).json()) as { Name: string };

    await page.goto(`/audio?q=${encodeURIComponent(audio.Name)}`);
    await row(page, audio.Name)
      .first()
      .getByRole('button', { name: `Actions for ${audio.Name}` })
      .click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${audio.Name}?` });
    await expect(confirm).toContainText(`“${scheduled!.BroadcastName}” (scheduled`);
    await expect(confirm).toContainText('They will have no message to play.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, audio.Name).first()).toBeVisible();
  });

  test("a user with shared-audio permission plays colleagues' shared items but cannot change them", async ({ page }) => {
    await logIn(page, DEMO_LIMITED);
    await page.goto('/audio');
    await expect(row(page, 'Pump station check-in').getByText('You')).toBeVisible();
    await expect(row(page, 'Board meeting notice')).toHaveCount(0);

    const shared = row(page, 'Snow day closure');
    await expect(shared.getByText('A colleague')).toBeVisible();
    await expect(shared.getByRole('button', { name: /favourites/ })).toBeDisabled();
    await shared.getByRole('button', { name: 'Actions for Snow day closure' }).click();
    await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeDisabled();
    await expect(page.getByText('Only its owner or a master user can change it.')).toBeVisible();
    await page.keyboard.press('Escape');

    await shared.getByRole('button', { name: 'Play Snow day closure' }).click();
    const player = page.getByLabel('Recording: Snow day closure');
    await expect.poll(() => player.evaluate((audio: MediaElement) => audio.duration), { timeout: 10_000 }).toBeGreaterThan(13.9);
  });
});
