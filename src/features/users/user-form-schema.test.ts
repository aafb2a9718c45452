import { describe, expect, it } from 'vitest';
import type { User } from '@contract/user.ts';
import { newUserDefaults, toUpdateInput, userFormSchema, userFormValuesOf } from './user-form-schema.ts';

const han: User = {
  UserID: 73314,
  UserName: 'han@cea',
  FirstName: 'Han',
  LastName: 'Solo',
  Email: 'han@galaxy.com',
  Phone: '4155550142',
  CallerID: '4155550142',
  Retries: 1,
  MaxMessageLength: 60,
  CallThrottle: 5,
  ContinueOnNextDay: false,
  StartTimeOfDay: { Hour: 9, Minute: 0 },
  StopTimeOfDay: { Hour: 18, Minute: 0 },
  CallingWindowDays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  State: 'CA',
  Permissions: { CanSeeAllBroadcasts: false, CanSeeAllRoster: false, CanSeeAllAudio: false, CanSeeGroupAudio: true },
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('the user form', () => {
  it('needs a PIN code on create but not on edit', () => {
    const values = { ...newUserDefaults(undefined), UserName: 'new@cea' };
    expect(issuesOf(userFormSchema({ pinRequired: true }).safeParse(values))[0]).toBe('PinCode: At least 8 characters');
    expect(userFormSchema({ pinRequired: false }).safeParse(values).success).toBe(true);
  });

  it('puts a window that closes before it opens on the stop time, and needs a calling day', () => {
    const values = { ...userFormValuesOf(han), StopTimeOfDay: { Hour: 8, Minute: 0 }, CallingWindowDays: [] };
    expect(issuesOf(userFormSchema({ pinRequired: false }).safeParse(values))).toEqual([
      'CallingWindowDays: Choose at least one day',
      'StopTimeOfDay: The calling window must end after it starts',
    ]);
  });

  it('sends only what changed, phone numbers compared as digits', () => {
    const typed = { ...userFormValuesOf(han), Phone: '(415) 555-0142', Retries: 3, CallingWindowDays: ['Saturday', 'Friday'] };
    const values = userFormSchema({ pinRequired: false }).parse(typed);
    expect(toUpdateInput(values, han, { includePermissions: false })).toEqual({ Retries: 3, CallingWindowDays: ['Saturday', 'Friday'] });
  });

  it('sends permissions and a new PIN code only when given and allowed', () => {
    const typed = { ...userFormValuesOf(han), PinCode: 'new-pin-42', Permissions: { ...han.Permissions, CanSeeAllAudio: true } };
    const values = userFormSchema({ pinRequired: false }).parse(typed);
    expect(toUpdateInput(values, han, { includePermissions: false })).toEqual({ PinCode: 'new-pin-42' });
    expect(toUpdateInput(values, han, { includePermissions: true })).toEqual({
      PinCode: 'new-pin-42',
      Permissions: { ...han.Permissions, CanSeeAllAudio: true },
    });
  });
});
