import { useMutation } from '@tanstack/react-query';
import { uploadFile } from './file-upload-requests.ts';

/** Uploading creates a new file and changes nothing already cached. */
export function useUploadFile() {
  return useMutation({
    mutationFn: ({ csv, fileName }: { csv: Blob | string; fileName?: string }) => uploadFile(csv, fileName),
    meta: { handlesErrors: true },
  });
}
