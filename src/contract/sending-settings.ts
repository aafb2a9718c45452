import { z } from './zod.ts';
import { timeOfDaySchema } from './common.ts';

/**
 * The account's sending rules that Callboard itself keeps (the API has no place for them): the hours in which calls and
 * texts may reach a recipient, in the recipient's own time zone (outside them are the quiet hours), and the undo
 * window after Send. Every user of the account sees the same values.
 */
export const sendingSettingsSchema = z
  .object({
    /** Calls and texts start no earlier than this, local to each recipient. */
    LocalSendingStart: timeOfDaySchema,
    /** ...and end no later than this, local to each recipient. */
    LocalSendingEnd: timeOfDaySchema,
    /** Seconds a sent broadcast is held before it starts, so it can be undone; 0 turns the window off. */
    UndoWindowSeconds: z.int('Enter a whole number').min(0, 'At least 0 (off)').max(600, 'At most 600 seconds'),
  })
  .refine(({ LocalSendingStart: start, LocalSendingEnd: end }) => start.Hour * 60 + start.Minute < end.Hour * 60 + end.Minute, {
    message: 'The start must come before the end',
    path: ['LocalSendingEnd'],
  });
export type SendingSettings = z.infer<typeof sendingSettingsSchema>;

/** What an account starts with: calls and texts between 8:00 and 21:00 local, and a minute to undo a send. */
export const defaultSendingSettings: SendingSettings = {
  LocalSendingStart: { Hour: 8, Minute: 0 },
  LocalSendingEnd: { Hour: 21, Minute: 0 },
  UndoWindowSeconds: 60,
};
