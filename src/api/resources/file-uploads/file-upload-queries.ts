import { queryOptions } from '@tanstack/react-query';
import { getFileUpload } from './file-upload-requests.ts';

export const fileUploadQueries = {
  all: () => ['file-uploads'] as const,
  detail: (fileId: string) =>
    queryOptions({
      queryKey: [...fileUploadQueries.all(), 'detail', fileId],
      queryFn: ({ signal }) => getFileUpload(fileId, signal),
      // An upload never changes once stored.
      staleTime: Infinity,
    }),
};
