import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { notOfferedSentenceOf } from '@/utils/not-offered.ts';
import { ApiError } from './api-error.ts';
import {
  isFeatureOffered,
  noteFailedAnswer,
  optionalFeatureOf,
  resetRouteAvailability,
  RouteNotOfferedError,
  useFeatureOffered,
} from './route-availability.ts';

const routeNotFound = new ApiError('There is no POST /v1/broadcasts/7/pause in the v1 API.', {
  status: 404,
  errorCode: 2002,
  errorName: 'RouteNotFound',
});
const recordNotFound = new ApiError('Broadcast 7 was not found.', { status: 404, errorCode: 2001, errorName: 'ResourceNotFound' });
/** ASP.NET's own answer to an unknown route: not the documented error body. */
const frameworkNotFound = new ApiError('The request failed (HTTP 404).', { status: 404 });
const methodNotAllowed = new ApiError('The request failed (HTTP 405).', { status: 405 });

afterEach(resetRouteAvailability);

describe('route availability', () => {
  it('knows which feature an optional route belongs to, and leaves documented routes alone', () => {
    expect(optionalFeatureOf('POST', '/v1/broadcasts/39601/pause')).toBe('broadcastPause');
    expect(optionalFeatureOf('GET', '/v1/account/usage?from=2026-01-01')).toBe('accountUsage');
    expect(optionalFeatureOf('GET', '/v1/account/users?page=1')).toBe('userList');
    expect(optionalFeatureOf('DELETE', '/v1/optouts/6153308426?channel=voice')).toBe('optOutRemove');
    expect(optionalFeatureOf('GET', '/v1/broadcasts/39601')).toBeNull();
    expect(optionalFeatureOf('POST', '/v1/audio/greeting.mp3')).toBeNull();
    expect(optionalFeatureOf('GET', '/v1/conversations/single?phonenumber=1')).toBeNull();
  });

  it('learns that a route is missing from RouteNotFound, a foreign 404 or a 405', () => {
    for (const [path, error] of [
      ['/v1/broadcasts/7/pause', routeNotFound],
      ['/v1/broadcasts/7/resume', frameworkNotFound],
      ['/v1/broadcasts/7/cancel', methodNotAllowed],
    ] as const) {
      const thrown = noteFailedAnswer('POST', path, error);
      expect(thrown).toBeInstanceOf(RouteNotOfferedError);
      expect(thrown.status).toBe(error.status);
    }
    expect(isFeatureOffered('broadcastPause')).toBe(false);
    expect(isFeatureOffered('broadcastResume')).toBe(false);
    expect(isFeatureOffered('broadcastCancel')).toBe(false);
    expect(notOfferedSentenceOf(noteFailedAnswer('POST', '/v1/broadcasts/7/pause', routeNotFound))).toBe('Pausing is not offered by this API.');
  });

  it('does not take a missing record for a missing route', () => {
    expect(noteFailedAnswer('POST', '/v1/broadcasts/7/pause', recordNotFound)).toBe(recordNotFound);
    expect(isFeatureOffered('broadcastPause')).toBe(true);
  });

  it('does not take a documented route for a missing one, whatever it answers', () => {
    expect(noteFailedAnswer('GET', '/v1/contacts/12', routeNotFound)).toBe(routeNotFound);
    expect(notOfferedSentenceOf(routeNotFound)).toBeNull();
  });

  it('tells components when a feature goes missing', () => {
    const { result } = renderHook(() => useFeatureOffered('accountUsage'));
    expect(result.current).toBe(true);
    act(() => void noteFailedAnswer('GET', '/v1/account/usage', routeNotFound));
    expect(result.current).toBe(false);
  });
});
