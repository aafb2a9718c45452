import { apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { feedSchema } from '@contract/feed.ts';
import type { UserCreateInput, UserUpdateInput } from '@contract/user-settings.ts';
import { userSchema, type User } from '@contract/user.ts';

const userFeedSchema = feedSchema(userSchema);

export function listUsers(params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/account/users${buildListQuery(params)}`, { schema: userFeedSchema, signal });
}

export function getUser(userId: number, signal?: AbortSignal): Promise<User> {
  return apiRequest(`/v1/account/users/${userId}`, { schema: userSchema, signal });
}

export function createUser(input: UserCreateInput): Promise<User | CreatedUnread> {
  return apiCreate('/v1/account/users', { body: input, schema: userSchema });
}

/** Sends only the fields to change; the API answers the whole user. */
export function updateUser(userId: number, input: UserUpdateInput): Promise<User> {
  return apiRequest(`/v1/account/users/${userId}`, { method: 'PUT', body: input, schema: userSchema });
}
