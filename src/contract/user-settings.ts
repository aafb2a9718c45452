import { z } from './zod.ts';
import { dayNameSchema, timeOfDaySchema, usStateSchema, type TimeOfDay } from './common.ts';
import { normalizePhoneNumber, phoneProblemMessages } from './phone-number.ts';
import { permissionsSchema } from './user.ts';

/** The settings a user may change, and the rules of Create User and Update User Settings bodies. */

const nameSchema = z.string().trim().max(50, 'At most 50 characters');

/** An optional US phone number: empty, or any common way of writing one, stored as 10 digits. */
const optionalPhoneSchema = z
  .string()
  .trim()
  .max(20, 'At most 20 characters')
  .transform((value, context) => {
    if (value === '') return value;
    const check = normalizePhoneNumber(value);
    if (check.ok) return check.digits;
    context.issues.push({ code: 'custom', message: phoneProblemMessages[check.problem], input: value });
    return z.NEVER;
  });

/** The settings a user carries and may change (Create User and Update User Settings bodies). */
export const userSettingsInputSchema = z.object({
  FirstName: nameSchema,
  LastName: nameSchema,
  Email: z.union([z.literal(''), z.email('Enter a valid e-mail address').max(254)]),
  Phone: optionalPhoneSchema,
  CallerID: optionalPhoneSchema,
  State: usStateSchema,
  Retries: z.int('Enter a whole number').min(0, 'At least 0').max(10, 'At most 10'),
  MaxMessageLength: z.int('Enter a whole number').min(10, 'At least 10 seconds').max(600, 'At most 600 seconds'),
  CallThrottle: z.int('Enter a whole number').min(0, 'At least 0 (no limit)').max(1000, 'At most 1,000'),
  ContinueOnNextDay: z.boolean(),
  StartTimeOfDay: timeOfDaySchema,
  StopTimeOfDay: timeOfDaySchema,
  CallingWindowDays: z.array(dayNameSchema),
  Permissions: permissionsSchema.partial(),
});

/** PIN codes are website passwords: at least 8 characters with a letter and a digit or symbol. */
export const pinCodeSchema = z
  .string()
  .min(8, 'At least 8 characters')
  .max(64, 'At most 64 characters')
  .regex(/[A-Za-z]/, 'Include a letter')
  .regex(/[^A-Za-z]/, 'Include a digit or a symbol');

/** Login names: no spaces, so they can be typed at a login prompt as they are shown. */
export const userNameSchema = z
  .string({ error: 'Enter a user name' })
  .trim()
  .min(3, 'At least 3 characters')
  .max(100, 'At most 100 characters')
  .regex(/^\S+$/, 'No spaces');

export const userCreateInputSchema = userSettingsInputSchema.partial().extend({
  UserName: userNameSchema,
  PinCode: pinCodeSchema,
});
export type UserCreateInput = z.infer<typeof userCreateInputSchema>;

export const userUpdateInputSchema = userSettingsInputSchema.partial().extend({
  UserName: userNameSchema.optional(),
  PinCode: pinCodeSchema.optional(),
});
export type UserUpdateInput = z.infer<typeof userUpdateInputSchema>;

// Kept apart so the shell can read them without the phone-number rules (and their metadata) this file needs.
export { defaultCallingSettings } from './calling-defaults.ts';

const minutesOf = (time: TimeOfDay) => time.Hour * 60 + time.Minute;

/** The calling window must close after it opens on the same day (docs/decisions/0040-users-and-permissions.md). */
export function callingWindowProblem(start: TimeOfDay, stop: TimeOfDay): string | null {
  return minutesOf(stop) > minutesOf(start) ? null : 'The calling window must end after it starts';
}
