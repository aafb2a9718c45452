import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';

/** Text-to-speech voices (the Amazon Polly US-English set). */
export const ttsVoices = [
  'Ivy', 'Joanna', 'Kendra', 'Kimberly', 'Salli', 'Joey', 'Justin', 'Kevin', 'Matthew',
] as const;
export const ttsVoiceSchema = z.enum(ttsVoices, { error: 'Choose one of the listed voices' });
export type TtsVoice = z.infer<typeof ttsVoiceSchema>;

export const audioMessageTypes = [
  'NeverUsed',
  'Announcement',
  'SurveyLiveAnswer',
  'SurveyVoiceMail',
  'AnnouncementVoiceMail',
  'TransferAndConnect',
] as const;
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
});
export type Audio = z.infer<typeof audioSchema>;

export const audioStubSchema = z.object({ Uri: uriSchema, AudioID: z.string() });
export type AudioStub = z.infer<typeof audioStubSchema>;

/** `Audio` and `AudioVM` inside a broadcast: the full item, or the stub the seed shows. */
export const audioRefSchema = z.union([audioSchema, audioStubSchema]);
export type AudioRef = z.infer<typeof audioRefSchema>;

/** A text-to-speech message. `Voice` and `Name` also accept null, as the .NET client sends for unset properties. */
export const ttsInputSchema = z.object({
  TextToSpeech: z.literal(true),
  Text: z
    .string({ error: 'Enter the text to speak' })
    .trim()
    .min(1, 'Enter the text to speak')
    .max(3000, 'At most 3,000 characters'),
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
