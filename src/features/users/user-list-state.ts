import type { QueryClient } from '@tanstack/react-query';
import type { ListParams } from '@/api/list-params.ts';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import { mayManageUsers } from '@/api/resources/session/session-user.ts';
import { userQueries } from '@/api/resources/users/user-queries.ts';
import { readListState, type ListState } from '@/hooks/use-list-search-params.ts';

/** The Feed request for the users page's search, sort and page. */
export function userListParams(list: ListState<never>): ListParams {
  return { page: list.page, pageSize: list.pageSize, sort: list.sort ? [list.sort] : undefined, search: list.search };
}

/** Asks for the page of users a users-page URL shows, for a master user (the only one it lists them for). */
export function prefetchUserList(queryClient: QueryClient, url: string): void {
  const params = userListParams(readListState(new URL(url).searchParams));
  prefetchWhenSignedIn(queryClient, userQueries.list(params), mayManageUsers);
}
