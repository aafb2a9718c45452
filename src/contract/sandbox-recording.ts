import { z } from './zod.ts';

/*
 * The embedded sandbox plays a person who calls its recording line and records a waiting broadcast's message (our own
 * control routes, not part of the API; docs/decisions/0080-record-by-phone.md).
 */

/** POST /sandbox/recordings: the code keyed in and how long the recorded message is. */
export const sandboxRecordingInputSchema = z.object({
  RecordingCode: z
    .string()
    .trim()
    .regex(/^\d{4,10}$/, 'Enter the recording code: digits only'),
  /** Seconds; 20 when not given. */
  Seconds: z.int('Enter whole seconds').min(1, 'At least 1 second').max(600, 'At most 600 seconds').optional(),
});
export type SandboxRecordingInput = z.infer<typeof sandboxRecordingInputSchema>;

export const sandboxRecordingResultSchema = z.object({ BroadcastID: z.int(), AudioID: z.string(), Length: z.int() });
export type SandboxRecordingResult = z.infer<typeof sandboxRecordingResultSchema>;

/** GET /sandbox/recordings: the broadcasts waiting for their recording. */
export const sandboxWaitingRecordingsSchema = z.object({
  Items: z.array(z.object({ BroadcastID: z.int(), BroadcastName: z.string(), RecordingCode: z.string() })),
});
export type SandboxWaitingRecordings = z.infer<typeof sandboxWaitingRecordingsSchema>;
