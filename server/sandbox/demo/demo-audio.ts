import type { AudioMessageType, TtsVoice } from '../../../src/contract/audio.ts';
import { estimateSpeechSeconds } from '../../../src/contract/audio.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { createRandom } from './random.ts';

/** Telephone quality: 8 kHz, 16-bit, mono, as calls carry it. */
const SAMPLE_RATE = 8000;
const DAY = 86_400_000;

/** A 16-bit mono PCM WAV file around the given samples (each -1..1). */
export function encodeWav(samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer {
  const dataBytes = samples.length * 2;
  const file = Buffer.alloc(44 + dataBytes);
  file.write('RIFF', 0, 'latin1');
  file.writeUInt32LE(36 + dataBytes, 4);
  file.write('WAVEfmt ', 8, 'latin1');
  file.writeUInt32LE(16, 16); // fmt chunk size
  file.writeUInt16LE(1, 20); // PCM
  file.writeUInt16LE(1, 22); // mono
  file.writeUInt32LE(sampleRate, 24);
  file.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  file.writeUInt16LE(2, 32); // bytes per sample frame
  file.writeUInt16LE(16, 34); // bits per sample
  file.write('data', 36, 'latin1');
  file.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, index) => file.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), 44 + index * 2));
  return file;
}

/**
 * A soft two-tone chime (a bell-like strike of each note, the second lower) repeating every 2.4 seconds, for
 * exactly `seconds`: real, pleasant sound of the length the library reports.
 */
export function chimeWav(seconds: number, notes: readonly [number, number] = [659.25, 523.25]): Buffer {
  const samples = new Float32Array(Math.round(seconds * SAMPLE_RATE));
  const cycle = 2.4;
  const strikes = [0, 0.6];
  const fade = 0.02;
  for (let index = 0; index < samples.length; index += 1) {
    const t = index / SAMPLE_RATE;
    const inCycle = t % cycle;
    let value = 0;
    strikes.forEach((at, note) => {
      const since = inCycle - at;
      if (since < 0) return;
      const frequency = notes[note]!;
      const envelope = Math.min(1, since / 0.005) * Math.exp(-since / 0.35);
      // A fundamental with two soft partials gives the bell its colour.
      value +=
        envelope *
        (Math.sin(2 * Math.PI * frequency * since) + 0.3 * Math.sin(2 * Math.PI * 2 * frequency * since) + 0.1 * Math.sin(2 * Math.PI * 3 * frequency * since));
    });
    const edge = Math.min(1, t / fade, (seconds - t) / fade);
    samples[index] = 0.35 * value * edge;
  }
  return encodeWav(samples);
}

interface DemoRecording {
  id: string;
  owner: number;
  name: string;
  description: string;
  seconds: number;
  notes: readonly [number, number];
  messageType: AudioMessageType;
  shared: boolean;
  favorite: boolean;
  usedDaysAgo: number | null;
}

interface DemoSpeech {
  id: string;
  owner: number;
  name: string;
  description: string;
  text: string;
  voice: TtsVoice;
  messageType: AudioMessageType;
  shared: boolean;
  favorite: boolean;
  usedDaysAgo: number | null;
}

/**
 * The demo library (docs/decisions/0042-audio-library.md): recordings and text-to-speech messages of each demo user,
 * some shared with the team, some favourites. `af0277` and `zx1234` are the IDs the seed's own examples use.
 */
