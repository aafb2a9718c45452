import { Hono } from 'hono';
import { DEFAULT_TTS_VOICE, audioNameOfFile, audioTtsCreateInputSchema, audioUpdateInputSchema, estimateSpeechSeconds } from '../../../src/contract/audio.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { parseListQuery } from '../http/list-query.ts';
import { parseMultipart } from '../http/multipart.ts';
import { measureAudioFile } from '../model/audio-files.ts';
import { audioFeedSpec, audioQueries, mayChangeAudio, maySeeAudio, newAudioId, queryAudioFeed, toApiAudio } from '../model/audio.ts';

/** A library name from the first words of a text-to-speech message. */
function nameFromText(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  let name = '';
  for (const word of words) {
    if (`${name} ${word}`.trim().length > 40) return `${name}…`;
    name = `${name} ${word}`.trim();
  }
  return name;
}

/**
 * The audio library (§8, docs/decisions/0042-audio-library.md): list, read, play, text-to-speech, upload,
 * rename / favourite / share, delete.
 */
export function audioRoutes({ db, clock }: SandboxDeps) {
  const library = audioQueries(db);

  /** An item the user may see; anything else answers 404, as if it did not exist. */
  const visibleAudio = (user: AuthUser, id: string) => {
    const row = library.byId(id);
    if (!row || !maySeeAudio(user, row)) throw notFound('Audio', id);
    return row;
  };

  const changeableAudio = (user: AuthUser, id: string, action: string) => {
    const row = visibleAudio(user, id);
    if (!mayChangeAudio(user, row)) {
      throw new SandboxError('PermissionDenied', `Only the owner of ${row.name} or a master user may ${action} it.`);
    }
    return row;
  };

  const created = (user: AuthUser, id: string) => toApiAudio(library.byId(id)!, user);

  return (
    new Hono<SandboxEnv>()
      .get('/audio', (c) => {
        const user = c.get('user');
        const url = new URL(c.req.url);
        return c.json(queryAudioFeed(db, user, url, parseListQuery(url, audioFeedSpec, user.timeZone)));
      })
      .get('/audio/:id', (c) => {
        const user = c.get('user');
        return c.json(toApiAudio(visibleAudio(user, c.req.param('id')), user));
      })
      // Ours: the recording itself, for playback (decision 0042). Text-to-speech items have none.
      .get('/audio/:id/content', (c) => {
        const row = visibleAudio(c.get('user'), c.req.param('id'));
        const sound = library.soundOf(row.audio_id);
        if (row.text_to_speech === 1 || !sound || !row.content_type) {
          throw new SandboxError('ResourceNotFound', `${row.name} is text-to-speech: it is spoken when called and has no recording.`);
        }
        const fileName = (row.file_name ?? row.audio_id).replace(/[^\w.-]+/g, '_');
        return c.body(new Uint8Array(sound), 200, {
          'content-type': row.content_type,
          'content-length': String(sound.length),
          'content-disposition': `inline; filename="${fileName}"`,
        });
      })
      // Ours: a text-to-speech item for the library (the API documents TTS only inside a broadcast).
      .post('/audio', async (c) => {
        const user = c.get('user');
        const input = await readBody(c, audioTtsCreateInputSchema);
        const id = newAudioId(db);
        library.insert({
          audio_id: id,
          account_id: user.accountId,
          owner_user_id: user.userId,
          name: input.Name || nameFromText(input.Text),
          description: input.Description ?? '',
          favorite: input.Favorite ? 1 : 0,
          shared: input.Shared ? 1 : 0,
          length_seconds: estimateSpeechSeconds(input.Text),
          text_to_speech: 1,
          tts_text: input.Text,
          voice: input.Voice ?? DEFAULT_TTS_VOICE,
          content_type: null,
          file_name: null,
          data: null,
          created_at: clock.now(),
        });
        return c.json(created(user, id));
      })
      // As bugalert uploads: multipart/form-data with the file in a part named File (a raw audio body works too).
      .post('/audio/:filename', async (c) => {
        const user = c.get('user');
        const body = Buffer.from(await c.req.arrayBuffer());
        const contentType = c.req.header('content-type');
        const parts = body.length > 0 ? parseMultipart(body, contentType) : null;
        let sound: Buffer;
        let name: string | undefined;
        if (parts) {
          const file = parts.find((part) => part.name.toLowerCase() === 'file' && part.data.length > 0);
          if (!file) throw new SandboxError('ValidationFailed', 'File: Put the audio in a form part named File.');
          sound = file.data;
          name =
            parts
              .find((part) => part.name.toLowerCase() === 'name')
              ?.data.toString('utf8')
              .trim() || undefined;
        } else if (body.length > 0 && /^audio\//i.test(contentType ?? '')) {
          sound = body;
        } else {
          throw new SandboxError('UnsupportedMediaType', 'Send the audio as multipart/form-data with a part named File.');
        }
        const measured = measureAudioFile(sound);
        if (!measured.ok) {
          throw new SandboxError(measured.problem === 'unsupported' ? 'UnsupportedMediaType' : 'ValidationFailed', `File: ${measured.message}`);
        }
        const fileName = c.req.param('filename');
        const id = newAudioId(db);
        library.insert({
          audio_id: id,
          account_id: user.accountId,
          owner_user_id: user.userId,
          name: (name ?? audioNameOfFile(fileName)).slice(0, 100),
          description: '',
          favorite: 0,
          shared: 0,
          length_seconds: Math.max(1, Math.round(measured.seconds)),
          text_to_speech: 0,
          tts_text: '',
          voice: '',
          content_type: measured.contentType,
          file_name: fileName.slice(0, 200),
          data: sound,
          created_at: clock.now(),
        });
        return c.json(created(user, id));
      })
      // Ours: rename, describe, favourite, share.
      .put('/audio/:id', async (c) => {
        const user = c.get('user');
        const row = changeableAudio(user, c.req.param('id'), 'change');
        const input = await readBody(c, audioUpdateInputSchema);
        library.update({
          audio_id: row.audio_id,
          name: input.Name ?? row.name,
          description: input.Description ?? row.description,
          favorite: input.Favorite === undefined ? row.favorite : input.Favorite ? 1 : 0,
          shared: input.Shared === undefined ? row.shared : input.Shared ? 1 : 0,
        });
        return c.json(created(user, row.audio_id));
      })
      .delete('/audio/:id', (c) => {
        const user = c.get('user');
        const row = changeableAudio(user, c.req.param('id'), 'delete');
        const broadcast = library.upcomingBroadcastUsing(row.audio_id);
        if (broadcast) {
          throw new SandboxError(
            'Conflict',
            `${row.name} is used by the broadcast ${broadcast.broadcast_name} (${broadcast.broadcast_id}), which has not finished. Cancel it or wait until it completes.`,
          );
        }
        library.markDeleted(row.audio_id, clock.now());
        return c.json({ AudioID: row.audio_id, Deleted: true });
      })
  );
}
