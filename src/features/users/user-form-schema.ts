import { dayNameSchema, dayNames, type DayName } from '@contract/common.ts';
import { permissionsSchema, type User } from '@contract/user.ts';
import {
  callingWindowProblem,
  defaultCallingSettings,
  pinCodeSchema,
  userNameSchema,
  userSettingsInputSchema,
  type UserCreateInput,
  type UserUpdateInput,
} from '@contract/user-settings.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { z } from '@contract/zod.ts';

/**
 * The user form: the API's own input rules (shared with the sandbox), with every setting present, at least one
 * calling day (none would mean every day to the API, which no one means by unticking them all) and a PIN code that
 * is required on create and optional ("keep the current one") on edit.
 */
export function userFormSchema({ pinRequired }: { pinRequired: boolean }) {
  return userSettingsInputSchema
    .extend({
      UserName: userNameSchema,
      PinCode: pinRequired ? pinCodeSchema : z.union([z.literal(''), pinCodeSchema]),
      Permissions: permissionsSchema,
      CallingWindowDays: z.array(dayNameSchema).min(1, 'Choose at least one day'),
    })
    .superRefine((values, context) => {
      const problem = callingWindowProblem(values.StartTimeOfDay, values.StopTimeOfDay);
      if (problem) context.addIssue({ code: 'custom', path: ['StopTimeOfDay'], message: problem });
    });
}
export type UserFormInput = z.input<ReturnType<typeof userFormSchema>>;
export type UserFormValues = z.output<ReturnType<typeof userFormSchema>>;

/** A new user's starting point: the documented defaults, the account's state and caller ID, own work only. */
export function newUserDefaults(account: { State: string | null; Phone: string | null } | undefined): UserFormInput {
  return {
    UserName: '',
    PinCode: '',
    FirstName: '',
    LastName: '',
    Email: '',
    Phone: '',
    CallerID: formatPhoneNumber(account?.Phone),
    State: (account?.State || 'TX') as UserFormInput['State'],
    ...defaultCallingSettings,
    // Every day, ticked: the API's empty list means the same.
    CallingWindowDays: [...dayNames],
    Permissions: { CanSeeAllBroadcasts: false, CanSeeAllRoster: false, CanSeeAllAudio: false, CanSeeGroupAudio: true },
  };
}

export function userFormValuesOf(user: User): UserFormInput {
  return {
    UserName: user.UserName ?? '',
    PinCode: '',
    FirstName: user.FirstName ?? '',
    LastName: user.LastName ?? '',
    Email: user.Email ?? '',
    Phone: formatPhoneNumber(user.Phone),
    CallerID: formatPhoneNumber(user.CallerID),
    State: user.State as UserFormInput['State'],
    Retries: user.Retries,
    MaxMessageLength: user.MaxMessageLength,
    CallThrottle: user.CallThrottle,
    ContinueOnNextDay: user.ContinueOnNextDay ?? defaultCallingSettings.ContinueOnNextDay,
    StartTimeOfDay: user.StartTimeOfDay ?? { ...defaultCallingSettings.StartTimeOfDay },
    StopTimeOfDay: user.StopTimeOfDay ?? { ...defaultCallingSettings.StopTimeOfDay },
    CallingWindowDays: user.CallingWindowDays.length === 0 ? [...dayNames] : user.CallingWindowDays,
    // A permission the API left out reads as not granted.
    Permissions: {
      CanSeeAllBroadcasts: user.Permissions?.CanSeeAllBroadcasts ?? false,
      CanSeeAllRoster: user.Permissions?.CanSeeAllRoster ?? false,
      CanSeeAllAudio: user.Permissions?.CanSeeAllAudio ?? false,
      CanSeeGroupAudio: user.Permissions?.CanSeeGroupAudio ?? false,
    },
  };
}

export function toCreateInput({ PinCode, ...values }: UserFormValues): UserCreateInput {
  return { ...values, PinCode: PinCode as string };
}

/** Update User Settings takes only what changed; permissions go only when the editor may change them. */
export function toUpdateInput(values: UserFormValues, user: User, { includePermissions }: { includePermissions: boolean }): UserUpdateInput {
  // Compared with what the API holds (phone numbers as digits), not with what the form shows.
  const current: Record<string, unknown> = { ...userFormValuesOf(user), Phone: user.Phone, CallerID: user.CallerID };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values) as [keyof UserFormValues, unknown][]) {
    if (key === 'PinCode' || key === 'Permissions') continue;
    const before = key === 'CallingWindowDays' ? sortedDays(current.CallingWindowDays as DayName[]) : current[key];
    const after = key === 'CallingWindowDays' ? sortedDays(values.CallingWindowDays) : value;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = value;
  }
  if (values.PinCode) changes.PinCode = values.PinCode;
  if (includePermissions && JSON.stringify(values.Permissions) !== JSON.stringify(user.Permissions)) {
    changes.Permissions = values.Permissions;
  }
  return changes as UserUpdateInput;
}

const sortedDays = (days: readonly DayName[]) => [...days].sort();
