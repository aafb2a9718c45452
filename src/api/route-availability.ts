import { useSyncExternalStore } from 'react';
import type { NotOffered } from '@/utils/not-offered.ts';
import { ApiError } from './api-error.ts';

/**
 * Routes the real API may not have (REFERENCE.md's [inferred] routes and our own), by the feature that needs them,
 * with the sentence shown in that feature's place once the API says it has no such route (decision 0131).
 * Documented routes are never here: their 404 always means a missing record.
 */
const optionalRoutes = {
  broadcastPreview: { route: 'POST /v1/broadcasts/preview', sentence: 'Previewing a broadcast is not offered by this API.' },
  broadcastPause: { route: 'POST /v1/broadcasts/{id}/pause', sentence: 'Pausing is not offered by this API.' },
  broadcastResume: { route: 'POST /v1/broadcasts/{id}/resume', sentence: 'Resuming is not offered by this API.' },
  broadcastCancel: { route: 'POST /v1/broadcasts/{id}/cancel', sentence: 'Canceling is not offered by this API.' },
  broadcastDelete: { route: 'DELETE /v1/broadcasts/{id}', sentence: 'Deleting broadcasts is not offered by this API.' },
  draftBroadcast: { route: 'GET /v1/draftbroadcasts/{id}', sentence: 'Opening a staged draft is not offered by this API.' },
  accountUsage: { route: 'GET /v1/account/usage', sentence: 'The usage report is not offered by this API.' },
  userList: { route: 'GET /v1/account/users', sentence: "Listing the account's users is not offered by this API." },
  userDetails: { route: 'GET /v1/account/users/{id}', sentence: "Reading a user's details is not offered by this API." },
  audioList: { route: 'GET /v1/audio', sentence: 'Listing the audio library is not offered by this API.' },
  audioDetails: { route: 'GET /v1/audio/{audioId}', sentence: 'Reading an audio item is not offered by this API.' },
  audioTextToSpeech: { route: 'POST /v1/audio', sentence: 'Saving text-to-speech messages is not offered by this API.' },
  audioEdit: { route: 'PUT /v1/audio/{audioId}', sentence: 'Renaming audio is not offered by this API.' },
  audioDelete: { route: 'DELETE /v1/audio/{audioId}', sentence: 'Deleting audio is not offered by this API.' },
  textNumberDetails: { route: 'GET /v1/textnumbers/{id}', sentence: 'Reading a text number is not offered by this API.' },
  conversationList: { route: 'GET /v1/conversations', sentence: 'Listing conversations is not offered by this API.' },
  conversationDetails: { route: 'GET /v1/conversations/{id}', sentence: 'Opening a conversation is not offered by this API.' },
  conversationMessages: {
    route: 'GET /v1/conversations/{id}/textmessages',
    sentence: "Reading a conversation's messages is not offered by this API.",
  },
  conversationDone: { route: 'PUT /v1/conversations/{id}', sentence: 'Marking conversations done is not offered by this API.' },
  contactUpdate: { route: 'PUT /v1/contacts/{id}', sentence: 'Editing contacts is not offered by this API.' },
  contactImport: { route: 'POST /v1/contacts/import', sentence: 'Importing contacts in one step is not offered by this API.' },
  importProblems: { route: 'GET /v1/contacts/import/{fileId}/problems', sentence: "An import's problem rows are not offered by this API." },
  fileUploadDetails: { route: 'GET /v1/fileuploads/{fileId}', sentence: 'Reading an uploaded file is not offered by this API.' },
  listUpdate: { route: 'PUT /v1/lists/{id}', sentence: 'Renaming lists is not offered by this API.' },
  listAddContacts: { route: 'POST /v1/lists/{id}/contacts', sentence: 'Adding contacts to a list is not offered by this API.' },
  unfiledList: { route: 'GET /v1/lists/unfiled', sentence: 'The Unfiled list is not offered by this API.' },
  deletedList: { route: 'GET /v1/lists/deleted', sentence: 'The Deleted folder is not offered by this API.' },
  optOutAdd: { route: 'POST /v1/optouts', sentence: 'Adding opt-outs is not offered by this API.' },
  optOutRemove: { route: 'DELETE /v1/optouts/{phoneNumber}', sentence: 'Removing opt-outs is not offered by this API.' },
  optOutDetails: { route: 'GET /v1/optouts/{phoneNumber}', sentence: "Reading a number's opt-out is not offered by this API." },
  optOutHistory: {
    route: 'GET /v1/optouts/{phoneNumber}/history',
    sentence: "A number's opt-out history is not offered by this API.",
  },
  phoneNumberBroadcasts: {
    route: 'GET /v1/phonenumbers/{phoneNumber}/broadcasts',
    sentence: "A number's broadcasts are not offered by this API.",
  },
} as const satisfies Record<string, { route: string; sentence: string }>;

