/**
 * Every route of the app: `path` for the router, `href()` for links. Features link to each other only
 * through these, never by importing one another.
 */
const withQuery = (path: string, query?: Record<string, string | number | undefined | null>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

export const paths = {
  home: { path: '/', href: () => '/' },
  login: {
    path: '/login',
    href: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
  broadcasts: {
    list: { path: '/broadcasts', href: (query?: Record<string, string>) => withQuery('/broadcasts', query) },
    /** The wizard; `from` duplicates a broadcast, `group` prefills the numbers of a report filter; `step` is the step shown. */
    create: {
      path: '/broadcasts/new',
      href: (query?: { from?: number; resultCategory?: string; status?: string; step?: string }) => withQuery('/broadcasts/new', query),
    },
    /** The user's unsent drafts, kept in this browser (decision 0193). */
    drafts: { path: '/broadcasts/drafts', href: () => '/broadcasts/drafts' },
    /** The wizard on one draft; `step` is the step shown. */
    draft: {
      path: '/broadcasts/drafts/:draftId',
      href: (draftId: string, query?: { step?: string }) => withQuery(`/broadcasts/drafts/${encodeURIComponent(draftId)}`, query),
    },
    report: {
      path: '/broadcasts/:broadcastId',
      href: (broadcastId: number, query?: Record<string, string>) => withQuery(`/broadcasts/${broadcastId}`, query),
    },
  },
  contacts: {
    list: { path: '/contacts', href: (query?: Record<string, string>) => withQuery('/contacts', query) },
    detail: { path: '/contacts/:contactId', href: (contactId: number) => `/contacts/${contactId}` },
    import: { path: '/contacts/import', href: (query?: { list?: number }) => withQuery('/contacts/import', query) },
  },
  lists: {
    list: { path: '/lists', href: () => '/lists' },
    detail: { path: '/lists/:listId', href: (listId: number | 'deleted') => `/lists/${listId}` },
  },
  conversations: {
    inbox: { path: '/conversations', href: (query?: Record<string, string>) => withQuery('/conversations', query) },
    thread: {
      path: '/conversations/:conversationId',
      href: (conversationId: number, query?: Record<string, string>) => withQuery(`/conversations/${conversationId}`, query),
    },
    /** The inbox and an open thread are one page (the list stays put while threads change): the id is optional. */
    page: { path: '/conversations/:conversationId?' },
  },
  optOuts: {
    list: { path: '/opt-outs', href: (query?: Record<string, string>) => withQuery('/opt-outs', query) },
  },
  phoneNumbers: {
    history: { path: '/phone-numbers/:phoneNumber', href: (phoneNumber: string) => `/phone-numbers/${phoneNumber}` },
  },
  audio: { list: { path: '/audio', href: () => '/audio' } },
  users: {
    list: { path: '/users', href: () => '/users' },
    create: { path: '/users/new', href: () => '/users/new' },
    edit: { path: '/users/:userId', href: (userId: number) => `/users/${userId}` },
  },
  settings: { path: '/settings', href: () => '/settings' },
  account: { path: '/account', href: () => '/account' },
} as const;
