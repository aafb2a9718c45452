import { apiRequest } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { feedSchema } from '@contract/feed.ts';
import { phoneNumberBroadcastSchema } from '@contract/phone-number-broadcast.ts';

const phoneNumberBroadcastFeedSchema = feedSchema(phoneNumberBroadcastSchema);

/** The broadcasts that had the number among their recipients, with its result in each. */
export function listPhoneNumberBroadcasts(phoneNumber: string, params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/phonenumbers/${phoneNumber}/broadcasts${buildListQuery(params)}`, {
    schema: phoneNumberBroadcastFeedSchema,
    signal,
  });
}
