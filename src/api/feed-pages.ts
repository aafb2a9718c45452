import type { Answer } from '@contract/answer.ts';
import type { z } from '@contract/zod.ts';
import { apiRequest } from './api-client.ts';
import { feedSchema } from '@contract/feed.ts';

export interface FeedPage<Item> {
  items: Item[];
  /** Matches across all pages (the Feed's `Size`). */
  total: number;
  /** Items received so far, this page included. */
  received: number;
}

/**
 * Walks a Feed page by page through its `Next` links (which carry the query along), for exports and other
 * "every matching row" work. Stops when `Next` is null or the signal aborts.
 */
export async function* walkFeed<Item extends z.ZodType>(
  firstPath: string,
  item: Item,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<FeedPage<Answer<z.infer<ReturnType<typeof feedSchema<Item>>>>['Items'][number]>> {
  const schema = feedSchema(item);
  let path: string | null = firstPath;
  let received = 0;
  while (path !== null) {
    const feed: Answer<z.infer<typeof schema>> = await apiRequest(path, { schema, signal });
    received += feed.Items.length;
    yield { items: feed.Items, total: feed.Size, received };
    if (feed.Items.length === 0) break;
    path = feed.Next;
  }
}
