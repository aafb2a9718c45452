import { z } from './zod.ts';

/** The API's error body (REFERENCE.md §3), used for every 4xx and 5xx the sandbox and our server answer. */
export const apiErrorBodySchema = z.object({
  ErrorCode: z.int(),
  ErrorName: z.string(),
  ErrorType: z.string(),
  Message: z.string(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
