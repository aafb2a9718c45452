import type { z } from './zod.ts';
import type { DayName } from './common.ts';
import type { userSettingsInputSchema } from './user-settings.ts';

/**
 * A new user's calling settings when Create User leaves them out: Retries 1, MaxMessageLength 120 and every day as
 * documented; the rest per docs/decisions/0040-users-and-permissions.md.
 */
export const defaultCallingSettings = {
  Retries: 1,
  MaxMessageLength: 120,
  CallThrottle: 0,
  ContinueOnNextDay: false,
  StartTimeOfDay: { Hour: 7, Minute: 0 },
  StopTimeOfDay: { Hour: 20, Minute: 0 },
  CallingWindowDays: [] as DayName[],
} as const satisfies Partial<z.input<typeof userSettingsInputSchema>>;
