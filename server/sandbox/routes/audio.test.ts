import { describe, expect, it } from 'vitest';
import { audioSchema } from '../../../src/contract/audio.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { feedSchema } from '../../../src/contract/feed.ts';
import { multipartBody, silentMp3 } from '../../testing/audio-fixtures.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { chimeWav } from '../demo/demo-audio.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };
const LEIA = { UserName: 'leia@cea', PinCode: 'alderaan-1977' };
const audioFeed = feedSchema(audioSchema);

async function errorOf(response: Response) {
  return { status: response.status, ...apiErrorBodySchema.parse(await response.json()) };
}

describe('the audio library: who sees what', () => {
  const sandbox = createSandboxHarness();
  const idsFor = async (credentials?: { UserName: string; PinCode: string }) => {
    const client = await sandbox.as(credentials);
    const feed = audioFeed.parse(await client.json('GET', '/v1/audio?pagesize=100&sortby=AudioID'));
    // Leave out the text-to-speech items the demo broadcasts made (c41a…): these tests are about the library's own.
    return feed.Items.map((item) => item.AudioID).filter((id) => !id.startsWith('c41a'));
  };

  it('shows everything to users with CanSeeAllAudio', async () => {
    expect(await idsFor()).toEqual(['af0277', 'bk4410', 'cm5521', 'dr7302', 'hs1138', 'lw2290', 'tq6614', 'zx1234']);
    expect(await idsFor(LEIA)).toHaveLength(8);
  });

  it('shows their own and shared items to users with CanSeeGroupAudio only', async () => {
    expect(await idsFor(HAN)).toEqual(['af0277', 'bk4410', 'dr7302', 'tq6614', 'zx1234']);
  });

  it('shows only their own items to users with neither permission', async () => {
    const master = await sandbox.as();
    await master.json('PUT', '/v1/account/users/73314', { Permissions: { CanSeeGroupAudio: false } });
    expect(await idsFor(HAN)).toEqual(['dr7302', 'tq6614']);
    const han = await sandbox.as(HAN);
    expect((await han.request('GET', '/v1/audio/lw2290')).status).toBe(404);
    expect((await han.request('GET', '/v1/audio/af0277/content')).status).toBe(404);
    await master.json('PUT', '/v1/account/users/73314', { Permissions: { CanSeeGroupAudio: true } });
  });

  it("marks colleagues' items read-only and refuses their changes with 403", async () => {
    const han = await sandbox.as(HAN);
    const shared = audioSchema.parse(await han.json('GET', '/v1/audio/af0277'));
    expect(shared).toMatchObject({ ReadOnly: true, Shared: true, User: { UserID: 73312 } });
    const own = audioSchema.parse(await han.json('GET', '/v1/audio/dr7302'));
    expect(own.ReadOnly).toBe(false);
    const rename = await han.request('PUT', '/v1/audio/af0277', { body: { Name: 'Mine now' } });
    expect(await errorOf(rename)).toMatchObject({ status: 403, ErrorName: 'PermissionDenied' });
    expect((await han.request('DELETE', '/v1/audio/af0277')).status).toBe(403);
  });

  it('filters and searches the library', async () => {
    const master = await sandbox.as();
    const favourites = audioFeed.parse(await master.json('GET', '/v1/audio?Favorite=true&sortby=Name'));
    expect(favourites.Items.map((item) => item.Name)).toEqual(['Pump station check-in', 'Snow day closure', 'Welcome back to school']);
    const tts = audioFeed.parse(await master.json('GET', '/v1/audio?TextToSpeech=true&search=board'));
    expect(tts.Items.map((item) => item.AudioID)).toEqual(['lw2290']);
    expect((await master.request('GET', '/v1/audio?MessageType=Jingle')).status).toBe(400);
  });
});

