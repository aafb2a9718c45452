import { z } from './zod.ts';

/** Reply to POST /v1/fileuploads. */
export const fileUploadResultSchema = z.object({ FileID: z.string() });
export type FileUploadResult = z.infer<typeof fileUploadResultSchema>;

/** `{FileID}` in a broadcast's `FileUploads`. */
export const fileUploadRefInputSchema = z.object({
  FileID: z.string({ error: 'Expected a file ID' }).trim().min(1, 'Expected a file ID'),
});
export type FileUploadRefInput = z.infer<typeof fileUploadRefInputSchema>;
