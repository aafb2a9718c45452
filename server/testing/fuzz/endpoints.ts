import { contactFeedSpec } from '../../sandbox/model/contacts.ts';
import { listFeedSpec } from '../../sandbox/model/lists.ts';
import { silentMp3, multipartBody } from '../audio-fixtures.ts';

/** Kinds of real IDs a path parameter or a body can name, drawn from the sandbox's database as the fuzz runs. */
export type IdKind = 'audio' | 'broadcast' | 'contact' | 'conversation' | 'draft' | 'fileUpload' | 'list' | 'optedOutPhone' | 'phone' | 'textNumber' | 'user';

export type IdPool = Record<IdKind, readonly string[]>;

/** A body as it goes on the wire. */
export type FuzzBody = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string | Buffer; contentType: string | null };

export interface FuzzEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as the sandbox declares it, without its parameter patterns: `/v1/contacts/:id`. */
  route: string;
  /** What each path parameter names. */
  params?: Record<string, IdKind | 'fileName'>;
  /** Fields of the endpoint's feed (filters and sorting), when it is a list. */
  feed?: readonly string[];
  /** The endpoint's own query parameters. */
  query?: readonly string[];
  /** A body it accepts, built from real IDs; `n` is unique per call (new names and numbers). */
  body?: (ids: IdPool, n: number) => FuzzBody;
  /** Sending no body means "every matching contact": the fuzz always names some, so one case cannot empty the account. */
  bodyRequired?: boolean;
}

const json = (value: unknown): FuzzBody => ({ kind: 'json', value });
const pick = (values: readonly string[], n: number) => values[n % Math.max(1, values.length)] ?? '1';
const num = (values: readonly string[], n: number) => Number(pick(values, n));
/** A valid US number no demo contact has (the 605-4xx exchange is unused by the demo data). */
const freshPhone = (n: number) => `605${String(400 + (n % 600)).padStart(3, '0')}${String(n % 10_000).padStart(4, '0')}`;

/** Feeds whose specs the sandbox exports are read from them, so the fuzz follows their fields. */
const contactFields = Object.keys(contactFeedSpec.fields);
const listFields = Object.keys(listFeedSpec.fields);
const broadcastFields = [
  'BroadcastID',
  'BroadcastName',
  'BroadcastType',
  'BroadcastStatus',
  'BroadcastStatusCategory',
  'CreatedDate',
  'StartDate',
  'CompletedDate',
  'CallerID',
  'CreditsUsed',
  'PhoneNumberCount',
  'HasCustomField',
  'TextNumberID',
] as const;

const broadcastBody = (ids: IdPool, n: number) =>
  json(
    [
      { BroadcastName: `Fuzz ${n}`, BroadcastType: 'SMS', TextMessage: 'Hello {{FirstName}}', Contacts: [{ PrimaryPhone: freshPhone(n) }] },
      { BroadcastName: `Fuzz ${n}`, BroadcastType: 'Announcement', Audio: { TextToSpeech: true, Text: 'Hello' }, Lists: [{ ListID: num(ids.list, n) }] },
      {
        BroadcastType: 'SMSAndSurvey',
        TextMessage: 'Vote',
        Audio: { AudioID: pick(ids.audio, n) },
        Survey: { Question: 'Q', Options: [{ Key: '1', Label: 'Yes' }] },
        Contacts: [{ PrimaryPhone: freshPhone(n) }],
      },
      {
        BroadcastType: 'Survey',
        Audio: { TextToSpeech: true, Text: 'Press 1' },
        FileUploads: [{ FileID: pick(ids.fileUpload, n) }],
        StartDate: '1/5/2030 9:00AM',
        RetryTimes: 2,
        CallThrottle: 5,
      },
    ][n % 4],
  );

/**
 * Every route of the sandbox (`server/sandbox/routes/*.ts`; the fuzz test checks that this list and the routes agree),
 * with what its parameters name and a body it accepts, for the fuzz to start from.
 */
