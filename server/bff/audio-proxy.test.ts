import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioSchema } from '../../src/contract/audio.ts';
import type { RunningServer } from '../main.ts';
import { silentMp3 } from '../testing/audio-fixtures.ts';
import { createBrowser, startTestServer } from '../testing/test-server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('audio through our server', () => {
  it('passes the recorded bytes through unchanged, with their type and length, uncompressed', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const response = await browser.request('GET', '/api/v1/audio/af0277/content', undefined, { 'accept-encoding': 'gzip, deflate' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-disposition')).toBe('inline; filename="snow-day-closure.wav"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(44 + 14 * 8000 * 2);
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
  });

  it('forwards a multipart upload with its boundary, and the file plays back byte for byte', async () => {
    const browser = createBrowser(server.url);
    await browser.login();
    const mp3 = silentMp3(200);
    const form = new FormData();
    form.append('File', new Blob([new Uint8Array(mp3)], { type: 'audio/mpeg' }), 'welcome.mp3');
    const upload = await fetch(`${server.url}/api/v1/audio/welcome.mp3`, {
      method: 'POST',
      headers: { cookie: browser.cookie, 'x-requested-with': 'callboard' },
      body: form,
    });
    expect(upload.status).toBe(200);
    const item = audioSchema.parse(await upload.json());
    expect(item).toMatchObject({ Name: 'welcome', Length: 5 });

    const content = await browser.request('GET', `/api/v1/audio/${item.AudioID}/content`);
    expect(content.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await content.arrayBuffer()).equals(mp3)).toBe(true);
  });
});
