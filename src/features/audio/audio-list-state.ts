import type { QueryClient } from '@tanstack/react-query';
import type { Filter, ListParams } from '@/api/list-params.ts';
import { audioQueries } from '@/api/resources/audio/audio-queries.ts';
import { prefetchWhenSignedIn } from '@/api/resources/session/session-queries.ts';
import { readListState, type ListState, type ListStateOptions } from '@/hooks/use-list-search-params.ts';

export type AudioListFilter = 'type' | 'favorites';

/** The audio library's list state: recordings or text-to-speech, and favourites, in the URL. */
export const AUDIO_LIST_STATE: ListStateOptions<AudioListFilter> = { filters: ['type', 'favorites'] };

/** The Feed request for the library's filters, search, sort and page. */
export function audioListParams(list: ListState<AudioListFilter>): ListParams {
  const filters: Filter[] = [];
  if (list.filters.type === 'recordings' || list.filters.type === 'tts') {
    filters.push({ field: 'TextToSpeech', op: 'eq', value: list.filters.type === 'tts' });
  }
  if (list.filters.favorites === 'yes') filters.push({ field: 'Favorite', op: 'eq', value: true });
  return { page: list.page, pageSize: list.pageSize, sort: list.sort ? [list.sort] : undefined, search: list.search, filters };
}

/** Asks for the page of the library an audio-page URL shows, without waiting for it. */
export function prefetchAudioList(queryClient: QueryClient, url: string): void {
  prefetchWhenSignedIn(queryClient, audioQueries.list(audioListParams(readListState(new URL(url).searchParams, AUDIO_LIST_STATE))));
}
