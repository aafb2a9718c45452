import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AudioTtsCreateInput, AudioUpdateInput } from '@contract/audio.ts';
import { audioQueries } from './audio-queries.ts';
import { createTtsAudio, deleteAudio, updateAudio, uploadAudio } from './audio-requests.ts';

export function useCreateTtsAudio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AudioTtsCreateInput) => createTtsAudio(input),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audioQueries.all() }),
  });
}

export function useUploadAudio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name }: { file: File; name?: string }) => uploadAudio(file, name),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audioQueries.all() }),
  });
}

export function useUpdateAudio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ audioId, input }: { audioId: string; input: AudioUpdateInput }) => updateAudio(audioId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audioQueries.all() }),
  });
}

export function useDeleteAudio() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (audioId: string) => deleteAudio(audioId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audioQueries.all() }),
  });
}
