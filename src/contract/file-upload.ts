import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';

/** Reply to POST /v1/fileuploads. */
export const fileUploadResultSchema = z.object({ FileID: z.string() });
export type FileUploadResult = Answer<z.infer<typeof fileUploadResultSchema>>;

/**
 * `GET /v1/fileuploads/{FileID}` (our route, docs/decisions/0017-file-uploads.md): what an uploaded file holds.
 * Only `ValidRows` are used by broadcasts and imports; the others are refused rows.
 */
export const fileUploadSchema = z.object({
  Uri: uriSchema,
  FileID: z.string(),
  FileName: z.string(),
  /** Rows in the file, blank lines not counted. */
  TotalRows: z.int(),
  /** Rows with a valid phone number, no over-long field and a primary number not seen earlier in the file. */
  ValidRows: z.int(),
  CreatedDate: apiDateTimeSchema,
});
export type FileUpload = Answer<z.infer<typeof fileUploadSchema>>;

/** `{FileID}` in a broadcast's `FileUploads`. */
export const fileUploadRefInputSchema = z.object({
  FileID: z.string({ error: 'Expected a file ID' }).trim().min(1, 'Expected a file ID'),
});
export type FileUploadRefInput = z.infer<typeof fileUploadRefInputSchema>;
