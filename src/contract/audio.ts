import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';
import { userStubSchema } from './user.ts';

/** Text-to-speech voices (the Amazon Polly US-English set). */
export const ttsVoices = ['Ivy', 'Joanna', 'Kendra', 'Kimberly', 'Salli', 'Joey', 'Justin', 'Kevin', 'Matthew'] as const;
export const ttsVoiceSchema = z.enum(ttsVoices, { error: 'Choose one of the listed voices' });
export type TtsVoice = z.infer<typeof ttsVoiceSchema>;

export const audioMessageTypes = ['NeverUsed', 'Announcement', 'SurveyLiveAnswer', 'SurveyVoiceMail', 'AnnouncementVoiceMail', 'TransferAndConnect'] as const;
export const audioMessageTypeSchema = z.enum(audioMessageTypes);
export type AudioMessageType = z.infer<typeof audioMessageTypeSchema>;

/** An item of the message library. */
export const audioSchema = z.object({
  Uri: uriSchema,
  AudioID: z.string(),
  Name: z.string(),
  Description: z.string(),
  Favorite: z.boolean().nullable(),
  Shared: z.boolean().nullable(),
  /** Seconds. */
  Length: z.int().nullable(),
  MessageType: audioMessageTypeSchema,
  ReadOnly: z.boolean(),
  Created: apiDateTimeSchema,
  /** Our decision: null until a broadcast uses it. */
  LastUsed: apiDateTimeSchema.nullable(),
  TextToSpeech: z.boolean(),
  /** The spoken text of a TTS message; `""` for recordings. */
  Text: z.string(),
  /** A voice name (see ttsVoices); `""` for recordings. Kept a plain string so unknown voices still parse. */
  Voice: z.string(),
  /** Ours (docs/decisions/0042-audio-library.md): who added it, as broadcasts name their creator. */
  User: userStubSchema.optional(),
});
export type Audio = Answer<z.infer<typeof audioSchema>>;

export const audioStubSchema = z.object({ Uri: uriSchema, AudioID: z.string() });
export type AudioStub = Answer<z.infer<typeof audioStubSchema>>;

/** `Audio` and `AudioVM` inside a broadcast: the full item, or the stub the seed shows. */
export const audioRefSchema = z.union([audioSchema, audioStubSchema]);
export type AudioRef = Answer<z.infer<typeof audioRefSchema>>;

/** A text-to-speech message. `Voice` and `Name` also accept null, as the .NET client sends for unset properties. */
export const ttsInputSchema = z.object({
  TextToSpeech: z.literal(true),
  Text: z.string({ error: 'Enter the text to speak' }).trim().min(1, 'Enter the text to speak').max(3000, 'At most 3,000 characters'),
  Voice: ttsVoiceSchema.nullish(),
  Name: z.string().trim().max(100, 'At most 100 characters').nullish(),
});
export type TtsInput = z.infer<typeof ttsInputSchema>;

/** An existing library item, by ID. */
export const audioIdInputSchema = z.object({
  AudioID: z.string({ error: 'Choose an audio message' }).trim().min(1, 'Choose an audio message'),
});
export type AudioIdInput = z.infer<typeof audioIdInputSchema>;

/** `Audio` / `AudioVM` in a broadcast create body: `{AudioID}` or `{TextToSpeech: true, Text, Voice?}`. */
export const audioInputSchema = z.union([ttsInputSchema, audioIdInputSchema]);
export type AudioInput = z.infer<typeof audioInputSchema>;

/** The voice Polly uses in the vendor's own examples, and ours when a request names none. */
export const DEFAULT_TTS_VOICE: TtsVoice = 'Joanna';

const audioNameSchema = z.string().trim().min(1, 'Enter a name').max(100, 'At most 100 characters');
const audioDescriptionSchema = z.string().trim().max(500, 'At most 500 characters');

/** POST /v1/audio: a text-to-speech item for the library (ours; the API documents TTS inside broadcasts only). */
export const audioTtsCreateInputSchema = ttsInputSchema.extend({
  Description: audioDescriptionSchema.optional(),
  Favorite: z.boolean().optional(),
  Shared: z.boolean().optional(),
});
export type AudioTtsCreateInput = z.infer<typeof audioTtsCreateInputSchema>;

/** PUT /v1/audio/{id}: rename, describe, mark as favourite or share. */
export const audioUpdateInputSchema = z.object({
  Name: audioNameSchema.optional(),
  Description: audioDescriptionSchema.optional(),
  Favorite: z.boolean().optional(),
  Shared: z.boolean().optional(),
});
export type AudioUpdateInput = z.infer<typeof audioUpdateInputSchema>;

/** DELETE /v1/audio/{id} answers which item went. */
export const audioDeleteResultSchema = z.object({ AudioID: z.string(), Deleted: z.literal(true) });

/** Polly's standard voices speak about 150 words a minute at their default rate. */
const SPOKEN_WORDS_PER_SECOND = 150 / 60;

/**
 * How long a text-to-speech message will play, in whole seconds (docs/decisions/0042-audio-library.md): words at
 * 150 a minute, every digit counted as a word because numbers are read digit by digit; at least 1 second.
 */
export function estimateSpeechSeconds(text: string): number {
  const words = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .reduce((count, word) => count + Math.max(1, (word.match(/\d/g) ?? []).length), 0);
  return Math.max(1, Math.ceil(words / SPOKEN_WORDS_PER_SECOND));
}

/** The library name an uploaded file gets unless one is given: its name without the extension. */
export function audioNameOfFile(fileName: string): string {
  return (
    fileName
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .trim()
      .slice(0, 100) || 'Recording'
  );
}

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
