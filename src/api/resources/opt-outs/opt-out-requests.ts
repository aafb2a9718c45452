import { apiCreate, apiRequest, type CreatedUnread } from '../../api-client.ts';
import { walkFeed } from '../../feed-pages.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { feedSchema } from '@contract/feed.ts';
import {
  optOutEventSchema,
  optOutRemovalResultSchema,
  optOutSchema,
  type OptOut,
  type OptOutChannel,
  type OptOutInput,
  type OptOutRemovalResult,
} from '@contract/opt-out.ts';

const optOutFeedSchema = feedSchema(optOutSchema);
const optOutEventFeedSchema = feedSchema(optOutEventSchema);

export function listOptOuts(params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/optouts${buildListQuery(params)}`, { schema: optOutFeedSchema, signal });
}

/** Every opt-out matching `params`, page by page (for exports). */
export function walkOptOuts(params: Omit<ListParams, 'page'>, signal?: AbortSignal) {
  return walkFeed(`/v1/optouts${buildListQuery(params)}`, optOutSchema, { signal });
}

export function listOptOutHistory(phoneNumber: string, params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/optouts/${phoneNumber}/history${buildListQuery(params)}`, { schema: optOutEventFeedSchema, signal });
}

export function addOptOut(input: OptOutInput): Promise<OptOut | CreatedUnread> {
  return apiCreate('/v1/optouts', { body: input, schema: optOutSchema });
}

export interface OptOutRemoval {
  phoneNumber: string;
  /** One channel to lift; both when left out. */
  channel?: OptOutChannel;
  /** Why the number may be contacted again (the consent). */
  notes?: string;
}

export function removeOptOut({ phoneNumber, channel, notes }: OptOutRemoval): Promise<OptOutRemovalResult> {
  const query = channel ? `?channel=${channel}` : '';
  return apiRequest(`/v1/optouts/${phoneNumber}${query}`, {
    method: 'DELETE',
    body: notes ? { Notes: notes } : undefined,
    schema: optOutRemovalResultSchema,
  });
}
