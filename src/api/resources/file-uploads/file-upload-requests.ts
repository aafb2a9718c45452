import { apiRequest } from '../../api-client.ts';
import { fileUploadResultSchema, fileUploadSchema, type FileUpload, type FileUploadResult } from '@contract/file-upload.ts';

/** Uploads a CSV as the raw body (REFERENCE.md §11); the reply's FileID serves broadcasts and imports. */
export function uploadFile(csv: Blob | string, fileName = ''): Promise<FileUploadResult> {
  const query = fileName ? `?FileName=${encodeURIComponent(fileName)}` : '';
  return apiRequest(`/v1/fileuploads${query}`, { method: 'POST', body: csv, contentType: 'text/csv', schema: fileUploadResultSchema });
}

export function getFileUpload(fileId: string, signal?: AbortSignal): Promise<FileUpload> {
  return apiRequest(`/v1/fileuploads/${encodeURIComponent(fileId)}`, { schema: fileUploadSchema, signal });
}