describe('playing recordings', () => {
  const sandbox = createSandboxHarness();

  it('answers the recorded bytes with their type and length', async () => {
    const master = await sandbox.as();
    const response = await master.request('GET', '/v1/audio/af0277/content');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    // 14 seconds of 8 kHz 16-bit mono, plus the 44-byte header: the length the library reports.
    expect(bytes.length).toBe(44 + 14 * 8000 * 2);
  });

  it('explains that text-to-speech has no recording', async () => {
    const master = await sandbox.as();
    const error = await errorOf(await master.request('GET', '/v1/audio/zx1234/content'));
    expect(error).toMatchObject({ status: 404, ErrorName: 'ResourceNotFound' });
    expect(error.Message).toMatch(/text-to-speech/);
  });
});

describe('creating audio', () => {
  const sandbox = createSandboxHarness();

  it('creates a text-to-speech item with an estimated length and the default voice', async () => {
    const master = await sandbox.as();
    const text = 'The district office closes at noon on Friday for the holiday. Have a safe and happy weekend, everyone.';
    const item = audioSchema.parse(await master.json('POST', '/v1/audio', { TextToSpeech: true, Text: text }));
    expect(item).toMatchObject({
      TextToSpeech: true,
      Text: text,
      Voice: 'Joanna',
      Name: 'The district office closes at noon on…',
      Length: 8,
      MessageType: 'NeverUsed',
      LastUsed: null,
      Favorite: false,
      Shared: false,
      ReadOnly: false,
    });
    expect(item.AudioID).toMatch(/^[a-z]{2}\d{4}$/);
    expect(audioSchema.parse(await master.json('GET', item.Uri))).toEqual(item);
  });

  it('refuses an unknown voice and empty text', async () => {
    const master = await sandbox.as();
    const voice = await master.request('POST', '/v1/audio', { body: { TextToSpeech: true, Text: 'Hi', Voice: 'Brian' } });
    expect(await errorOf(voice)).toMatchObject({ status: 400, Message: 'Voice: Choose one of the listed voices' });
    const empty = await master.request('POST', '/v1/audio', { body: { TextToSpeech: true, Text: '  ' } });
    expect(await errorOf(empty)).toMatchObject({ status: 400, Message: 'Text: Enter the text to speak' });
  });

  it('takes an MP3 upload as bugalert sends it: multipart, labelled audio/mpeg', async () => {
    const han = await sandbox.as(HAN);
    const body = multipartBody('a4f1e7c0b3d24e5f9a8b7c6d5e4f3a2b', {
      name: 'File',
      fileName: 'CVE-2024-0001.md.mp3',
      contentType: 'audio/mpeg',
      data: silentMp3(383, { id3: true }),
    });
    const response = await han.request('POST', '/v1/audio/CVE-2024-0001.md.mp3', { rawBody: body, contentType: 'audio/mpeg' });
    expect(response.status).toBe(200);
    const item = audioSchema.parse(await response.json());
    expect(item).toMatchObject({ Name: 'CVE-2024-0001.md', Length: 10, TextToSpeech: false, User: { UserID: 73314 } });
    const content = await han.request('GET', `/v1/audio/${item.AudioID}/content`);
    expect(content.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await content.arrayBuffer()).equals(silentMp3(383, { id3: true }))).toBe(true);
  });

  it('takes a WAV upload with a proper multipart Content-Type', async () => {
    const master = await sandbox.as();
    const body = multipartBody('----WebKitFormBoundary7MA4YWxkTrZu0gW', {
      name: 'File',
      fileName: 'chime.wav',
      contentType: 'audio/wav',
      data: chimeWav(3),
    });
    const item = audioSchema.parse(
      await (
        await master.request('POST', '/v1/audio/chime.wav', {
          rawBody: body,
          contentType: 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
        })
      ).json(),
    );
    expect(item).toMatchObject({ Name: 'chime', Length: 3 });
  });

  it('takes the name from a Name part when one is sent', async () => {
    const master = await sandbox.as();
    const body = multipartBody('n4me', { name: 'File', fileName: 'take-2.wav', contentType: 'audio/wav', data: chimeWav(2) }, { Name: 'Fire drill, take 2' });
    const response = await master.request('POST', '/v1/audio/take-2.wav', { rawBody: body, contentType: 'multipart/form-data; boundary=n4me' });
    expect(audioSchema.parse(await response.json())).toMatchObject({ Name: 'Fire drill, take 2', Length: 2 });
  });

  it('refuses other kinds of files with 415 and broken ones with 400', async () => {
    const master = await sandbox.as();
    const text = multipartBody('b0undary', { name: 'File', fileName: 'notes.txt', contentType: 'audio/mpeg', data: Buffer.from('hello') });
    const unsupported = await master.request('POST', '/v1/audio/notes.txt', { rawBody: text, contentType: 'multipart/form-data; boundary=b0undary' });
    expect(await errorOf(unsupported)).toMatchObject({ status: 415, ErrorName: 'UnsupportedMediaType' });

    const brokenWav = multipartBody('b0undary', {
      name: 'File',
      fileName: 'broken.wav',
      contentType: 'audio/wav',
      data: Buffer.from('RIFF\x04\x00\x00\x00WAVE', 'latin1'),
    });
    const damaged = await master.request('POST', '/v1/audio/broken.wav', { rawBody: brokenWav, contentType: 'multipart/form-data; boundary=b0undary' });
    expect(await errorOf(damaged)).toMatchObject({ status: 400, ErrorName: 'ValidationFailed' });

    const wrongPart = multipartBody('b0undary', { name: 'Audio', fileName: 'a.wav', contentType: 'audio/wav', data: chimeWav(1) });
    const noFile = await master.request('POST', '/v1/audio/a.wav', { rawBody: wrongPart, contentType: 'multipart/form-data; boundary=b0undary' });
    expect(await errorOf(noFile)).toMatchObject({ status: 400, Message: 'File: Put the audio in a form part named File.' });

    const json = await master.request('POST', '/v1/audio/a.wav', { body: { File: 'base64…' } });
    expect(await errorOf(json)).toMatchObject({ status: 415 });
  });
});

