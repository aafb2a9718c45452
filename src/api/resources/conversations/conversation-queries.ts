import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { getConversation, listConversations, listTextMessages } from './conversation-requests.ts';
import { RouteNotOfferedError } from '../../route-availability.ts';

/** Threads are read newest first in pages of this many, and shown oldest first. */
export const THREAD_PAGE_SIZE = 50;

type InboxParams = Omit<ListParams, 'page'>;

export const conversationQueries = {
  all: () => ['conversations'] as const,
  lists: () => [...conversationQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...conversationQueries.lists(), params],
      queryFn: ({ signal }) => listConversations(params, signal),
    }),
  /** The inbox: pages of conversations appended as the user moves down. */
  inbox: (params: InboxParams) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.lists(), 'inbox', params],
      queryFn: ({ pageParam, signal }) => listConversations({ ...params, page: pageParam }, signal),
      initialPageParam: 1,
      getNextPageParam: (lastPage, pages) => (lastPage.Next ? pages.length + 1 : undefined),
    }),
  /** Conversations with texts nobody has read (the navigation badge and the tab title). */
  unreadCount: () =>
    queryOptions({
      queryKey: [...conversationQueries.lists(), 'unread-count'],
      queryFn: ({ signal }) => listConversations({ pageSize: 1, filters: [{ field: 'UnreadCount', op: 'gt', value: 0 }] }, signal),
      select: (feed) => feed.Size,
      // Replies arrive at any time; the badge and the tab title follow without a reload, unless the API cannot list
      // conversations at all (decision 0131).
      refetchInterval: (query) => (query.state.error instanceof RouteNotOfferedError ? false : 15_000),
    }),
  details: () => [...conversationQueries.all(), 'detail'] as const,
  detail: (conversationId: number) =>
    queryOptions({
      queryKey: [...conversationQueries.details(), conversationId],
      queryFn: ({ signal }) => getConversation(conversationId, signal),
    }),
  /** A thread, latest texts first, a page at a time. */
  messages: (conversationId: number) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.details(), conversationId, 'messages'],
      queryFn: ({ pageParam, signal }) =>
        listTextMessages(conversationId, { page: pageParam, pageSize: THREAD_PAGE_SIZE, sort: [{ field: 'MessageDate', desc: true }] }, signal),
      initialPageParam: 1,
      getNextPageParam: (lastPage, pages) => (lastPage.Next ? pages.length + 1 : undefined),
    }),
};
