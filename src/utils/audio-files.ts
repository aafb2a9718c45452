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
