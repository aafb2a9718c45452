import { apiRequest } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { feedSchema } from '@contract/feed.ts';
import { textNumberSchema, type TextNumber } from '@contract/text-number.ts';

const textNumberFeedSchema = feedSchema(textNumberSchema);

export function listTextNumbers(params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/textnumbers${buildListQuery(params)}`, { schema: textNumberFeedSchema, signal });
}

export function getTextNumber(textNumberId: number, signal?: AbortSignal): Promise<TextNumber> {
  return apiRequest(`/v1/textnumbers/${textNumberId}`, { schema: textNumberSchema, signal });
}
