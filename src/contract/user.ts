import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { dayNameSchema, timeOfDaySchema, uriSchema } from './common.ts';

/**
 * Users as the API answers them, and logging in. What a user may change lives in user-settings.ts, with the phone
 * number rules, so the login page and the app's frame load neither.
 */

export const permissionsSchema = z.object({
  CanSeeAllBroadcasts: z.boolean(),
  CanSeeAllRoster: z.boolean(),
  CanSeeAllAudio: z.boolean(),
  CanSeeGroupAudio: z.boolean(),
});
export type Permissions = z.infer<typeof permissionsSchema>;

export const userSchema = z.object({
  Uri: uriSchema.optional(),
  UserID: z.int(),
  UserName: z.string(),
  FirstName: z.string(),
  LastName: z.string(),
  Email: z.string(),
  Phone: z.string(),
  CallerID: z.string(),
  Retries: z.int(),
  MaxMessageLength: z.int(),
  CallThrottle: z.int(),
  ContinueOnNextDay: z.boolean(),
  StartTimeOfDay: timeOfDaySchema,
  StopTimeOfDay: timeOfDaySchema,
  /** Days calls may go out; the API answers with all seven when the user set none. */
  CallingWindowDays: z.array(dayNameSchema),
  State: z.string(),
  Permissions: permissionsSchema,
  IsMasterUser: z.boolean().optional(),
});
export type User = Answer<z.infer<typeof userSchema>>;

/** A linked user as it appears inside other models. */
export const userStubSchema = z.object({ Uri: uriSchema, UserID: z.int() });

/** A linked user with the name to show (our models: who sent a text, who changed an opt-out). */
export const namedUserStubSchema = userStubSchema.extend({ FirstName: z.string(), LastName: z.string() });
export type NamedUserStub = Answer<z.infer<typeof namedUserStubSchema>>;

/** Login fields are bounded (decision 0111): generous for any real name or PIN, small enough to keep no one's memory. */
export const LOGIN_USER_NAME_MAX = 254;
export const LOGIN_PIN_CODE_MAX = 128;

export const loginInputSchema = z.object({
  UserName: z.string().trim().min(1, 'Enter your user name').max(LOGIN_USER_NAME_MAX, `At most ${LOGIN_USER_NAME_MAX} characters`),
  PinCode: z.string().min(1, 'Enter your PIN code').max(LOGIN_PIN_CODE_MAX, `At most ${LOGIN_PIN_CODE_MAX} characters`),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const loginResultSchema = z.object({ UserID: z.int(), AuthToken: z.string() });
export type LoginResult = z.infer<typeof loginResultSchema>;

/**
 * The signed-in user as /api/session answers. The login answer guarantees only UserID (and we know the name typed);
 * the rest comes from GET /v1/account/users/{id}, a route no public source documents, and is absent when it does
 * not answer (decision 0113).
 */
export const sessionUserSchema = userSchema.partial().extend({ UserID: z.int(), UserName: z.string() });
export type SessionUser = Answer<z.infer<typeof sessionUserSchema>>;