describe('changing and deleting audio', () => {
  const sandbox = createSandboxHarness();

  it('renames, favourites and shares an item', async () => {
    const leia = await sandbox.as(LEIA);
    const item = audioSchema.parse(await leia.json('PUT', '/v1/audio/hs1138', { Name: 'Conferences (Thursday)', Favorite: true, Shared: true }));
    expect(item).toMatchObject({ Name: 'Conferences (Thursday)', Favorite: true, Shared: true, Text: expect.stringContaining('Thursday') });
    const han = await sandbox.as(HAN);
    expect((await han.request('GET', '/v1/audio/hs1138')).status).toBe(200);
  });

  it('refuses to delete audio that a broadcast still to play uses, with 409', async () => {
    const master = await sandbox.as();
    const now = sandbox.clock.now();
    sandbox.db
      .prepare(
        `INSERT INTO broadcasts (broadcast_id, account_id, user_id, broadcast_name, broadcast_type, channel, broadcast_status,
           created_at, start_at, audio_id) VALUES (900001, 1, 73312, 'Early dismissal', 'Announcement', 'Call', 'AuthorizationApproved', ?, ?, 'cm5521')`,
      )
      .run(now, now + 3_600_000);
    const error = await errorOf(await master.request('DELETE', '/v1/audio/cm5521'));
    expect(error).toMatchObject({ status: 409, ErrorName: 'Conflict' });
    expect(error.Message).toMatch(/Early dismissal \(900001\)/);

    sandbox.db.prepare(`UPDATE broadcasts SET broadcast_status = 'Complete' WHERE broadcast_id = 900001`).run();
    expect(await master.json('DELETE', '/v1/audio/cm5521')).toEqual({ AudioID: 'cm5521', Deleted: true });
    expect((await master.request('GET', '/v1/audio/cm5521')).status).toBe(404);
    expect((await master.request('DELETE', '/v1/audio/cm5521')).status).toBe(404);
  });
});
