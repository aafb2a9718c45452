import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error.ts';
import { isForbidden, isKnownMasterUser, mayManageUsers } from './session-user.ts';

describe('who is offered what only master users may do', () => {
  it('offers it unless the API said the user is not a master user', () => {
    expect(mayManageUsers({ IsMasterUser: true })).toBe(true);
    expect(mayManageUsers({})).toBe(true);
    expect(mayManageUsers({ IsMasterUser: null })).toBe(true);
    expect(mayManageUsers({ IsMasterUser: false })).toBe(false);
  });

  it('offers nothing before anyone is signed in', () => {
    expect(mayManageUsers(null)).toBe(false);
    expect(mayManageUsers(undefined)).toBe(false);
  });

  it('keeps what the app itself must not guess for a known master user', () => {
    expect(isKnownMasterUser({ IsMasterUser: true })).toBe(true);
    expect(isKnownMasterUser({})).toBe(false);
    expect(isKnownMasterUser({ IsMasterUser: false })).toBe(false);
  });

  it('tells the API refusing apart from other failures', () => {
    expect(isForbidden(new ApiError('Forbidden', { status: 403 }))).toBe(true);
    expect(isForbidden(new ApiError('Bad request', { status: 400 }))).toBe(false);
    expect(isForbidden(new Error('offline'))).toBe(false);
  });
});
