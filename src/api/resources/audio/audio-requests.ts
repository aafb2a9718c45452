import { API_BASE, apiRequest } from '../../api-client.ts';
import { buildListQuery, type ListParams } from '../../list-params.ts';
import { audioDeleteResultSchema, audioSchema, type Audio, type AudioTtsCreateInput, type AudioUpdateInput } from '@contract/audio.ts';
import { feedSchema } from '@contract/feed.ts';

const audioFeedSchema = feedSchema(audioSchema);

export function listAudio(params: ListParams, signal?: AbortSignal) {
  return apiRequest(`/v1/audio${buildListQuery(params)}`, { schema: audioFeedSchema, signal });
}

export function getAudio(audioId: string, signal?: AbortSignal): Promise<Audio> {
  return apiRequest(`/v1/audio/${encodeURIComponent(audioId)}`, { schema: audioSchema, signal });
}

/** Where an `<audio>` element can play a recording (docs/decisions/0042-audio-library.md); text-to-speech has none. */
export function audioContentUrl(audioId: string): string {
  return `${API_BASE}/v1/audio/${encodeURIComponent(audioId)}/content`;
}

export function createTtsAudio(input: AudioTtsCreateInput): Promise<Audio> {
  return apiRequest('/v1/audio', { method: 'POST', body: input, schema: audioSchema });
}

/** Uploads a WAV or MP3 file the way the API's clients do: multipart, the file in a part named File. */
export function uploadAudio(file: File, name?: string): Promise<Audio> {
  const form = new FormData();
  form.append('File', file, file.name);
  if (name) form.append('Name', name);
  return apiRequest(`/v1/audio/${encodeURIComponent(file.name)}`, { method: 'POST', body: form, schema: audioSchema });
}

export function updateAudio(audioId: string, input: AudioUpdateInput): Promise<Audio> {
  return apiRequest(`/v1/audio/${encodeURIComponent(audioId)}`, { method: 'PUT', body: input, schema: audioSchema });
}

export function deleteAudio(audioId: string) {
  return apiRequest(`/v1/audio/${encodeURIComponent(audioId)}`, { method: 'DELETE', schema: audioDeleteResultSchema });
}
