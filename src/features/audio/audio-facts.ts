import type { TtsVoice } from '@/api/schemas/audio.ts';

/** Who each Amazon Polly US-English voice sounds like, so people can choose without hearing it. */
export const voiceDescriptions: Record<TtsVoice, string> = {
  Joanna: 'Woman',
  Kendra: 'Woman',
  Kimberly: 'Woman',
  Salli: 'Woman',
  Ivy: 'Girl',
  Matthew: 'Man',
  Joey: 'Man',
  Justin: 'Boy',
  Kevin: 'Boy',
};

/**
 * Credits one connected call (a person or voicemail answering) costs with this message (docs/decisions/0011-broadcast-results.md): one per started
 * 30 seconds played, and no more is played than the sender's maximum message length.
 */
export function creditsPerConnectedCall(lengthSeconds: number, maxMessageLength: number): number {
  return Math.max(1, Math.ceil(Math.min(lengthSeconds, maxMessageLength) / 30));
}

/** "1 credit per connected call", "2 credits per connected call". */
export function describeCallCost(lengthSeconds: number, maxMessageLength: number): string {
  const credits = creditsPerConnectedCall(lengthSeconds, maxMessageLength);
  return `${credits} credit${credits === 1 ? '' : 's'} per connected call`;
}

/** The files the library takes (docs/decisions/0042-audio-library.md); the server checks the content itself. */
export const ACCEPTED_AUDIO = '.wav,.mp3,audio/wav,audio/x-wav,audio/mpeg';
export const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;

export function audioFileProblem(file: File): string | null {
  if (!/\.(wav|mp3)$/i.test(file.name) && !/^audio\/(wav|x-wav|wave|mpeg|mp3)$/i.test(file.type)) {
    return 'Choose a WAV or MP3 file.';
  }
  if (file.size === 0) return 'This file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return 'Audio files can be at most 128 MB.';
  return null;
}
