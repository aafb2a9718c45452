import { randomInt } from 'node:crypto';
import type { Audio, AudioMessageType } from '../../../src/contract/audio.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { formatApiDate, formatApiDateOrNull } from '../time.ts';

/** One row of `audio`, without the sound itself (read only when it is played). */
export interface AudioRow {
  audio_id: string;
  account_id: number;
  owner_user_id: number;
  name: string;
  description: string;
  favorite: number;
  shared: number;
  length_seconds: number | null;
  message_type: AudioMessageType;
  read_only: number;
  text_to_speech: number;
  tts_text: string;
  voice: string;
  content_type: string | null;
  file_name: string | null;
  created_at: number;
  last_used: number | null;
}

/** A new audio ID in the seed's form: two letters and four digits (`af0277`), none taken yet. */
export function newAudioId(db: SandboxDatabase): string {
  const taken = db.prepare<[string], { audio_id: string }>('SELECT audio_id FROM audio WHERE audio_id = ?');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const id = `${letters[randomInt(26)]}${letters[randomInt(26)]}${String(randomInt(10_000)).padStart(4, '0')}`;
    if (!taken.get(id)) return id;
  }
}

export const AUDIO_COLUMNS = `audio_id, account_id, owner_user_id, name, description, favorite, shared, length_seconds,
  message_type, read_only, text_to_speech, tts_text, voice, content_type, file_name, created_at, last_used`;

/**
 * The audio a user may see (docs/decisions/0042-audio-library.md): everything on the account with CanSeeAllAudio;
 * their own and what colleagues shared with CanSeeGroupAudio; otherwise only their own. Deleted items never.
 */
export function audioScope(user: AuthUser): { sql: string; params: unknown[] } {
  if (user.canSeeAllAudio) return { sql: 'account_id = ? AND deleted_at IS NULL', params: [user.accountId] };
  if (user.canSeeGroupAudio) {
    return { sql: 'account_id = ? AND deleted_at IS NULL AND (owner_user_id = ? OR shared = 1)', params: [user.accountId, user.userId] };
  }
  return { sql: 'account_id = ? AND deleted_at IS NULL AND owner_user_id = ?', params: [user.accountId, user.userId] };
}

/** The same rule as audioScope, for one row already read (deleted rows are never read). */
export function maySeeAudio(user: AuthUser, row: AudioRow): boolean {
  if (row.account_id !== user.accountId) return false;
  return user.canSeeAllAudio || row.owner_user_id === user.userId || (user.canSeeGroupAudio && row.shared === 1);
}

/** Seeing an item lets a user play it and use it; only its owner or a master user may change or delete it. */
export function mayChangeAudio(user: AuthUser, row: AudioRow): boolean {
  return row.read_only === 0 && (row.owner_user_id === user.userId || user.isMaster);
}

export function toApiAudio(row: AudioRow, user: AuthUser): Audio {
  return {
    Uri: `/v1/audio/${row.audio_id}`,
    AudioID: row.audio_id,
    Name: row.name,
    Description: row.description,
    Favorite: row.favorite === 1,
    Shared: row.shared === 1,
    Length: row.length_seconds,
    MessageType: row.message_type,
    ReadOnly: !mayChangeAudio(user, row),
    Created: formatApiDate(row.created_at, user.timeZone),
    LastUsed: formatApiDateOrNull(row.last_used, user.timeZone),
    TextToSpeech: row.text_to_speech === 1,
    Text: row.tts_text,
    Voice: row.voice,
    User: { Uri: `/v1/account/users/${row.owner_user_id}`, UserID: row.owner_user_id },
  };
}
