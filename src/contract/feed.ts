import { z } from './zod.ts';

/** The Feed envelope of every collection: `Size` counts all matches, `Items` holds this page. */
export function feedSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    Size: z.int().min(0),
    Items: z.array(item),
    Previous: z.string().nullable(),
    Next: z.string().nullable(),
  });
}

export interface Feed<Item> {
  Size: number;
  Items: Item[];
  Previous: string | null;
  Next: string | null;
}
