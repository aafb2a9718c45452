import { queryOptions } from '@tanstack/react-query';
import { broadcastGroupSchema, type BroadcastGroup, type BroadcastGroupInput } from '@contract/broadcast-group.ts';
import { z } from '@contract/zod.ts';
import { apiRequest } from './api-client.ts';
import { ApiError, isApiError } from './api-error.ts';

/**
 * Broadcasts sent "in each zone at a local time", one per recipient time zone. The API links nothing: our server
 * keeps each group for the account (PUT and GET /api/broadcast-groups; decision 0196).
 */

/** Our own answer is read strictly: a group that does not fit fails as an unreadable answer, never as half a group. */
function readGroup(answer: unknown): BroadcastGroup {
  const parsed = broadcastGroupSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new ApiError('The server answered in a form this app does not understand.', { status: 200, errorName: 'InvalidResponse' });
}

/** Creates the group or replaces its parts; who made it first, and when, stay as they were. */
export async function putBroadcastGroup(groupId: string, input: BroadcastGroupInput): Promise<BroadcastGroup> {
  return readGroup(await apiRequest(`/broadcast-groups/${encodeURIComponent(groupId)}`, { method: 'PUT', body: input, schema: z.unknown() }));
}

/** The group that holds the broadcast, or null when it is in none (404). */
export async function getBroadcastGroupOf(broadcastId: number, signal?: AbortSignal): Promise<BroadcastGroup | null> {
  try {
    return readGroup(await apiRequest(`/broadcast-groups?broadcastId=${broadcastId}`, { schema: z.unknown(), signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const broadcastGroupQueries = {
  all: () => ['broadcast-groups'] as const,
  ofBroadcast: (broadcastId: number) =>
    queryOptions({
      queryKey: [...broadcastGroupQueries.all(), 'of-broadcast', broadcastId] as const,
      queryFn: ({ signal }) => getBroadcastGroupOf(broadcastId, signal),
      // Written by the wizard while it creates the parts, then left alone: half a minute is fresh enough.
      staleTime: 30_000,
    }),
};
