import { useMutation } from '@tanstack/react-query';
import { uploadFile } from '@/api/resources/file-uploads/file-upload-requests.ts';
import type { BroadcastCreateInput } from '@contract/broadcast.ts';
import { toCreateInput, type BroadcastDraft } from './broadcast-draft.ts';
import { fallbackFiller, fileNeedsFallbacks } from './merge-fallbacks.ts';
import { peopleOfCsv, recipientFileCsv } from './recipient-file.ts';

type Upload = (csv: string, fileName: string) => Promise<{ FileID: string }>;

/**
 * The Create Broadcast request to send: a file with people the merge-field fallbacks fill in is uploaded again with
 * them written into its rows, so any API sends what the preview showed (decision 0152). Inline recipients already
 * carry them (`toCreateInput`).
 */
export async function sendInputOf(draft: BroadcastDraft, upload: Upload): Promise<BroadcastCreateInput> {
  const input = toCreateInput(draft);
  const files = draft.recipients.files;
  if (!files.some((file) => fileNeedsFallbacks(draft, file))) return input;
  const fill = fallbackFiller(draft);
  const fileIds = await Promise.all(
    files.map(async (file) =>
      fileNeedsFallbacks(draft, file) ? (await upload(recipientFileCsv(peopleOfCsv(file.csv!).map((person) => fill(person))), file.name)).FileID : file.fileId,
    ),
  );
  return { ...input, FileUploads: fileIds.map((FileID) => ({ FileID })) };
}

/** Prepares the request to send (uploading rewritten files first); its error is shown beside the send button. */
export function useSendInput() {
  return useMutation({
    mutationFn: (draft: BroadcastDraft) => sendInputOf(draft, (csv, fileName) => uploadFile(csv, fileName)),
    meta: { handlesErrors: true },
  });
}