export function seedDemoAudio(db: SandboxDatabase, now: number, users: { master: number; leia: number; han: number }, accountId: number) {
  const random = createRandom(8_000_277);
  const recordings: DemoRecording[] = [
    {
      id: 'af0277',
      owner: users.master,
      name: 'Snow day closure',
      description: 'Schools closed for weather; no buses run.',
      seconds: 14,
      notes: [659.25, 523.25],
      messageType: 'Announcement',
      shared: true,
      favorite: true,
      usedDaysAgo: 3,
    },
    {
      id: 'bk4410',
      owner: users.leia,
      name: 'Bus route 12 delay',
      description: 'Route 12 runs 30 minutes late.',
      seconds: 9,
      notes: [587.33, 440],
      messageType: 'Announcement',
      shared: true,
      favorite: false,
      usedDaysAgo: 12,
    },
    {
      id: 'cm5521',
      owner: users.master,
      name: 'Please call the front office',
      description: 'Voicemail follow-up.',
      seconds: 6,
      notes: [523.25, 392],
      messageType: 'AnnouncementVoiceMail',
      shared: false,
      favorite: false,
      usedDaysAgo: 40,
    },
    {
      id: 'dr7302',
      owner: users.han,
      name: 'Pump station check-in',
      description: "Han's crew reminder.",
      seconds: 7,
      notes: [698.46, 587.33],
      messageType: 'NeverUsed',
      shared: false,
      favorite: true,
      usedDaysAgo: null,
    },
  ];
  const speeches: DemoSpeech[] = [
    {
      id: 'zx1234',
      owner: users.master,
      name: 'Welcome back to school',
      description: 'First-day greeting for families.',
      text: 'Welcome back to Galaxy Community Schools! Classes start Monday at 8 a.m. Please check your student portal for bus times.',
      voice: 'Joanna',
      messageType: 'Announcement',
      shared: true,
      favorite: true,
      usedDaysAgo: 20,
    },
    {
      id: 'hs1138',
      owner: users.leia,
      name: 'Parent-teacher conferences',
      description: '',
      text: 'Parent-teacher conferences are this Thursday from 4 to 7 p.m. Sign up for a time slot on the school website.',
      voice: 'Matthew',
      messageType: 'NeverUsed',
      shared: false,
      favorite: false,
      usedDaysAgo: null,
    },
    {
      id: 'lw2290',
      owner: users.master,
      name: 'Board meeting notice',
      description: 'Board members only.',
      text: 'The school board meets next Tuesday at 6 p.m. in the district office. The agenda is in your inbox.',
      voice: 'Kendra',
      messageType: 'NeverUsed',
      shared: false,
      favorite: false,
      usedDaysAgo: null,
    },
    {
      id: 'tq6614',
      owner: users.han,
      name: 'Crew shift change',
      description: '',
      text: 'The maintenance crew starts at 6 a.m. tomorrow. Call 2 1 4 5 5 5 0 1 4 2 if you cannot make it.',
      voice: 'Kevin',
      messageType: 'NeverUsed',
      shared: false,
      favorite: false,
      usedDaysAgo: null,
    },
  ];

  const insert = db.prepare(`
    INSERT INTO audio (audio_id, account_id, owner_user_id, name, description, favorite, shared, length_seconds,
      message_type, text_to_speech, tts_text, voice, content_type, file_name, data, created_at, last_used)
    VALUES (@id, ${accountId}, @owner, @name, @description, @favorite, @shared, @length, @messageType, @tts, @text,
      @voice, @contentType, @fileName, @data, @created, @lastUsed)`);
  const times = (usedDaysAgo: number | null) => {
    const created = now - random.int(60, 300) * DAY - random.int(0, DAY - 1);
    return { created, lastUsed: usedDaysAgo === null ? null : now - usedDaysAgo * DAY - random.int(0, DAY - 1) };
  };
  for (const item of recordings) {
    insert.run({
      ...item,
      ...times(item.usedDaysAgo),
      favorite: item.favorite ? 1 : 0,
      shared: item.shared ? 1 : 0,
      length: item.seconds,
      tts: 0,
      text: '',
      voice: '',
      contentType: 'audio/wav',
      fileName: `${item.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.wav`,
      data: chimeWav(item.seconds, item.notes),
    });
  }
  for (const item of speeches) {
    insert.run({
      ...item,
      ...times(item.usedDaysAgo),
      favorite: item.favorite ? 1 : 0,
      shared: item.shared ? 1 : 0,
      length: estimateSpeechSeconds(item.text),
      tts: 1,
      contentType: null,
      fileName: null,
      data: null,
    });
  }
}