export const fuzzEndpoints: readonly FuzzEndpoint[] = [
  { method: 'POST', route: '/v1/user/login', body: () => json({ UserName: 'apitest@cea', PinCode: 'notmypwd123!!!' }) },

  { method: 'GET', route: '/v1/account' },
  { method: 'GET', route: '/v1/account/usage', query: ['date-from', 'date-to'] },

  { method: 'GET', route: '/v1/account/users', feed: ['UserID', 'UserName', 'FirstName', 'LastName', 'Email', 'State', 'IsMasterUser'] },
  { method: 'GET', route: '/v1/account/users/:id', params: { id: 'user' } },
  {
    method: 'POST',
    route: '/v1/account/users',
    body: (_ids, n) => json({ UserName: `fuzz${n}@cea`, PinCode: 'fuzz-pin-1', FirstName: 'Fuzz', LastName: `User ${n}`, State: 'SD' }),
  },
  {
    method: 'PUT',
    route: '/v1/account/users/:id',
    params: { id: 'user' },
    body: () => json({ FirstName: 'Renamed', Retries: 2, CallingWindowDays: ['Monday', 'Friday'], StartTimeOfDay: { Hour: 8, Minute: 30 } }),
  },

  {
    method: 'GET',
    route: '/v1/audio',
    feed: ['AudioID', 'Name', 'Description', 'Favorite', 'Shared', 'Length', 'MessageType', 'TextToSpeech', 'Voice', 'Created', 'LastUsed', 'UserID'],
  },
  { method: 'GET', route: '/v1/audio/:id', params: { id: 'audio' } },
  { method: 'GET', route: '/v1/audio/:id/content', params: { id: 'audio' } },
  {
    method: 'POST',
    route: '/v1/audio',
    body: (_ids, n) => json({ TextToSpeech: true, Text: `Message ${n}`, Name: `Fuzz ${n}`, Voice: 'Joanna', Favorite: true }),
  },
  {
    method: 'POST',
    route: '/v1/audio/:filename',
    params: { filename: 'fileName' },
    body: () => ({
      kind: 'raw',
      text: multipartBody('fuzzboundary', { name: 'File', fileName: 'fuzz.mp3', contentType: 'audio/mpeg', data: silentMp3(20) }),
      contentType: 'multipart/form-data; boundary=fuzzboundary',
    }),
  },
  { method: 'PUT', route: '/v1/audio/:id', params: { id: 'audio' }, body: (_ids, n) => json({ Name: `Renamed ${n}`, Description: 'Fuzzed', Shared: true }) },
  { method: 'DELETE', route: '/v1/audio/:id', params: { id: 'audio' } },

  { method: 'GET', route: '/v1/broadcasts', feed: broadcastFields },
  { method: 'GET', route: '/v1/broadcasts/:id', params: { id: 'broadcast' } },
  {
    method: 'GET',
    route: '/v1/broadcasts/:id/details',
    params: { id: 'broadcast' },
    feed: [
      'FirstName',
      'LastName',
      'PhoneNumber',
      'NumberOfAttempts',
      'LastCallTime',
      'CallResultCategory',
      'CallStatus',
      'TextResultCategory',
      'TextStatus',
      'MessageText',
    ],
  },
  { method: 'POST', route: '/v1/broadcasts', body: broadcastBody },
  { method: 'POST', route: '/v1/broadcasts/preview', body: broadcastBody },
  { method: 'POST', route: '/v1/broadcasts/:id/pause', params: { id: 'broadcast' } },
  { method: 'POST', route: '/v1/broadcasts/:id/resume', params: { id: 'broadcast' } },
  { method: 'POST', route: '/v1/broadcasts/:id/cancel', params: { id: 'broadcast' } },
  { method: 'DELETE', route: '/v1/broadcasts/:id', params: { id: 'broadcast' } },
  { method: 'POST', route: '/v1/draftbroadcasts', body: (_ids, n) => json({ Contacts: [{ PrimaryPhone: freshPhone(n), FirstName: 'Draft' }] }) },
  { method: 'GET', route: '/v1/draftbroadcasts/:id', params: { id: 'draft' } },
  {
    method: 'POST',
    route: '/v1/singlesignon/conversations',
    body: (ids, n) => json(n % 2 === 0 ? {} : { TextNumber: '18338028132', PhoneNumber: pick(ids.phone, n), Customization: { EditEnabled: true } }),
  },

  { method: 'GET', route: '/v1/contacts', feed: contactFields },
  { method: 'GET', route: '/v1/contacts/:id', params: { id: 'contact' } },
  {
    method: 'POST',
    route: '/v1/contacts',
    body: (ids, n) => json({ FirstName: 'Fuzz', LastName: `Contact ${n}`, PrimaryPhone: freshPhone(n), Notes: 'fuzz', Lists: [{ ListID: num(ids.list, n) }] }),
  },
  {
    method: 'PUT',
    route: '/v1/contacts/:id',
    params: { id: 'contact' },
    body: (ids, n) => json({ Notes: `Edited ${n}`, Lists: [{ ListID: num(ids.list, n) }] }),
  },
  { method: 'DELETE', route: '/v1/contacts/:id', params: { id: 'contact' }, query: ['MoveToDeleted'] },
  {
    method: 'DELETE',
    route: '/v1/contacts',
    feed: contactFields,
    query: ['movetodeleted'],
    body: (ids, n) => json([{ PersonID: num(ids.contact, n) }]),
    bodyRequired: true,
  },
  { method: 'POST', route: '/v1/contacts/import', body: (ids, n) => json({ FileID: pick(ids.fileUpload, n), ListID: num(ids.list, n), DryRun: n % 2 === 0 }) },
  { method: 'GET', route: '/v1/contacts/import/:id/problems', params: { id: 'fileUpload' }, query: ['FirstRowNumber'] },

  {
    method: 'POST',
    route: '/v1/fileuploads',
    query: ['FileName'],
    body: (_ids, n) => ({ kind: 'raw', text: `First Name,Phone Number\nFuzz,${freshPhone(n)}\n`, contentType: 'text/csv' }),
  },
  { method: 'GET', route: '/v1/fileuploads/:id', params: { id: 'fileUpload' } },

  { method: 'GET', route: '/v1/lists', feed: listFields },
  { method: 'GET', route: '/v1/lists/:id', params: { id: 'list' } },
  {
    method: 'POST',
    route: '/v1/lists',
    body: (_ids, n) => json({ ListName: `Fuzz list ${n}`, ListDescription: 'fuzz', SMSName: `FUZZ${n}`, IsAutoReplyOn: false }),
  },
  { method: 'PUT', route: '/v1/lists/:id', params: { id: 'list' }, body: (_ids, n) => json({ ListDescription: `Edited ${n}` }) },
  { method: 'DELETE', route: '/v1/lists/:id', params: { id: 'list' } },
  { method: 'GET', route: '/v1/lists/:id/contacts', params: { id: 'list' }, feed: contactFields },
  {
    method: 'POST',
    route: '/v1/lists/:id/contacts',
    params: { id: 'list' },
    feed: contactFields,
    body: (ids, n) => json([{ PersonID: num(ids.contact, n) }]),
    bodyRequired: true,
  },
  { method: 'DELETE', route: '/v1/lists/:id/contacts/:contactId', params: { id: 'list', contactId: 'contact' } },
  {
    method: 'DELETE',
    route: '/v1/lists/:id/contacts',
    params: { id: 'list' },
    feed: contactFields,
    body: (ids, n) => json([{ PersonID: num(ids.contact, n) }]),
    bodyRequired: true,
  },

  { method: 'GET', route: '/v1/textnumbers', feed: ['TextNumberID', 'TextPhoneNumber', 'Name', 'Description', 'IsDefault'] },
  { method: 'GET', route: '/v1/textnumbers/:id', params: { id: 'textNumber' } },

  {
    method: 'GET',
    route: '/v1/conversations',
    feed: [
      'ConversationID',
      'TextNumberID',
      'TextPhoneNumber',
      'PhoneNumber',
      'IsDone',
      'UnreadCount',
      'PersonID',
      'FirstName',
      'BroadcastID',
      'CreatedDate',
      'LastMessageDate',
    ],
  },
  { method: 'GET', route: '/v1/conversations/single', query: ['textphonenumber', 'phonenumber'] },
  { method: 'GET', route: '/v1/conversations/:id', params: { id: 'conversation' } },
  {
    method: 'GET',
    route: '/v1/conversations/:id/textmessages',
    params: { id: 'conversation' },
    feed: ['TextMessageID', 'Direction', 'Status', 'MessageDate', 'BroadcastID'],
  },
  {
    method: 'POST',
    route: '/v1/conversations',
    body: (ids, n) =>
      n % 2 === 0
        ? json({ TextNumberID: num(ids.textNumber, n), LastMessage: { Message: `Hi ${n}`, Contact: { PrimaryPhone: freshPhone(n), FirstName: 'Fuzz' } } })
        : json({ TextPhoneNumber: '18338028132', PhoneNumber: pick(ids.phone, n) }),
  },
  {
    method: 'POST',
    route: '/v1/conversations/:id/textmessages',
    params: { id: 'conversation' },
    body: (_ids, n) => json({ Message: `Reply ${n}`, TruncateIfExceedsLimit: false }),
  },
  { method: 'PUT', route: '/v1/conversations/:id', params: { id: 'conversation' }, body: (_ids, n) => json({ IsDone: n % 2 === 0, IsRead: true }) },

  {
    method: 'GET',
    route: '/v1/optouts',
    feed: ['PhoneNumber', 'FirstName', 'LastName', 'Notes', 'OptOutDate', 'DoNotCall', 'DoNotText', 'GlobalOptOut'],
    query: ['date-from'],
  },
  { method: 'GET', route: '/v1/optouts/:phoneNumber', params: { phoneNumber: 'optedOutPhone' } },
  {
    method: 'GET',
    route: '/v1/optouts/:phoneNumber/history',
    params: { phoneNumber: 'optedOutPhone' },
    feed: ['EventID', 'Action', 'Source', 'DoNotCall', 'DoNotText', 'EventDate'],
  },
  { method: 'POST', route: '/v1/optouts', body: (ids, n) => json({ PhoneNumber: pick(ids.phone, n), DoNotText: true, Notes: 'fuzz' }) },
  {
    method: 'DELETE',
    route: '/v1/optouts/:phoneNumber',
    params: { phoneNumber: 'optedOutPhone' },
    query: ['channel'],
    body: () => json({ Notes: 'Asked again' }),
  },

  {
    method: 'GET',
    route: '/v1/phonenumbers/:phoneNumber/broadcasts',
    params: { phoneNumber: 'phone' },
    feed: ['BroadcastID', 'BroadcastName', 'BroadcastType', 'BroadcastStatus', 'Channel', 'StartDate', 'CallResultCategory', 'TextResultCategory'],
  },

  { method: 'GET', route: '/sandbox/clock' },
  { method: 'POST', route: '/sandbox/clock/advance', body: (_ids, n) => json({ Minutes: n % 3 }) },
  { method: 'GET', route: '/sandbox/recordings' },
  { method: 'POST', route: '/sandbox/recordings', body: (_ids, n) => json({ RecordingCode: String(100_000 + n), Seconds: 1 + (n % 30) }) },
  // These end the token the case is signed with (the fuzz logs in again when a token is refused).
  { method: 'DELETE', route: '/sandbox/auth-tokens/current' },
  { method: 'DELETE', route: '/sandbox/auth-tokens' },
];

/** `/v1/contacts/:id{[0-9]+}` -> `/v1/contacts/:id` */
export const withoutPatterns = (route: string) => route.replace(/\{[^}]*\}/g, '');
