import { randomInt } from 'node:crypto';
import { audioMessageTypes, type Audio, type AudioMessageType } from '../../../src/contract/audio.ts';
import type { Feed } from '../../../src/contract/feed.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
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

/** Filters, sorts and search of the audio library's feed. */
export const audioFeedSpec: ListSpec = {
  fields: {
    AudioID: { sql: 'audio_id', type: 'string' },
    Name: { sql: 'name', type: 'string' },
    Description: { sql: 'description', type: 'string' },
    Favorite: { sql: 'favorite', type: 'boolean' },
    Shared: { sql: 'shared', type: 'boolean' },
    Length: { sql: 'length_seconds', type: 'integer' },
    MessageType: { sql: 'message_type', type: 'string', values: audioMessageTypes },
    TextToSpeech: { sql: 'text_to_speech', type: 'boolean' },
    Voice: { sql: 'voice', type: 'string' },
    Created: { sql: 'created_at', type: 'date' },
    LastUsed: { sql: 'last_used', type: 'date' },
    UserID: { sql: 'owner_user_id', type: 'integer' },
  },
  defaultSort: 'created_at DESC',
  tieBreaker: 'audio_id',
  search: (term) => ({ sql: `instr(lower(name || ' ' || description || ' ' || tts_text), lower(?)) > 0`, params: [term] }),
};

/** One page of the audio the user may see (audioScope). */
export function queryAudioFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<Audio> {
  const scope = audioScope(user);
  const source = { from: 'audio', where: [scope.sql], params: scope.params, select: AUDIO_COLUMNS };
  return queryFeed(db, url, source, query, (row: AudioRow) => toApiAudio(row, user));
}

/** A new item's row: the columns an insert writes, the sound itself included (null for text-to-speech). */
export type NewAudioRow = Omit<AudioRow, 'message_type' | 'read_only' | 'last_used'> & { data: Buffer | null };

/** Broadcast statuses that will still play their audio. */
const UPCOMING_STATUSES = ['AuthorizationApproved', 'InProgress', 'Paused'];

/** The reads and writes of `audio` the routes make, prepared once when the routes are made. */
export function audioQueries(db: SandboxDatabase) {
  const audioById = db.prepare<[string], AudioRow>(`SELECT ${AUDIO_COLUMNS} FROM audio WHERE audio_id = ? AND deleted_at IS NULL`);
  const soundOf = db.prepare<[string], { data: Buffer | null }>('SELECT data FROM audio WHERE audio_id = ?');
  const insertAudio = db.prepare<[NewAudioRow]>(`
    INSERT INTO audio (audio_id, account_id, owner_user_id, name, description, favorite, shared, length_seconds,
      text_to_speech, tts_text, voice, content_type, file_name, data, created_at)
    VALUES (@audio_id, @account_id, @owner_user_id, @name, @description, @favorite, @shared, @length_seconds,
      @text_to_speech, @tts_text, @voice, @content_type, @file_name, @data, @created_at)`);
  const updateAudio = db.prepare<[Pick<AudioRow, 'audio_id' | 'name' | 'description' | 'favorite' | 'shared'>]>(
    'UPDATE audio SET name = @name, description = @description, favorite = @favorite, shared = @shared WHERE audio_id = @audio_id',
  );
  const deleteAudio = db.prepare<[number, string]>('UPDATE audio SET deleted_at = ?, data = NULL WHERE audio_id = ?');
  const upcomingBroadcast = db.prepare<[string, string], { broadcast_id: number; broadcast_name: string }>(`
    SELECT broadcast_id, broadcast_name FROM broadcasts
    WHERE deleted_at IS NULL AND (audio_id = ? OR audio_vm_id = ?)
      AND broadcast_status IN (${UPCOMING_STATUSES.map((status) => `'${status}'`).join(', ')})
    ORDER BY start_at LIMIT 1`);

  return {
    /** An item not deleted, whoever may see it. */
    byId: (audioId: string) => audioById.get(audioId),
    /** The recording itself; null for text-to-speech and deleted items. */
    soundOf: (audioId: string) => soundOf.get(audioId)?.data ?? null,
    insert: (row: NewAudioRow) => void insertAudio.run(row),
    /** Writes an item's name, description, favourite and shared flags. */
    update: (row: Pick<AudioRow, 'audio_id' | 'name' | 'description' | 'favorite' | 'shared'>) => void updateAudio.run(row),
    /** Marks the item deleted at `now` and drops its recording. */
    markDeleted: (audioId: string, now: number) => void deleteAudio.run(now, audioId),
    /** The first broadcast still to play the item (as its message or its voicemail), if any. */
    upcomingBroadcastUsing: (audioId: string) => upcomingBroadcast.get(audioId, audioId),
  };
}
