import { apiRequest } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { broadcastDeleteResultSchema, broadcastSchema, type Broadcast, type BroadcastDeleteResult } from '../../schemas/broadcast.ts';
import { broadcastDetailSchema, type BroadcastDetail } from '../../schemas/broadcast-detail.ts';
import { feedSchema, type Feed } from '../../schemas/feed.ts';

const broadcastFeedSchema = feedSchema(broadcastSchema);
const detailFeedSchema = feedSchema(broadcastDetailSchema);

export function listBroadcasts(params: ListParams, signal?: AbortSignal): Promise<Feed<Broadcast>> {
  return apiRequest(`/v1/broadcasts${buildListQuery(params)}`, { schema: broadcastFeedSchema, signal });
}

export function getBroadcast(broadcastId: number, signal?: AbortSignal): Promise<Broadcast> {
  return apiRequest(`/v1/broadcasts/${broadcastId}`, { schema: broadcastSchema, signal });
}

/** The per-number results feed of a broadcast, with the query in the API's own filter language. */
export const broadcastDetailsPath = (broadcastId: number, params: ListParams) =>
  `/v1/broadcasts/${broadcastId}/details${buildListQuery(params)}`;

export function listBroadcastDetails(broadcastId: number, params: ListParams, signal?: AbortSignal): Promise<Feed<BroadcastDetail>> {
  return apiRequest(broadcastDetailsPath(broadcastId, params), { schema: detailFeedSchema, signal });
}

/** How many numbers match: the Feed's Size, asked for with a one-item page. */
export async function countBroadcastDetails(broadcastId: number, params: ListParams, signal?: AbortSignal): Promise<number> {
  const feed = await listBroadcastDetails(broadcastId, { ...params, page: 1, pageSize: 1 }, signal);
  return feed.Size;
}

// Pause, resume, cancel and delete (docs/decisions/0010-broadcast-lifecycle.md); a combo's halves act together.

export function pauseBroadcast(broadcastId: number): Promise<Broadcast> {
  return apiRequest(`/v1/broadcasts/${broadcastId}/pause`, { method: 'POST', schema: broadcastSchema });
}

export function resumeBroadcast(broadcastId: number): Promise<Broadcast> {
  return apiRequest(`/v1/broadcasts/${broadcastId}/resume`, { method: 'POST', schema: broadcastSchema });
}

export function cancelBroadcast(broadcastId: number): Promise<Broadcast> {
  return apiRequest(`/v1/broadcasts/${broadcastId}/cancel`, { method: 'POST', schema: broadcastSchema });
}

export function deleteBroadcast(broadcastId: number): Promise<BroadcastDeleteResult> {
  return apiRequest(`/v1/broadcasts/${broadcastId}`, { method: 'DELETE', schema: broadcastDeleteResultSchema });
}