export type OptionalFeature = keyof typeof optionalRoutes;

/** The sentence shown in a feature's place when the API lacks its route. */
export const notOfferedSentence = (feature: OptionalFeature): string => optionalRoutes[feature].sentence;

// `{id}` and `{phoneNumber}` are numbers, so `/v1/conversations/single` is not `/v1/conversations/{id}`.
const placeholderPattern = (name: string) => (name === 'id' || name === 'phoneNumber' ? '-?\\d+' : '[^/]+');
const matchers = Object.entries(optionalRoutes).map(([feature, { route }]) => {
  const [method, path] = route.split(' ') as [string, string];
  const pattern = path.replace(/\{(\w+)\}/g, (_placeholder, name: string) => placeholderPattern(name));
  return { feature: feature as OptionalFeature, method, regex: new RegExp(`^${pattern}/?$`, 'i') };
});

/** The optional feature a request belongs to, if any (the query string does not count). */
export function optionalFeatureOf(method: string, path: string): OptionalFeature | null {
  const bare = path.split('?')[0]!;
  return matchers.find((matcher) => matcher.method === method && matcher.regex.test(bare))?.feature ?? null;
}

/**
 * Whether an answer says the route itself is missing, not a record: 405, or a 404 that is not the documented
 * "no such record" answer, i.e. `RouteNotFound` or a body that is not the documented error body at all (a web
 * framework's own page). A 404 with any other documented error is a record that is gone (decision 0131).
 */
export function isMissingRouteAnswer(error: ApiError): boolean {
  if (error.status === 405) return true;
  if (error.status !== 404) return false;
  return error.errorName === 'RouteNotFound' || error.errorCode === null;
}

/**
 * The failure of a route the API does not have: still an ApiError, whose message is the feature's sentence, so
 * even a form that shows any error's message says it plainly.
 */
export class RouteNotOfferedError extends ApiError implements NotOffered {
  override name = 'RouteNotOfferedError';
  readonly feature: OptionalFeature;
  readonly notOffered: string;

  constructor(feature: OptionalFeature, cause: ApiError) {
    super(notOfferedSentence(feature), { status: cause.status, errorCode: cause.errorCode, errorName: cause.errorName });
    this.feature = feature;
    this.notOffered = notOfferedSentence(feature);
  }
}

/** A 404 that means the record is gone, not that the API lacks the route. */
export const isRecordNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404 && !(error instanceof RouteNotOfferedError);

// What this page has learnt: kept until it is reloaded, so a feature is asked about at most once a page load.
const missing = new Set<OptionalFeature>();
const listeners = new Set<() => void>();

/**
 * Called by apiRequest for every failed answer: a missing optional route is remembered and its error becomes a
 * RouteNotOfferedError; any other error is returned as it is.
 */
export function noteFailedAnswer(method: string, path: string, error: ApiError): ApiError {
  if (!isMissingRouteAnswer(error)) return error;
  const feature = optionalFeatureOf(method, path);
  if (feature === null) return error;
  if (!missing.has(feature)) {
    missing.add(feature);
    for (const listener of listeners) listener();
  }
  return new RouteNotOfferedError(feature, error);
}

export const isFeatureOffered = (feature: OptionalFeature): boolean => !missing.has(feature);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the API offers a feature, as far as this page knows: true until its route has answered as missing. */
export function useFeatureOffered(feature: OptionalFeature): boolean {
  return useSyncExternalStore(subscribe, () => isFeatureOffered(feature));
}

/** The sentence to show in a feature's place once the API is known to lack it; null while it is offered. */
export function useNotOfferedSentence(feature: OptionalFeature): string | null {
  return useFeatureOffered(feature) ? null : notOfferedSentence(feature);
}

/** Forgets what was learnt (tests). */
export function resetRouteAvailability(): void {
  missing.clear();
  for (const listener of listeners) listener();
}
