import { apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import {
  broadcastCreateResultSchema,
  broadcastDeleteResultSchema,
  broadcastSchema,
  type Broadcast,
  type BroadcastCreateInput,
  type BroadcastCreateResult,
  type BroadcastDeleteResult,
} from '@contract/broadcast.ts';
import { broadcastPlanSchema, type BroadcastPlan } from '@contract/broadcast-plan.ts';
import { draftBroadcastBodySchema, type DraftBroadcastBody } from '@contract/draft-broadcast.ts';
import { broadcastDetailSchema, type BroadcastDetail } from '@contract/broadcast-detail.ts';
import { feedSchema, type Feed } from '@contract/feed.ts';

const broadcastFeedSchema = feedSchema(broadcastSchema);
const detailFeedSchema = feedSchema(broadcastDetailSchema);

export function listBroadcasts(params: ListParams, signal?: AbortSignal): Promise<Feed<Broadcast>> {
  return apiRequest(`/v1/broadcasts${buildListQuery(params)}`, { schema: broadcastFeedSchema, signal });
}

export function getBroadcast(broadcastId: number, signal?: AbortSignal): Promise<Broadcast> {
  return apiRequest(`/v1/broadcasts/${broadcastId}`, { schema: broadcastSchema, signal });
}

/** The per-number results feed of a broadcast, with the query in the API's own filter language. */
export const broadcastDetailsPath = (broadcastId: number, params: ListParams) => `/v1/broadcasts/${broadcastId}/details${buildListQuery(params)}`;

export function listBroadcastDetails(broadcastId: number, params: ListParams, signal?: AbortSignal): Promise<Feed<BroadcastDetail>> {
  return apiRequest(broadcastDetailsPath(broadcastId, params), { schema: detailFeedSchema, signal });
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

/**
 * Creates (schedules or sends) a broadcast. The key makes repeats of this send return the first result
 * (docs/decisions/0051-idempotent-creates.md), so a double click or a retry cannot send it twice.
 */
export function createBroadcast(input: BroadcastCreateInput, idempotencyKey: string): Promise<BroadcastCreateResult | CreatedUnread> {
  return apiCreate('/v1/broadcasts', {
    body: input,
    schema: broadcastCreateResultSchema,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** What a Create Broadcast body would do — reach, cost, timing — without creating anything (ours). */
export function previewBroadcast(input: BroadcastCreateInput, signal?: AbortSignal): Promise<BroadcastPlan> {
  return apiRequest('/v1/broadcasts/preview', { method: 'POST', body: input, schema: broadcastPlanSchema, signal });
}

/** A draft staged through POST /v1/draftbroadcasts, to finish in the wizard. */
export function getDraftBroadcast(draftId: number, signal?: AbortSignal): Promise<DraftBroadcastBody> {
  return apiRequest(`/v1/draftbroadcasts/${draftId}`, { schema: draftBroadcastBodySchema, signal });
}
